package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Strategy;
import dev.weft.Weft;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Configuration parameters fill in what an annotation leaves at its default; bad values fail. */
class ConfigurationTests {
  @TempDir Path folder;

  static class DefaultsTestCase {
    @Explore
    void passes() {
      Weft.choose(3);
    }
  }

  static class ExplicitTestCase {
    @Explore(tries = 7, seed = "11", strategy = "pct(2)")
    void passes() {
      Weft.choose(3);
    }
  }

  @Test
  void withoutParametersTheDefaultsApply() {
    Map<String, String> entries = Kit.entries(Kit.in(folder).run(DefaultsTestCase.class));
    assertThat(entries)
        .containsEntry("weft.tries", "1000")
        .containsEntry("weft.seed", "0")
        .containsEntry("weft.strategy", "Strategy.random()");
  }

  @Test
  void parametersApplyWhereTheAnnotationIsSilent() {
    Map<String, String> entries =
        Kit.entries(
            Kit.in(folder)
                .with("weft.explore.tries", "12")
                .with("weft.explore.seed", "-5")
                .with("weft.explore.strategy", "exhaustive(1)")
                .run(DefaultsTestCase.class));
    assertThat(entries)
        .containsEntry("weft.seed", "-5")
        .containsEntry("weft.strategy", "Strategy.exhaustive(1)")
        .containsEntry("weft.tries", "3") // choose(3) has 3 values, then the space is exhausted
        .containsEntry("weft.exhausted", "true");
  }

  @Test
  void anAnnotationsExplicitValueWins() {
    Map<String, String> entries =
        Kit.entries(
            Kit.in(folder)
                .with("weft.explore.tries", "12")
                .with("weft.explore.seed", "-5")
                .with("weft.explore.strategy", "fifo")
                .run(ExplicitTestCase.class));
    assertThat(entries)
        .containsEntry("weft.tries", "7")
        .containsEntry("weft.seed", "11")
        .containsEntry("weft.strategy", "Strategy.pct(2)");
  }

  @Test
  void aRandomSeedIsDrawnAndReported() {
    Map<String, String> first =
        Kit.entries(
            Kit.in(folder)
                .with("weft.explore.seed", "random")
                .with("weft.explore.tries", "2")
                .run(DefaultsTestCase.class));
    Map<String, String> second =
        Kit.entries(
            Kit.in(folder)
                .with("weft.explore.seed", "random")
                .with("weft.explore.tries", "2")
                .run(DefaultsTestCase.class));
    assertThat(Long.parseLong(first.get("weft.seed")))
        .isNotEqualTo(Long.parseLong(second.get("weft.seed")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "random | Strategy.random()",
        "Strategy.random() | Strategy.random()",
        "fifo | Strategy.fifo()",
        "pos | Strategy.pos()",
        "Strategy.pos() | Strategy.pos()",
        "pct(3) | Strategy.pct(3)",
        "Strategy.pct(3) | Strategy.pct(3)",
        "' exhaustive( 2 ) ' | Strategy.exhaustive(2)",
        "'exhaustive(2, declared)' | Strategy.exhaustive(2, SharedState.DECLARED)",
        "'Strategy.exhaustive(1, SharedState.DECLARED)' | Strategy.exhaustive(1, SharedState.DECLARED)",
        "'exhaustive(3, any)' | Strategy.exhaustive(3)",
      })
  void strategyTextIsReadInBothForms(String text, String expected) {
    assertThat(Settings.strategy(text, "x")).hasToString(expected);
    assertThat(Settings.strategy(Strategy.pct(4).toString(), "x")).isEqualTo(Strategy.pct(4));
  }

  static class SilentTestCase {
    @Explore
    void passes() {}
  }

  static class ShardTestCase {
    @Explore(tries = 10)
    void passes() {}
  }

  @Test
  void aShardRunsItsShareOfTheTries() {
    assertThat(
            Kit.entries(Kit.in(folder).with("weft.explore.shard", "3/4").run(ShardTestCase.class)))
        .containsEntry("weft.tries", "2"); // tries 3 and 7 of 0..9
    assertThat(
            Kit.entries(Kit.in(folder).with("weft.explore.shard", "0/4").run(ShardTestCase.class)))
        .containsEntry("weft.tries", "3"); // tries 0, 4 and 8
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "weft.explore.tries | -3 | Weft: weft.explore.tries=-3 is not allowed; expected a whole"
            + " number, 1 or more.",
        "weft.explore.tries | many | Weft: weft.explore.tries=many is not allowed; expected a whole"
            + " number, 1 or more.",
        "weft.explore.seed | 0x10 | Weft: weft.explore.seed=0x10 is not allowed; expected a whole"
            + " number (a long), or random.",
        "weft.explore.strategy | pct(0) | Weft: weft.explore.strategy=pct(0) is not allowed;"
            + " expected random, fifo, pos, pct(depth), exhaustive(maxPreemptions) or"
            + " exhaustive(maxPreemptions, declared) (depth must be 1 or more, but was 0).",
        "weft.explore.strategy | dfs | Weft: weft.explore.strategy=dfs is not allowed; expected"
            + " random, fifo, pos, pct(depth), exhaustive(maxPreemptions) or"
            + " exhaustive(maxPreemptions, declared).",
        "weft.explore.strategy | 'exhaustive(2, shared)' | Weft:"
            + " weft.explore.strategy=exhaustive(2, shared) is not allowed; expected random, fifo,"
            + " pos, pct(depth), exhaustive(maxPreemptions) or exhaustive(maxPreemptions,"
            + " declared).",
        "weft.explore.strategy | pct(x) | Weft: weft.explore.strategy=pct(x) is not allowed;"
            + " expected random, fifo, pos, pct(depth), exhaustive(maxPreemptions) or"
            + " exhaustive(maxPreemptions, declared), with a whole number in the parentheses.",
        "weft.explore.shard | 5/4 | Weft: weft.explore.shard=5/4 is not allowed; expected"
            + " index/count with 0 <= index < count, such as 0/4.",
        "weft.explore.shard | 1 | Weft: weft.explore.shard=1 is not allowed; expected index/count"
            + " with 0 <= index < count, such as 0/4.",
      })
  void aBadParameterFailsTheTestNamingTheKeyAndTheValue(String key, String value, String message) {
    EngineExecutionResults results = Kit.in(folder).with(key, value).run(SilentTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.failed(1));
    assertThat(Kit.failureOf(results)).hasMessage(message);
  }

