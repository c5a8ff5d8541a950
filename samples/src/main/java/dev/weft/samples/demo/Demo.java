package dev.weft.samples.demo;

import dev.weft.DeadlockException;
import dev.weft.RunEvent;
import dev.weft.RunOptions;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import dev.weft.explore.Counterexample;
import dev.weft.explore.Explorer;
import dev.weft.explore.Timeline;
import dev.weft.junit.ProducerConsumer;
import dev.weft.junit.ProducerConsumer.Shutdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The seed program's story in four parts, each under a one-line heading: the correct
 * producer-consumer program's run and its timeline; the buggy program's deadlock report; the
 * explorer finding the bug, shrinking it and printing the report with the replay line; and the
 * replay reproducing the failure. Everything runs on the embedded defaults (random schedules, seed
 * 0, 1,000 tries), so the output is the same on every run and every machine.
 *
 * <pre>
 * mvn -B -q -pl samples -am compile -Ddemo
 * </pre>
 */
public final class Demo {
  private Demo() {}

  /**
   * The scenario the explorer searches: the buggy program, whose every item must be consumed.
   * Throws the run's {@link DeadlockException}, or an {@link AssertionError} naming the lost items.
   */
  static final ThrowingRunnable BUGGY_SCENARIO =
      () -> {
        ProducerConsumer.Result result =
            ProducerConsumer.seed().shutdown(Shutdown.SKIP_PRODUCER_AWAIT).run();
        if (!result.lost().isEmpty()) {
          throw new AssertionError("lost items " + result.lost() + " (" + result + ")");
        }
      };

  /**
   * Prints the story to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    correctRun();
    buggyRun();
    Counterexample found = explore();
    replay(found);
  }

  private static void correctRun() {
    heading(1, "The correct program (join the producers, then one stop signal per consumer):");
    List<RunEvent> events = new ArrayList<>();
    ProducerConsumer.Result result =
        Weft.run(RunOptions.defaults().listener(events::add), () -> ProducerConsumer.seed().run());
    System.out.println(ProducerConsumer.seed());
    System.out.println("=> " + result);
    System.out.println("Its timeline (one row per task; #n is the run's n-th step):");
    System.out.print(Timeline.of(events));
  }

  private static void buggyRun() {
    heading(2, "The bug (stop signals queued before the producers are joined): Weft's report");
    try {
      Weft.run(() -> ProducerConsumer.seed().shutdown(Shutdown.SKIP_PRODUCER_AWAIT).run());
      System.out.println("(no deadlock: this was not expected)");
    } catch (DeadlockException deadlock) {
      System.out.println(deadlock.getMessage());
    }
  }

  private static Counterexample explore() {
    heading(3, "The explorer searches its schedules, finds a failure, shrinks it, and reports:");
    Counterexample found =
        Explorer.explore(BUGGY_SCENARIO)
            .run()
            .counterexample()
            .orElseThrow(() -> new IllegalStateException("the explorer found no failure"));
    System.out.print(found); // the report ends with a line break
    return found;
  }

  private static void replay(Counterexample found) {
    heading(4, "The replay line, run: it reproduces the failure");
    System.out.println(
        "Weft.run(RunOptions.defaults().replay(Schedule.parse(\""
            + found.minimal()
            + "\")).maxSteps(100000), scenario)");
    Throwable failure = found.failure();
    try {
      Weft.run(RunOptions.defaults().replay(found.minimal()).maxSteps(100000), BUGGY_SCENARIO);
      System.out.println("=> it passed: the failure was NOT reproduced");
    } catch (RuntimeException | Error thrown) {
      boolean same =
          thrown.getClass() == failure.getClass()
              && Objects.equals(thrown.getMessage(), failure.getMessage());
      System.out.println("=> threw " + thrown.getClass().getName() + ": " + firstLine(thrown));
      System.out.println(
          same
              ? "=> the same failure, with the same message: reproduced"
              : "=> a different failure from the one found: " + failure);
    }
  }

  private static void heading(int part, String text) {
    if (part > 1) {
      System.out.println();
    }
    System.out.println("== " + part + ". " + text);
  }

  private static String firstLine(Throwable thrown) {
    String message = String.valueOf(thrown.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
