package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.StepLimitExceededException;
import dev.weft.Strategy;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * the determinism self-check of a counterexample, how a result describes itself, the replay line's
 * options, and the Explorer's argument checks.
 */
@DisplayName("Explorer reports and argument checks")
class ExplorerReportTests {

  /** Fails on every run; the name of the task it spawns depends on how many runs came before. */
  private static ThrowingRunnable dependsOnRunCount(AtomicInteger runs) {
    return () -> {
      int run = runs.incrementAndGet();
      Weft.spawn(run % 2 == 0 ? "even" : "odd", () -> {}).join();
      throw new IllegalStateException("always fails");
    };
  }

  /** Fails on every run, the same way each time. */
  private static void alwaysFails() {
    Weft.spawn("helper", () -> {}).join();
    throw new IllegalStateException("always fails");
  }

  /**
   * The options the report's replay line spells out: replay and maxSteps (the schedule carries its
   * preemption mode).
   */
  private static RunOptions optionsOfReplayLine(String report) {
    Matcher line =
        Pattern.compile(
                "Weft\\.run\\(RunOptions\\.defaults\\(\\)\\.replay\\(Schedule\\.parse\\(\"([^\"]*)\"\\)\\)(\\S*), scenario\\);")
            .matcher(report);
    assertThat(line.find()).as("the report has a replay line").isTrue();
    RunOptions options = RunOptions.defaults().replay(Schedule.parse(line.group(1)));
    Matcher steps = Pattern.compile("\\.maxSteps\\((\\d+)\\)").matcher(line.group(2));
    return steps.find() ? options.maxSteps(Long.parseLong(steps.group(1))) : options;
  }

  @Nested
  @DisplayName("determinism self-check")
  class SelfCheck {
    @Test
    @DisplayName(
        "state that survives between runs: UNCONTROLLED NONDETERMINISM and the first diverging event")
    void uncontrolledNondeterminismIsReported() {
      Counterexample found =
          Explorer.explore(dependsOnRunCount(new AtomicInteger()))
              .run()
              .counterexample()
              .orElseThrow();

      assertThat(found.toString())
          .contains("UNCONTROLLED NONDETERMINISM")
          .containsPattern(
              "event \\d+ was \"0s (even|odd) SPAWNED\" in one replay and \"0s (even|odd) SPAWNED\" in another")
          .doesNotContain("identical traces");
    }

    @Test
    @DisplayName("a deterministic counterexample is reported as replayed with identical traces")
    void deterministicIsSaidSo() {
      Counterexample found =
          Explorer.explore(ExplorerReportTests::alwaysFails).run().counterexample().orElseThrow();

      assertThat(found.toString())
          .contains("Replayed twice more, with identical traces.")
          .doesNotContain("UNCONTROLLED NONDETERMINISM");
    }

    @Test
    @DisplayName("checkDeterminism(false) says neither")
    void checkCanBeTurnedOff() {
      String nondeterministic =
          Explorer.explore(dependsOnRunCount(new AtomicInteger()))
              .checkDeterminism(false)
              .run()
              .toString();
      String deterministic =
          Explorer.explore(ExplorerReportTests::alwaysFails)
              .checkDeterminism(false)
              .run()
              .toString();

      assertThat(nondeterministic)
          .contains("always fails")
          .doesNotContain("UNCONTROLLED", "identical traces");
      assertThat(deterministic)
          .contains("always fails")
          .doesNotContain("UNCONTROLLED", "identical traces");
    }
  }

  @Nested
  @DisplayName("ExplorationResult.toString")
  class ResultText {
    @Test
    @DisplayName(
        "a passing random exploration says how many tries it ran, and not that it exhausted anything")
    void passingRandom() {
      ExplorationResult result =
          Explorer.explore(ExplorerPrograms.lostUpdate("checkpoint")).tries(7).run();

      assertThat(result.toString()).contains("7 tries").doesNotContain("completely");
      assertThat(result.exhausted()).isFalse();
    }

    @Test
    @DisplayName(
        "a passing exhaustive exploration says how many tries and that the space was explored completely")
    void passingExhaustive() {
      ExplorationResult result =
          Explorer.explore(ExplorerPrograms.lostUpdate("checkpoint"))
              .strategy(Strategy.exhaustive(2))
              .run();

      assertThat(result.exhausted()).isTrue();
      assertThat(result.toString())
          .contains(result.tries() + (result.tries() == 1 ? " try" : " tries"))
          .contains("explored completely");
    }

