package dev.weft.samples.threads;

import dev.weft.DeadlockException;
import dev.weft.Preemption;
import dev.weft.RunOptions;
import dev.weft.Strategy;
import dev.weft.Weft;
import dev.weft.explore.Counterexample;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import dev.weft.junit.ProducerConsumer;
import dev.weft.junit.ProducerConsumer.Shutdown;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs the buggy producer-consumer program (stop signals before the producers are joined) on real
 * threads again and again, counting the runs that lose items or hang, then lets Weft's explorer
 * find the same bug in the same program written with Weft, and finally runs the Weft program on as
 * many random schedules, counting the same outcomes; it prints all three.
 *
 * <pre>
 * mvn -B -q -pl samples -am compile
 * java -cp samples/target/classes:junit-extension/target/classes:harness/target/classes \
 *     dev.weft.samples.threads.RealThreadsVersusWeft 1000
 * </pre>
 *
 * <p>(Not {@code exec:java}: with {@code -am} it would run in every module of the reactor.)
 *
 * <p>The argument is the number of real-thread runs (1000 by default). A run that has not finished
 * within 200 ms of real time counts as a hang; its threads are interrupted and joined before the
 * next run starts. The real-thread figures depend on the machine and its load; Weft's do not.
 */
public final class RealThreadsVersusWeft {
  /** How long a real-thread run may take before it counts as a hang. */
  static final Duration HANG_TIMEOUT = Duration.ofMillis(200);

  /**
   * The real-thread program, written with Weft: 2 producers of 3 items, 3 consumers, capacity 2.
   */
  static final ProducerConsumer PROGRAM =
      ProducerConsumer.seed().items(3, 3).shutdown(Shutdown.SKIP_PRODUCER_AWAIT);

  private RealThreadsVersusWeft() {}

  /**
   * Runs the comparison.
   *
   * @param args the number of real-thread runs, optional (default 1000)
   * @throws InterruptedException if interrupted while waiting for a run
   */
  public static void main(String[] args) throws InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    System.out.println(
        "Java "
            + Runtime.version()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " processors");
    realThreads(runs);
    System.out.println();
    weft();
    System.out.println();
    weftSchedules(runs);
  }

  private static void realThreads(int runs) throws InterruptedException {
    System.out.println(
        "Real threads, stop signals first: "
            + runs
            + " runs, a run unfinished after "
            + HANG_TIMEOUT.toMillis()
            + " ms counts as a hang");
    int lost = 0;
    int hung = 0;
    int firstBad = 0;
    long start = System.nanoTime();
    for (int i = 1; i <= runs; i++) {
      ThreadedProducerConsumer run =
          ThreadedProducerConsumer.start(ThreadedProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT);
      try {
        boolean bad;
        if (!run.awaitFinished(HANG_TIMEOUT)) {
          hung++;
          bad = true;
        } else {
          bad = !run.lost().isEmpty();
          if (bad) {
            lost++;
          }
        }
        if (bad && firstBad == 0) {
          firstBad = i;
        }
      } finally {
        run.stop();
      }
    }
    long nanos = System.nanoTime() - start;
    System.out.printf(
        "  lost items: %d runs; hung: %d runs; correct: %d runs; first bad run: %s%n",
        lost, hung, runs - lost - hung, firstBad == 0 ? "none" : "#" + firstBad);
    System.out.printf(
        "  real time: %d ms in all, %.2f ms a run%n", nanos / 1_000_000, nanos / 1e6 / runs);
  }

  private static void weft() {
    System.out.println(
        "Weft, the same program (" + PROGRAM + "): Explorer, random schedules, seed 0");
    int[] tries = {0};
    int[] firstFailingTry = {0};
    long[] foundAt = {0};
    long start = System.nanoTime();
    ExplorationResult result =
        Explorer.explore(
                () -> {
                  tries[0]++;
                  try {
                    List<String> lostItems = PROGRAM.run().lost();
                    if (!lostItems.isEmpty()) {
                      throw new AssertionError("lost " + lostItems);
                    }
                  } catch (RuntimeException | Error e) {
                    if (firstFailingTry[0] == 0) {
                      firstFailingTry[0] = tries[0]; // tries run one after another: this is it
                      foundAt[0] = System.nanoTime();
                    }
                    throw e;
                  }
                })
            .run();
    long nanos = System.nanoTime() - start;
    Optional<Counterexample> found = result.counterexample();
    if (found.isEmpty()) {
      System.out.printf("  no failure in %d tries, %d ms%n", result.tries(), nanos / 1_000_000);
      return;
    }
    Throwable failure = found.get().failure();
    System.out.printf(
        "  found on try %d after %.1f ms; shrunk and replayed: %d ms in all%n",
        firstFailingTry[0], (foundAt[0] - start) / 1e6, nanos / 1_000_000);
    System.out.println(
        "  failure: " + failure.getClass().getName() + ": " + firstLine(failure.getMessage()));
    System.out.println("  minimal schedule: \"" + found.get().minimal() + "\"");
  }

  /**
   * Runs the Weft program once per seed, each run on its own random schedule, with a switch allowed
   * at every queue operation (to model threads), and counts the outcomes as for real threads.
   */
  private static void weftSchedules(int runs) {
    System.out.println(
        "Weft, the same program on "
            + runs
            + " random schedules (Weft.run, Strategy.random(), seeds 0 to "
            + (runs - 1)
            + ", Preemption.EVERY_OPERATION):");
    int lost = 0;
    int deadlocked = 0;
    long start = System.nanoTime();
    for (int seed = 0; seed < runs; seed++) {
      RunOptions options =
          RunOptions.defaults()
              .strategy(Strategy.random())
              .seed(seed)
              .preemption(Preemption.EVERY_OPERATION);
      try {
        if (!Weft.run(options, PROGRAM::run).lost().isEmpty()) {
          lost++;
        }
      } catch (DeadlockException e) {
        deadlocked++;
      }
    }
    long nanos = System.nanoTime() - start;
    System.out.printf(
        "  lost items: %d runs; deadlocked (reported at once, no timeout): %d runs; correct: %d runs%n",
        lost, deadlocked, runs - lost - deadlocked);
    System.out.printf(
        "  real time: %d ms in all, %.2f ms a run; the same counts on every machine%n",
        nanos / 1_000_000, nanos / 1e6 / runs);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
