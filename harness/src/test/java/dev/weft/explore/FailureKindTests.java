package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Preemption;
import dev.weft.Promise;
import dev.weft.Queue;
import dev.weft.QueueFullException;
import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Counterexample#kind()} says how the minimal run failed, so that a test asserts "a deadlock
 * or an exception thrown by main" without defining exception classes; the shrinker keeps a smaller
 * schedule when it fails with the same kind and exception type, from whichever task.
 */
class FailureKindTests {

  private static Counterexample found(Explorer explorer) {
    return explorer.run().counterexample().orElseThrow(() -> new AssertionError("nothing failed"));
  }

  private static Counterexample found(ThrowingRunnable scenario) {
    return found(Explorer.explore(scenario).tries(1));
  }

  @Nested
  @DisplayName("each way a run fails has its kind")
  class Kinds {

    @Test
    @DisplayName("main throws: EXCEPTION")
    void exceptionThrownByMain() {
      Counterexample found =
          found(
              () -> {
                throw new IllegalStateException("main's own");
              });
      assertThat(found.kind()).isEqualTo(FailureKind.EXCEPTION);
      assertThat(found.kind().description()).isEqualTo("exception thrown by main");
    }

    @Test
    @DisplayName("a task's failure that main awaited is main's: EXCEPTION")
    void exceptionAwaitedByMain() {
      Counterexample found =
          found(
              () ->
                  Weft.spawn(
                          "worker",
                          () -> {
                            throw new IllegalStateException("worker's");
                          })
                      .join());
      assertThat(found.kind()).isEqualTo(FailureKind.EXCEPTION);
    }

    @Test
    @DisplayName("nothing can run and main has not returned: DEADLOCK")
    void deadlock() {
      Counterexample found =
          found(
              () -> {
                Promise<Void> never = Weft.promise("never");
                never.join();
              });
      assertThat(found.kind()).isEqualTo(FailureKind.DEADLOCK);
    }

    @Test
    @DisplayName("a task fails and nobody joins it: UNOBSERVED_TASK_FAILURE")
    void unobserved() {
      Counterexample found =
          found(
              () -> {
                Weft.spawn(
                    "forgotten",
                    () -> {
                      throw new IllegalStateException("nobody looks");
                    });
                Weft.yieldNow();
              });
      assertThat(found.kind()).isEqualTo(FailureKind.UNOBSERVED_TASK_FAILURE);
    }

    @Test
    @DisplayName(
        "a task still pending when main returns, under failOnLeftoverTasks: LEFTOVER_TASKS")
    void leftovers() {
      ThrowingRunnable scenario =
          () -> {
            Promise<Void> never = Weft.promise("never");
            Weft.spawn("waiter", never::join);
            Weft.yieldNow();
          };
      Explorer explorer = Explorer.explore(scenario).tries(1);
      Counterexample found = found(explorer.options(explorer.options().failOnLeftoverTasks(true)));
      assertThat(found.kind()).isEqualTo(FailureKind.LEFTOVER_TASKS);
    }

    @Test
    @DisplayName("a run past its step limit: STEP_LIMIT")
    void stepLimit() {
      Counterexample found =
          found(
              Explorer.explore(
                      () -> {
                        while (true) {
                          Weft.yieldNow();
                        }
                      })
                  .maxSteps(50)
                  .tries(1));
      assertThat(found.kind()).isEqualTo(FailureKind.STEP_LIMIT);
    }
  }

  @Nested
  @DisplayName("the shrinker's \"fails the same way\" is the same kind and exception type")
  class SameWay {

    /**
     * Two tasks each check that the queue (of one slot) has room, then put: a switch between the
     * check and the put lets the other task fill the slot, and the put fails. Symmetric: either
     * task can be the one that fails.
     */
    private void checkThenPut() {
      Queue<String> queue = new Queue<>("slot", 1);
      ThrowingRunnable putIfRoom =
          () -> {
            if (!queue.isFull()) {
              queue.putNowait(Weft.current().name());
            }
          };
      Weft.gather(Weft.spawn("A", putIfRoom), Weft.spawn("B", putIfRoom));
    }

    @Test
    @DisplayName(
        "a symmetric bug found with B failing after two departures shrinks to the one-departure"
            + " minimum, in which A fails")
    void symmetricBugShrinksToItsMinimum() {
      Counterexample found =
          found(
              Explorer.explore(this::checkThenPut)
                  .preemption(Preemption.EVERY_OPERATION)
                  .strategy(Strategy.replay(Schedule.parse("every-operation: 1:B p1")))
                  .tries(1));

      assertThat(found.schedule()).hasToString("every-operation: 1:B p1");
      assertThat(found.minimal()).hasToString("every-operation: _ p1");
      assertThat(found.kind()).isEqualTo(FailureKind.EXCEPTION);
      assertThat(found.failure()).isInstanceOf(QueueFullException.class);
      assertThat(found.timeline()).containsPattern("A +#\\d+ @0s switched out");
    }

    @Test
    @DisplayName("a deadlock does not shrink into an exception, nor the other way round")
    void kindsStayApart() {
      Counterexample found =
          found(
              Explorer.explore(
                      () -> {
                        int value = Weft.choose(10);
                        if (value >= 5) {
                          Weft.promise("never").join();
                        } else if (value >= 1) {
                          throw new IllegalStateException("value " + value);
                        }
                      })
                  .strategy(Strategy.replay(Schedule.parse("d9")))
                  .tries(1));

      assertThat(found.minimal()).hasToString("d5");
      assertThat(found.kind()).isEqualTo(FailureKind.DEADLOCK);
    }
  }
}
