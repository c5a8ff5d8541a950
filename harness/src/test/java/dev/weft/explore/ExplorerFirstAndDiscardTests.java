package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schedules tried first, discarded tries, and a report with other replay instructions. */
class ExplorerFirstAndDiscardTests {

  /**
   * Fails only when Weft.choose(1000) returns exactly 777: random search practically never does.
   */
  private static void needle() {
    if (Weft.choose(1000) == 777) {
      throw new AssertionError("found the needle");
    }
  }

  @Test
  void aScheduleTriedFirstIsReplayedBeforeTheStrategysTriesAndReportedAsSuch() {
    ExplorationResult result =
        Explorer.explore(ExplorerFirstAndDiscardTests::needle)
            .tries(5)
            .tryFirst(List.of(Schedule.parse("d3"), Schedule.parse("d777")))
            .run();

    assertThat(result.tries()).isEqualTo(2);
    Counterexample found = result.counterexample().orElseThrow();
    assertThat(found.minimal()).isEqualTo(Schedule.parse("d777"));
    assertThat(found.toString())
        .startsWith(
            "Weft found a failing schedule on schedule 2 of 2 tried first (Strategy.random()");
  }

  @Test
  void passingSchedulesTriedFirstCountAsTriesAndTheStrategyStillRuns() {
    ExplorationResult result =
        Explorer.explore(ExplorerFirstAndDiscardTests::needle)
            .tries(5)
            .tryFirst(List.of(Schedule.parse("d1"), Schedule.empty()))
            .run();

    assertThat(result.counterexample()).isEmpty();
    assertThat(result.tries()).isEqualTo(7);
  }

  @Test
  void tryFirstRejectsNullWithTheArgumentsName() {
    Explorer explorer = Explorer.explore(() -> {});
    assertThatThrownBy(() -> explorer.tryFirst(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schedules must not be null");
    assertThatThrownBy(() -> explorer.tryFirst(Arrays.asList(Schedule.empty(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("each of schedules must not be null");
  }

  /** A stand-in for JUnit's TestAbortedException. */
  static final class Assumption extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Assumption() {
      super("assumption failed");
    }
  }

  @Test
  void aDiscardedTryIsNeitherAPassNorAFailure() {
    List<Integer> seen = new ArrayList<>();
    ExplorationResult result =
        Explorer.explore(
                () -> {
                  int value = Weft.choose(4);
                  seen.add(value);
                  if (value != 0) {
                    throw new Assumption();
                  }
                })
            .strategy(Strategy.exhaustive(0))
            .discardWhen(failure -> failure instanceof Assumption)
            .run();

    assertThat(result.counterexample()).isEmpty();
    assertThat(seen).containsExactly(0, 1, 2, 3);
    assertThat(result.tries()).isEqualTo(4);
    assertThat(result.discarded()).isEqualTo(3);
    assertThat(result.exhausted()).isTrue();
    assertThat(result.toString())
        .isEqualTo(
            "No failing schedule in 4 tries (3 discarded): the bounded space was explored"
                + " completely.");
  }

  @Test
  void aFailureThatIsNotDiscardedStillFails() {
    ExplorationResult result =
        Explorer.explore(
                () -> {
                  if (Weft.choose(2) == 1) {
                    throw new IllegalStateException("real failure");
                  }
                  throw new Assumption();
                })
            .strategy(Strategy.exhaustive(0))
            .discardWhen(failure -> failure instanceof Assumption)
            .run();

    assertThat(result.discarded()).isEqualTo(1);
    assertThat(result.counterexample().orElseThrow().failure())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("real failure");
  }

  @Test
  void reportTakesOtherReplayInstructions() {
    Counterexample found =
        Explorer.explore(
                () -> {
                  if (Weft.choose(3) == 2) {
                    throw new AssertionError("two");
                  }
                })
            .strategy(Strategy.exhaustive(0))
            .run()
            .counterexample()
            .orElseThrow();

    String report = found.report("@Replay(\"d2\") on the test method");
    assertThat(report).contains("\n\nReplay it:\n  @Replay(\"d2\") on the test method\n\nTimeline");
    assertThat(report).doesNotContain("Weft.run(");
    assertThat(found.toString())
        .contains(
            "Replay it:\n  Weft.run(RunOptions.defaults().replay(Schedule.parse(\"d2\"))"
                + ".maxSteps(100000), scenario);\n  where scenario is the code given to"
                + " Explorer.explore.");
  }
}
