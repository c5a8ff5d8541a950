package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Strategy;
import dev.weft.Weft;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Explorer#everyFailure(boolean)}: the exploration runs every try and returns each distinct
 * failure (by kind, exception type and blocked tasks) with how many tries hit it and its own
 * minimal schedule.
 */
class EveryFailureTests {

  /**
   * Two data choices, six schedules in all: b = 2 fails an assertion (2 schedules); a = 1 with b =
   * 0 deadlocks main and A, with b = 1 main and B; the other 2 pass.
   */
  private static void threeWaysToFail() {
    int a = Weft.choose(2);
    int b = Weft.choose(3);
    if (b == 2) {
      throw new AssertionError("b is 2");
    }
    if (a == 1) {
      Weft.spawn(b == 0 ? "A" : "B", () -> Weft.promise("never").join()).join();
    }
  }

  private static Explorer explorer() {
    return Explorer.explore(EveryFailureTests::threeWaysToFail).strategy(Strategy.exhaustive(0));
  }

  @Test
  @DisplayName(
      "each distinct failure, in the order first seen, with its tries and minimal schedule")
  void everyDistinctFailure() {
    ExplorationResult result = explorer().everyFailure(true).run();

    assertThat(result.tries()).isEqualTo(6);
    // It went on past the failures through the whole bounded space: these are all its failures.
    assertThat(result.exhausted()).isTrue();
    List<DistinctFailure> failures = result.failures();
    assertThat(failures)
        .extracting(DistinctFailure::kind)
        .containsExactly(FailureKind.EXCEPTION, FailureKind.DEADLOCK, FailureKind.DEADLOCK);
    assertThat(failures)
        .extracting(DistinctFailure::exceptionType)
        .containsExactly(
            "java.lang.AssertionError", "dev.weft.DeadlockException", "dev.weft.DeadlockException");
    assertThat(failures)
        .extracting(DistinctFailure::blocked)
        .containsExactly(List.of(), List.of("main", "A"), List.of("main", "B"));
    assertThat(failures).extracting(DistinctFailure::tries).containsExactly(2, 1, 1);
    // Each shrunk on its own, keeping its blocked tasks: B's deadlock does not become A's.
    assertThat(failures)
        .extracting(failure -> failure.counterexample().minimal().toString())
        .containsExactly("_ d2", "d1", "d1*2");
    assertThat(result.counterexample()).contains(failures.get(0).counterexample());
  }

  @Test
  @DisplayName("the report sums them up, then gives each one's report")
  void report() {
    ExplorationResult result = explorer().everyFailure(true).run();

    assertThat(result.toString())
        .startsWith(
            "Weft found 3 distinct failures in 6 tries (Strategy.exhaustive(0), seed 0):\n"
                + "  1. AssertionError thrown by main: 2 tries (33.3%), minimal schedule \"_ d2\"\n"
                + "  2. deadlock of main, A: 1 try (16.7%), minimal schedule \"d1\"\n"
                + "  3. deadlock of main, B: 1 try (16.7%), minimal schedule \"d1*2\"\n"
                + "  Passed: 2 tries (33.3%).\n"
                + "  The bounded space was explored completely: these are all its failures.\n"
                + "\n=== Failure 1 of 3 ===\n"
                + "Weft found a failing schedule on try 3 of 1000")
        .contains("\n=== Failure 2 of 3 ===\nWeft found a failing schedule on try 4 of 1000")
        .contains("\n=== Failure 3 of 3 ===\nWeft found a failing schedule on try 5 of 1000");
    Throwable thrown = catchThrowable(() -> explorer().everyFailure(true).check());
    assertThat(thrown).isInstanceOf(AssertionError.class).hasMessage(result.toString());
    assertThat(thrown.getCause()).isInstanceOf(AssertionError.class).hasMessage("b is 2");
  }

  /** Thrown to discard a try, as a test framework's failed assumption does. */
  private static final class Discarded extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Test
  @DisplayName(
      "discarded tries are counted apart: failures, passes and discards add up to the tries, and"
          + " the shares are of the tries not discarded")
  void discardedTriesAreCountedApart() {
    ExplorationResult result =
        Explorer.explore(
                () -> {
                  threeWaysToFail();
                  if (Weft.elapsed().isZero()) { // a = 0, b = 1 passed: discard it
                    throw new Discarded();
                  }
                })
            .strategy(Strategy.exhaustive(0))
            .discardWhen(failure -> failure instanceof Discarded)
            .everyFailure(true)
            .run();

    assertThat(result.tries()).isEqualTo(6);
    assertThat(result.discarded()).isEqualTo(2);
    assertThat(result.failures()).extracting(DistinctFailure::tries).containsExactly(2, 1, 1);
    assertThat(result.toString())
        .startsWith(
            "Weft found 3 distinct failures in 6 tries (Strategy.exhaustive(0), seed 0):\n"
                + "  1. AssertionError thrown by main: 2 tries (50%), minimal schedule \"_ d2\"\n"
                + "  2. deadlock of main, A: 1 try (25%), minimal schedule \"d1\"\n"
                + "  3. deadlock of main, B: 1 try (25%), minimal schedule \"d1*2\"\n"
                + "  Passed: 0 tries (0%).\n"
                + "  Discarded: 2 tries, not counted in the shares.\n"
                + "  The bounded space was explored completely: these are all its failures.\n"
                + "\n=== Failure 1 of 3 ===\n");
  }

  @Test
  @DisplayName("without it, the exploration stops at the first failure: one failure, one try")
  void firstFailureOnly() {
    ExplorationResult result = explorer().run();

    assertThat(result.tries()).isEqualTo(3);
    assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.tries()).isOne());
    assertThat(result.toString()).startsWith("Weft found a failing schedule on try 3 of 1000");
  }
}