  static class BadAnnotationTestCase {
    @Explore(tries = 0)
    void zeroTries() {}

    @Explore(strategy = "exhaustive(-1)")
    void badStrategy() {}

    @Explore(seed = "seven")
    void badSeed() {}

    @Explore(maxSteps = -2)
    void badMaxSteps() {}

    @Explore
    @Replay("d")
    void badReplay() {}
  }

  @Test
  void aBadAnnotationValueFailsTheTestNamingTheAttribute() {
    EngineExecutionResults results = Kit.in(folder).run(BadAnnotationTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.failed(5));
    assertThat(
            results.testEvents().failed().stream()
                .map(
                    event ->
                        event
                            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                            .orElseThrow()
                            .getMessage()))
        .containsExactlyInAnyOrder(
            "Weft: @Explore(tries = 0) is not allowed; expected 1 or more, or -1.",
            "Weft: @Explore(strategy = \"exhaustive(-1)\") is not allowed; expected random, fifo,"
                + " pos, pct(depth), exhaustive(maxPreemptions) or exhaustive(maxPreemptions,"
                + " declared) (maxPreemptions must be 0 or more, but was -1).",
            "Weft: @Explore(seed = \"seven\") is not allowed; expected a whole number (a long), or"
                + " random.",
            "Weft: @Explore(maxSteps = -2) is not allowed; expected 1 or more, or -1.",
            "@Replay(\"d\") on BadAnnotationTestCase#badReplay() is not a schedule: "
                + scheduleError("d"));
  }

  static class ExhaustiveTestCase {
    @Explore(strategy = "exhaustive(1)")
    void passes() {}
  }

  @Test
  void anExhaustiveSearchCannotBeShardedAndTheMessageNamesTheKey() {
    EngineExecutionResults results =
        Kit.in(folder).with("weft.explore.shard", "1/2").run(ExhaustiveTestCase.class);
    assertThat(Kit.failureOf(results))
        .hasMessageStartingWith(
            "Weft: weft.explore.shard=1/2 cannot apply to ExhaustiveTestCase#passes(): "
                + "Strategy.exhaustive(1) explores one tree depth first and cannot be split into"
                + " shards");
  }

  private static String scheduleError(String text) {
    try {
      dev.weft.Schedule.parse(text);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError(text + " parsed");
  }
}
