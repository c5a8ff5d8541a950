package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slow step warning (RunOptions.slowStepWarning): a step that takes long in real time, because
 * it blocks outside Weft, is named in a warning, and a run without one reports what it always did.
 *
 * <p>These tests block a task's thread outside Weft on purpose, since that is what the warning is
 * about: {@link #blockOutsideWeft} waits with Awaitility, so the thread is seen waiting, as it
 * would be in a JDK lock or queue. Timing is only ever a lower bound: a step blocked 150 ms is over
 * a 50 ms threshold on any machine, and a fast program is measured against a 10 s threshold it
 * cannot reach.
 */
class SlowStepTests {
  private static final Duration LOW = Duration.ofMillis(50);
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  /**
   * Holds the calling task's thread outside Weft, waiting, for at least {@code millis} of real
   * time: Awaitility's first poll comes only after that delay.
   */
  static void blockOutsideWeft(long millis) {
    await()
        .pollDelay(Duration.ofMillis(millis))
        .atMost(Duration.ofMillis(millis).plusSeconds(30))
        .until(() -> true);
  }

  /** A listener that keeps the slow step warnings it is given, and no event. */
  private static final class Warnings implements RunListener {
    final List<String> received = new ArrayList<>();

    @Override
    public void onEvent(RunEvent event) {}

    @Override
    public void onSlowSteps(String warning) {
      received.add(warning);
    }
  }

  /**
   * "worker" sleeps 2 s of virtual time, as main does, then blocks outside Weft; main takes its
   * turn in between, and then waits for it.
   */
  private static String blockingWorker() throws Exception {
    Task<String> worker =
        Weft.spawn(
            "worker",
            () -> {
              Weft.sleep(Duration.ofSeconds(2));
              blockOutsideWeft(150);
              Weft.yieldNow();
              return "done";
            });
    Weft.sleep(Duration.ofSeconds(2));
    return worker.join();
  }

  @Test
  void aStepThatBlocksOutsideWeftIsWarnedAboutNamingTheTaskAndWhatItDid() {
    Warnings warnings = new Warnings();

    String result =
        Weft.run(
            RunOptions.defaults().slowStepWarning(LOW).listener(warnings),
            SlowStepTests::blockingWorker);

    assertThat(result).isEqualTo("done");
    assertThat(warnings.received).hasSize(1);
    assertThat(warnings.received.get(0))
        .startsWith("Warning: ")
        .contains(
            "a task held the run for more than 50 ms of real time while blocked outside Weft"
                + " (RunOptions.slowStepWarning):\n")
        .containsPattern(
            "\n  task 'worker' held it for [0-9,]+ ms, from its return from sleep at virtual time 2s"
                + " until its end\n")
        .contains("code that blocks outside Weft (Thread.sleep, a JDK lock or queue, I/O)");
  }

  @Test
  void aTaskThatHoldsTheRunManyTimesIsNamedOnceWithHowOften() {
    Warnings warnings = new Warnings();

    Weft.run(
        RunOptions.defaults().slowStepWarning(LOW).listener(warnings),
        () -> {
          Task<Void> worker =
              Weft.spawn(
                  "worker",
                  () -> {
                    for (int i = 0; i < 3; i++) {
                      blockOutsideWeft(60);
                      Weft.sleep(Duration.ofSeconds(1));
                    }
                  });
          for (int i = 0; i < 3; i++) {
            Weft.sleep(Duration.ofSeconds(1)); // main runs between the worker's turns
          }
          return worker.join();
        });

    assertThat(warnings.received).hasSize(1);
    assertThat(warnings.received.get(0))
        .containsOnlyOnce("task 'worker'")
        .doesNotContain("task 'main'")
        .contains("until its next wait, in sleep (the longest of 3 times)");
  }

  @Test
  void aFastRunHasNoWarning() {
    Warnings warnings = new Warnings();

    Weft.run(
        RunOptions.defaults().slowStepWarning(GENEROUS).listener(warnings),
        () -> {
          Queue<Integer> queue = new Queue<>("items", 1);
          Task<Void> consumer =
              Weft.spawn(
                  "consumer",
                  () -> {
                    for (int i = 0; i < 100; i++) {
                      queue.get();
                    }
                  });
          for (int i = 0; i < 100; i++) {
            queue.put(i);
          }
          return consumer.join();
        });

    assertThat(warnings.received).isEmpty();
  }

  @Test
  void zeroTurnsTheWarningOff() {
    Warnings warnings = new Warnings();

    Weft.run(
        RunOptions.defaults().slowStepWarning(Duration.ZERO).listener(warnings),
        SlowStepTests::blockingWorker);

    assertThat(warnings.received).isEmpty();
  }

  @Test
  void aFailingRunCarriesTheWarningAndKeepsItsReport() {
    ThrowingRunnable deadlockAfterASlowStep =
        () -> {
          blockOutsideWeft(150);
          new Event("never").await();
        };

    Throwable slow =
        catchFailure(RunOptions.defaults().slowStepWarning(LOW), deadlockAfterASlowStep);
    Throwable fast =
        catchFailure(RunOptions.defaults().slowStepWarning(GENEROUS), deadlockAfterASlowStep);

    assertThat(slow).isInstanceOf(DeadlockException.class).hasMessage(fast.getMessage());
    assertThat(Arrays.stream(slow.getSuppressed()).map(Throwable::getMessage))
        .anySatisfy(
            note ->
                assertThat(note)
                    .startsWith("Warning: ")
                    .contains(
                        "task 'main' held it for ",
                        "from its start at virtual time 0s until its next wait, in await on event"
                            + " 'never'"));
    assertThat(fast.getSuppressed()).isEmpty();
  }

  @Test
  void anExplorationWarnsOnceForAllItsTries() {
    ExplorationResult result =
        Explorer.explore(
                () ->
                    Weft.spawn(
                            "worker",
                            () -> {
                              blockOutsideWeft(60);
                            })
                        .join())
            .options(Explorer.explore(() -> {}).options().slowStepWarning(LOW))
            .tries(3)
            .run();

    assertThat(result.counterexample()).isEmpty();
    assertThat(result.slowStepWarning())
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains("(RunOptions.slowStepWarning), in 3 of 3 tries:\n")
                    .contains("task 'worker' held it for ")
                    .contains("from its start at virtual time 0s until its end (the longest of 3"));
    assertThat(result.toString()).startsWith("No failing schedule in 3 tries.\n\nWarning: ");
  }

  @Test
  void aCounterexampleReportEndsWithTheWarning() {
    ExplorationResult result =
        Explorer.explore(
                () -> {
                  blockOutsideWeft(60);
                  throw new AssertionError("wrong");
                })
            .options(Explorer.explore(() -> {}).options().slowStepWarning(LOW))
            .tries(1)
            .run();

    assertThat(result.counterexample()).isPresent();
    assertThat(result.counterexample().get().toString())
        .contains("Replayed twice more, with identical traces.\n\nWarning: ")
        .contains("task 'main' held it for ");
  }

  @Test
  void everyFailureEndsItsSummaryWithTheWarningOnce() {
    ExplorationResult result =
        Explorer.explore(
                () -> {
                  blockOutsideWeft(60);
                  throw new AssertionError("wrong");
                })
            .options(Explorer.explore(() -> {}).options().slowStepWarning(LOW))
            .everyFailure(true)
            .checkDeterminism(false)
            .tries(2)
            .run();

    assertThat(result.failures()).hasSize(1);
    assertThat(result.toString())
        .containsOnlyOnce("Warning: ")
        .contains("in 2 of 2 tries:\n  task 'main' held it for ");
  }

  @Test
  void anExplorationWithoutSlowStepsHasNoWarning() {
    ExplorationResult result =
        Explorer.explore(() -> Weft.spawn("worker", () -> Weft.yieldNow()).join())
            .options(Explorer.explore(() -> {}).options().slowStepWarning(GENEROUS))
            .tries(3)
            .run();

    assertThat(result.slowStepWarning()).isEmpty();
    assertThat(result.toString()).isEqualTo("No failing schedule in 3 tries.");
  }

  @Test
  void theThresholdIsCheckedAndKept() {
    assertThat(RunOptions.defaults().slowStepWarning()).isEqualTo(Duration.ofMillis(100));
    assertThat(RunOptions.defaults().slowStepWarning(GENEROUS).slowStepWarning())
        .isEqualTo(GENEROUS);
    assertThatThrownBy(() -> RunOptions.defaults().slowStepWarning(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slowStepWarning threshold must be zero or more, but was PT-0.001S");
    assertThatThrownBy(() -> RunOptions.defaults().slowStepWarning(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slowStepWarning threshold must not be null");
  }

  private static Throwable catchFailure(RunOptions options, ThrowingRunnable main) {
    try {
      Weft.run(
          options,
          () -> {
            main.run();
            return null;
          });
    } catch (Throwable failure) {
      return failure;
    }
    throw new AssertionError("the run did not fail");
  }
}
