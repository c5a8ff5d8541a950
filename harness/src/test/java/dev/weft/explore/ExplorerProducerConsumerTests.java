package dev.weft.explore;

import static dev.weft.explore.ExplorerPrograms.departures;
import static dev.weft.explore.ExplorerPrograms.rowNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.RunEvent;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import dev.weft.explore.ExplorerPrograms.Sentinels;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * the explorer finds semantics §4.2's BUG-2 (sentinels queued before the producers are awaited)
 * when the producers' item counts come from {@code Weft.choose}, reports it with a minimal schedule
 * that replays, and finds nothing in the fixed program.
 */
@DisplayName("Explorer on semantics §4.2's producer-consumer program")
class ExplorerProducerConsumerTests {
  private static final ThrowingRunnable BUGGY = () -> new Sentinels(false).main();

  private static final Pattern REPLAY_LINE =
      Pattern.compile(
          "Weft\\.run\\(RunOptions\\.defaults\\(\\)\\.replay\\(Schedule\\.parse\\(\"([^\"]*)\"\\)\\)");

  /** The searches run on the fixed program: a strategy and its number of tries. */
  static Stream<Arguments> fixedProgramSearches() {
    return Stream.of(Arguments.of(Strategy.random(), 2_000), Arguments.of(Strategy.pct(2), 1_000));
  }

  private static Counterexample findBug() {
    ExplorationResult result = Explorer.explore(BUGGY).tries(200).run();
    assertThat(result.counterexample()).as("random finds BUG-2 in 200 tries").isPresent();
    return result.counterexample().get();
  }

  /** What replaying {@code schedule} under the default options throws. */
  private static Throwable replay(Schedule schedule) {
    return catchThrowable(() -> Weft.run(RunOptions.defaults().replay(schedule), BUGGY));
  }

  @Nested
  @DisplayName("semantics §4.2 BUG-2 with counts 1 + choose(5)")
  class Bug {
    @Test
    @DisplayName(
        "check() throws an AssertionError whose message is the report and whose cause the failure")
    void checkThrowsTheReport() {
      Counterexample found = findBug();

      Throwable thrown = catchThrowable(() -> Explorer.explore(BUGGY).tries(200).check());

      assertThat(thrown).isInstanceOf(AssertionError.class).hasMessage(found.toString());
      assertThat(thrown.getCause())
          .isInstanceOf(found.failure().getClass())
          .hasMessage(found.failure().getMessage());
    }

    @Test
    @DisplayName("the report holds the failure, the minimal schedule in quotes and a replay line")
    void reportHoldsFailureScheduleAndReplayLine() {
      Counterexample found = findBug();
      String report = found.toString();

      assertThat(found.failure()).isNotNull();
      String runAgain =
          "The run is deterministic: running it again with the same options reproduces it exactly.";
      assertThat(found.failure().toString().split("\n"))
          .filteredOn(line -> !line.equals(runAgain))
          .allSatisfy(line -> assertThat(report).contains(line));
      assertThat(report).doesNotContain(runAgain); // the replay line says how to run it again
      assertThat(report).contains("\"" + found.minimal() + "\"");
      assertThat(report)
          .contains(
              "Weft.run(RunOptions.defaults().replay(Schedule.parse(\""
                  + found.minimal()
                  + "\")).maxSteps(100000), scenario);");
    }

    @Test
    @DisplayName("the report ends with a timeline of the minimal run, one row per task by name")
    void reportHasTimelineWithOneRowPerTask() {
      Counterexample found = findBug();

      assertThat(found.toString()).contains(found.timeline());
      assertThat(rowNames(found.timeline())).containsExactly("main", "A", "B", "C0", "C1", "C2");
    }

    @Test
    @DisplayName("the schedule in the report's replay line fails the same way under Weft.run")
    void replayLineReproducesTheFailure() {
      Counterexample found = findBug();
      Matcher line = REPLAY_LINE.matcher(found.toString());
      assertThat(line.find()).as("the report has a replay line").isTrue();

      Throwable replayed = replay(Schedule.parse(line.group(1)));

      assertThat(Schedule.parse(line.group(1))).isEqualTo(found.minimal());
      assertThat(replayed)
          .isInstanceOf(found.failure().getClass())
          .hasMessage(found.failure().getMessage());
    }

    @Test
    @DisplayName("the minimal schedule is no larger than the one found, and both fail the same way")
    void minimalIsNoLargerAndFailsLikeTheFound() {
      Counterexample found = findBug();

      Throwable asFound = replay(found.schedule());
      Throwable minimal = replay(found.minimal());

      assertThat(found.minimal().size()).isLessThanOrEqualTo(found.schedule().size());
      // semantics §4.2: in asyncio's order the counts alone decide between lost items and a
      // deadlock,
      // so a minimal schedule needs data choices only, no departure from that order
      assertThat(departures(found.minimal())).isZero();
      assertThat(asFound).isNotNull();
      assertThat(minimal).isNotNull().hasSameClassAs(asFound);
      assertThat(found.trace()).isNotEmpty();
    }

    @Test
    @DisplayName("the trace is the minimal run's: it shows the counts choose returned")
    void traceShowsTheChosenCounts() {
      Counterexample found = findBug();

      assertThat(found.trace())
          .filteredOn(event -> event.kind() == RunEvent.Kind.CHOSE)
          .filteredOn(event -> event.detail().text().startsWith("choose(5) returned"))
          .extracting(RunEvent::task)
          .containsExactly("A", "B");
    }
  }

  @Nested
  @DisplayName("semantics §4.2 correct program (producers awaited before the sentinels)")
  class Fixed {
    @ParameterizedTest(name = "{1} tries of {0}")
    @MethodSource("dev.weft.explore.ExplorerProducerConsumerTests#fixedProgramSearches")
    @DisplayName(
        "2,000 random and 1,000 pct(2) tries find nothing, and they covered all 25 pairs of counts")
    void searchFindsNothing(Strategy strategy, int tries) {
      Sentinels program = new Sentinels(true);

      ExplorationResult result =
          Explorer.explore(program::main).strategy(strategy).tries(tries).run();

      assertThat(result.counterexample()).isEmpty();
      assertThat(result.tries()).isEqualTo(tries);
      assertThat(result.exhausted()).isFalse();
      assertThat(program.countsSeen).hasSize(25);
    }
  }
}