    @Test
    @DisplayName("a failing exploration's text is its counterexample's report")
    void failingIsTheReport() {
      ExplorationResult result = Explorer.explore(ExplorerReportTests::alwaysFails).run();

      assertThat(result.toString()).isEqualTo(result.counterexample().orElseThrow().toString());
    }
  }

  @Nested
  @DisplayName("the replay line carries the explorer's options")
  class ReplayLineOptions {
    /** Main yields forever: a livelock that only the step limit ends. */
    private void livelock() {
      for (int i = 0; i < 150_000; i++) {
        Weft.yieldNow();
      }
    }

    @Test
    @DisplayName(
        "maxSteps(50): the line says .maxSteps(50) and, as written, fails at the step limit")
    void customStepLimit() {
      Counterexample found =
          Explorer.explore(this::livelock).maxSteps(50).run().counterexample().orElseThrow();

      Throwable replayed =
          catchThrowable(() -> Weft.run(optionsOfReplayLine(found.toString()), this::livelock));

      assertThat(found.failure()).isInstanceOf(StepLimitExceededException.class);
      assertThat(found.toString()).contains(".maxSteps(50)");
      assertThat(replayed)
          .isInstanceOf(StepLimitExceededException.class)
          .hasMessageContaining("50 scheduler steps");
    }

    @Test
    @DisplayName(
        "a task named with a quote and a backslash: the line's schedule is a Java string literal"
            + " that reads back to the minimal schedule")
    void oddTaskNamesAreEscaped() {
      String name = "say \"hi\" \\o/";
      ThrowingRunnable scenario =
          () -> {
            StringBuilder order = new StringBuilder();
            dev.weft.Task<StringBuilder> first = Weft.spawn("first", () -> order.append("first "));
            dev.weft.Task<StringBuilder> odd = Weft.spawn(name, () -> order.append("odd "));
            Weft.gather(first, odd);
            if (order.toString().equals("odd first ")) {
              throw new AssertionError("the odd one ran first");
            }
          };
      Counterexample found =
          Explorer.explore(scenario).strategy(Strategy.exhaustive(1)).run().counterexample().get();

      assertThat(found.minimal()).hasToString("1:say%20\"hi\"%20\\o/");
      assertThat(found.toString())
          .contains(
              "Weft.run(RunOptions.defaults().replay(Schedule.parse(\"1:say%20\\\"hi\\\"%20\\\\o/\"))");
      assertThat(Strategy.replay(found.minimal()))
          .hasToString("Strategy.replay(Schedule.parse(\"1:say%20\\\"hi\\\"%20\\\\o/\"))");
    }

    @Test
    @DisplayName("default step limit: the line, as written, still fails at the step limit")
    void defaultStepLimit() {
      Counterexample found =
          Explorer.explore(this::livelock)
              .tries(1)
              .checkDeterminism(false)
              .run()
              .counterexample()
              .orElseThrow();

      Throwable replayed =
          catchThrowable(() -> Weft.run(optionsOfReplayLine(found.toString()), this::livelock));

      assertThat(found.failure()).isInstanceOf(StepLimitExceededException.class);
      assertThat(replayed).isInstanceOf(StepLimitExceededException.class);
    }
  }

  @Nested
  @DisplayName("argument checks")
  class Arguments {
    private final Explorer explorer = Explorer.explore(ExplorerReportTests::alwaysFails);

    @Test
    @DisplayName("explore(null)")
    void nullScenario() {
      assertThatThrownBy(() -> Explorer.explore(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("scenario");
    }

    @Test
    @DisplayName("tries(0) and tries(-1)")
    void triesBelowOne() {
      assertThatThrownBy(() -> explorer.tries(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tries")
          .hasMessageContaining("0");
      assertThatThrownBy(() -> explorer.tries(-1)).isInstanceOf(IllegalArgumentException.class);
      assertThat(explorer.tries(1).run().tries()).isEqualTo(1);
    }

    @Test
    @DisplayName("maxSteps(0)")
    void maxStepsBelowOne() {
      assertThatThrownBy(() -> explorer.maxSteps(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("maxSteps");
    }

    @Test
    @DisplayName("preemption(null)")
    void nullPreemption() {
      assertThatThrownBy(() -> explorer.preemption(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("preemption");
    }

    @Test
    @DisplayName("strategy(null), and a Strategy not made by Strategy's factories")
    void badStrategy() {
      assertThatThrownBy(() -> explorer.strategy(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("strategy");
      assertThatThrownBy(() -> explorer.strategy(new Strategy() {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Strategy's factories");
    }
  }
}
