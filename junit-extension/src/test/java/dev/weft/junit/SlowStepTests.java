package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.Weft;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A test whose task blocks outside Weft publishes the slow step warning as the report entry {@code
 * weft.slowSteps}; {@code weft.slowStep} sets the threshold. The tests block a task's thread
 * outside Weft on purpose, waiting with Awaitility ({@link #blockOutsideWeft}), and timing is only
 * a lower bound (150 ms over 50 ms), or a threshold a fast test cannot reach (10 s).
 */
class SlowStepTests {
  @TempDir Path folder;

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

  static class SlowWeftTestCase {
    @WeftTest
    void blocksOutsideWeft() {
      Weft.spawn("worker", () -> blockOutsideWeft(150)).join();
    }
  }

  static class SlowExploreTestCase {
    @Explore(tries = 2)
    void blocksOutsideWeft() {
      Weft.spawn("worker", () -> blockOutsideWeft(60)).join();
    }
  }

  static class FastTestCase {
    @WeftTest
    void weftTest() {
      Weft.spawn("worker", Weft::yieldNow).join();
    }

    @Explore(tries = 2)
    void explore() {
      Weft.spawn("worker", Weft::yieldNow).join();
    }
  }

  @Test
  void aWeftTestThatBlocksOutsideWeftPublishesTheWarning() {
    EngineExecutionResults results =
        Kit.in(folder).with("weft.slowStep", "50ms").run(SlowWeftTestCase.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(Kit.entries(results).get("weft.slowSteps"))
        .startsWith(
            "Warning: a task held the run for more than 50 ms of real time while blocked outside"
                + " Weft")
        .contains("task 'worker' held it for ", "from its start at virtual time 0s until its end");
  }

  @Test
  void anExploreThatBlocksOutsideWeftPublishesTheWarningForAllItsTries() {
    EngineExecutionResults results =
        Kit.in(folder).with("weft.slowStep", "50ms").run(SlowExploreTestCase.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(Kit.entries(results).get("weft.slowSteps"))
        .contains("in 2 of 2 tries", "task 'worker' held it for ", "(the longest of 2 times)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10s", "0"})
  void aFastTestOrATurnedOffWarningPublishesNone(String threshold) {
    EngineExecutionResults fast =
        Kit.in(folder).with("weft.slowStep", threshold).run(FastTestCase.class);

    fast.testEvents().assertStatistics(stats -> stats.succeeded(2));
    assertThat(Kit.entries(fast)).doesNotContainKey("weft.slowSteps");
  }

  @Test
  void zeroTurnsTheWarningOffForASlowTest() {
    EngineExecutionResults results =
        Kit.in(folder).with("weft.slowStep", "0").run(SlowWeftTestCase.class);

    assertThat(Kit.entries(results)).doesNotContainKey("weft.slowSteps");
  }

  @ParameterizedTest
  @ValueSource(strings = {"100", "-1s", "1.5s", "fast"})
  void aBadThresholdFailsTheTestNamingTheKeyAndTheValue(String value) {
    EngineExecutionResults results =
        Kit.in(folder).with("weft.slowStep", value).run(FastTestCase.class);

    results.testEvents().assertStatistics(stats -> stats.failed(2));
    assertThat(Kit.failureOf(results))
        .hasMessage(
            "Weft: weft.slowStep="
                + value
                + " is not allowed; expected a duration in ms or s, such as 100ms or 2s, or 0 to"
                + " turn the warning off.");
  }
}
