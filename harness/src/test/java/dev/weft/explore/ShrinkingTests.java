package dev.weft.explore;

import static dev.weft.TestPrograms.racers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.DeadlockException;
import dev.weft.Promise;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.TaskFailedException;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * a failing schedule is shrunk to the smallest one that fails the same way (fewer departures from
 * asyncio's order, fewer choices, smaller data values), where "the same way" is the same kind of
 * failure and exception type, from whichever task.
 */
class ShrinkingTests {

  private static Counterexample counterexample(Explorer explorer) {
    Counterexample found =
        explorer.run().counterexample().orElseThrow(() -> new AssertionError("nothing failed"));
    assertThat(found.minimal().size()).isLessThanOrEqualTo(found.schedule().size());
    return found;
  }

  /** Explores {@code scenario} starting from the failing schedule {@code from}: one try. */
  private static Counterexample shrunkFrom(String from, ThrowingRunnable scenario) {
    Counterexample found =
        counterexample(
            Explorer.explore(scenario).strategy(Strategy.replay(Schedule.parse(from))).tries(1));
    assertThat(found.schedule()).isEqualTo(Schedule.parse(from));
    return found;
  }

  @Nested
  @DisplayName("data values shrink to the edge of the failure")
  class DataValues {

    private void failsFrom37() {
      int value = Weft.choose(100);
      if (value >= 37) {
        throw new IllegalStateException("value " + value);
      }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    @DisplayName("a run failing iff choose(100) >= 37 shrinks to \"d37\"")
    void thresholdShrinksToItsEdge(long seed) {
      Counterexample found = counterexample(Explorer.explore(this::failsFrom37).seed(seed));
      assertThat(found.minimal()).hasToString("d37");
      assertThat(found.failure()).isInstanceOf(IllegalStateException.class).hasMessage("value 37");
      assertThat(found.toString()).contains("\"d37\"");
    }

    @Test
    @DisplayName("from the far end, d99 still shrinks to \"d37\"")
    void farValueShrinksToItsEdge() {
      Counterexample found = shrunkFrom("d99", this::failsFrom37);
      assertThat(found.minimal()).hasToString("d37");
      assertThat(found.minimal().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("choices that only add rounds are dropped: d1 d1 d1 _ d9 -> \"_ d5\"")
    void choicesThatOnlyAddRoundsAreDropped() {
      Counterexample found =
          shrunkFrom(
              "d1 d1 d1 _ d9",
              () -> {
                int rounds = 0;
                while (Weft.choose(2) == 1) {
                  rounds++; // extra rounds change nothing that matters
                }
                int value = Weft.choose(10);
                if (value >= 5) {
                  throw new IllegalStateException(
                      "value " + value + " after " + rounds + " rounds");
                }
              });
      // Lowering or zeroing a d1 turns the next choice into the loop's exit or the value, so only
      // dropping the extra rounds shortens the schedule.
      assertThat(found.minimal()).hasToString("_ d5");
      assertThat(found.failure()).hasMessage("value 5 after 0 rounds");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    @DisplayName("a run failing iff a + b >= 10 shrinks to two values that sum to 10")
    void sumShrinksToExactlyItsBound(long seed) {
      Counterexample found =
          counterexample(
              Explorer.explore(
                      () -> {
                        int a = Weft.choose(10);
                        int b = Weft.choose(10);
                        if (a + b >= 10) {
                          throw new IllegalStateException("a + b = " + (a + b));
                        }
                      })
                  .seed(seed));
      assertThat(found.failure()).hasMessage("a + b = 10");
      assertThat(found.minimal().size()).isEqualTo(2);
      // Replaying the minimal schedule gives the values it holds.
      List<Integer> values =
          Weft.run(
              RunOptions.defaults().replay(found.minimal()),
              () -> List.of(Weft.choose(10), Weft.choose(10)));
      assertThat(values.get(0) + values.get(1)).isEqualTo(10);
      assertThat(found.minimal().toString()).matches("d\\d d\\d|d5\\*2");
    }
  }

  @Nested
  @DisplayName("task orders shrink to the fewest departures from asyncio's order")
  class TaskOrders {

    private void bMustNotRunBeforeA() {
      List<String> log = racers(5, 3);
      if (log.indexOf("b1") < log.indexOf("a1")) {
        throw new IllegalStateException("B ran before A: " + log);
      }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    @DisplayName("an order violation (B before A) shrinks to the single departure \"1:B\"")
    void orderViolationShrinksToOneDeparture(long seed) {
      Counterexample found = counterexample(Explorer.explore(this::bMustNotRunBeforeA).seed(seed));
      assertThat(found.minimal().toString()).isIn("1", "1:B");
      // The whole run otherwise keeps asyncio's order: B, then A, C, D, E, round robin.
      assertThat(found.failure())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "B ran before A: [b1, a1, c1, d1, e1, b2, a2, c2, d2, e2, b3, a3, c3, d3, e3]");
      assertThat(found.schedule().size()).isGreaterThan(found.minimal().size());
      assertThatThrownBy(
              () ->
                  Weft.run(
                      RunOptions.defaults().replay(found.minimal()),
                      () -> {
                        bMustNotRunBeforeA();
                        return null;
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("B ran before A");
    }
  }

  @Nested
  @DisplayName("shrinking keeps the kind of failure")
  class FailureKinds {

    /** Values 1-4 throw IllegalStateException; 5 and up deadlock main on a promise. */
    private void throwsOrDeadlocks() {
      int value = Weft.choose(10);
      if (value >= 5) {
        Weft.promise("never").join();
      } else if (value >= 1) {
        throw new IllegalStateException("value " + value);
      }
    }

    @Test
    @DisplayName("a deadlock found at d9 shrinks to the smallest deadlock, d5, not d1")
    void aDeadlockStaysADeadlock() {
      Counterexample found = shrunkFrom("d9", this::throwsOrDeadlocks);
      assertThat(found.minimal()).hasToString("d5");
      assertThat(found.failure()).isInstanceOf(DeadlockException.class);
    }

    @Test
    @DisplayName("an exception found at d4 shrinks to the smallest exception, d1")
    void anExceptionStaysAnException() {
      Counterexample found = shrunkFrom("d4", this::throwsOrDeadlocks);
      assertThat(found.minimal()).hasToString("d1");
      assertThat(found.failure()).isInstanceOf(IllegalStateException.class).hasMessage("value 1");
    }

    @Test
    @DisplayName(
        "an IllegalArgumentException from main does not shrink into an"
            + " IllegalStateException from main")
    void theExceptionTypeStaysTheSame() {
      Counterexample found =
          shrunkFrom(
              "d9",
              () -> {
                int value = Weft.choose(10);
                if (value >= 5) {
                  throw new IllegalArgumentException("value " + value);
                } else if (value >= 1) {
                  throw new IllegalStateException("value " + value);
                }
              });
      assertThat(found.minimal()).hasToString("d5");
      assertThat(found.failure())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("value 5");
    }

    @Test
    @DisplayName(
        "an unobserved failure of task Y shrinks into the same failure of task X: the failing task"
            + " is not part of the way it fails")
    void theFailingTaskMayChange() {
      Counterexample found =
          shrunkFrom(
              "d9",
              () -> {
                int value = Weft.choose(10);
                if (value >= 1) {
                  String name = value >= 5 ? "Y" : "X";
                  Weft.spawn(
                      name,
                      () -> {
                        throw new IllegalStateException(name + " failed at " + value);
                      });
                  Weft.yieldNow(); // nobody joins it: the run fails when main returns
                }
              });
      assertThat(found.minimal()).hasToString("d1");
      assertThat(found.kind()).isEqualTo(FailureKind.UNOBSERVED_TASK_FAILURE);
      assertThat(found.failure()).isInstanceOf(TaskFailedException.class);
      assertThat(found.failure().getCause()).hasMessage("X failed at 1");
    }

    @Test
    @DisplayName(
        "a deadlock of main and B shrinks into a deadlock of main and A: both are deadlocks;"
            + " every distinct failure keeps them apart")
    void aDeadlockShrinksIntoAnyDeadlock() {
      Counterexample found =
          shrunkFrom(
              "d9",
              () -> {
                int value = Weft.choose(10);
                if (value >= 1) {
                  Promise<Void> never = Weft.promise("never");
                  Weft.spawn(value >= 5 ? "B" : "A", never::join).join();
                }
              });
      assertThat(found.minimal()).hasToString("d1");
      assertThat(found.kind()).isEqualTo(FailureKind.DEADLOCK);
      assertThat(found.failure())
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining("  A ")
          .hasMessageNotContaining("  B ");
    }
  }
}
