package dev.weft.samples.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.LeftoverTasksException;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import dev.weft.junit.WeftTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A timeout cancels the slow task and waits for its cleanup; {@code @WeftTest} fails on a task left
 * running, so each passing test here is the proof that nothing leaked (semantics §2.7, §2.8).
 */
class TimeoutWithoutLeakTests {
  /**
   * A quote service that takes {@code millis}, then 5 ms to close its connection, even when
   * cancelled.
   */
  static Task<String> slowQuote(long millis, List<String> log) {
    return Weft.spawn("quote", () -> quote(millis, log));
  }

  static String quote(long millis, List<String> log) {
    try {
      Weft.sleep(Duration.ofMillis(millis));
      return "42.00";
    } finally {
      Weft.sleep(Duration.ofMillis(5)); // closing the connection takes time, cancelled or not
      log.add("closed at " + Weft.elapsed().toMillis() + "ms");
    }
  }

  @WeftTest
  void waitForCancelsTheSlowTaskAndWaitsForItsCleanup() {
    List<String> log = new ArrayList<>();
    Task<String> quote = slowQuote(300, log);

    assertThat(TimeoutWithoutLeak.waitFor(quote, Duration.ofMillis(100), "cached"))
        .isEqualTo("cached");

    assertThat(quote.isCancelled()).isTrue();
    assertThat(log).containsExactly("closed at 105ms");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(105));
  }

  @WeftTest
  void waitForReturnsAFastResult() {
    List<String> log = new ArrayList<>();
    assertThat(TimeoutWithoutLeak.waitFor(slowQuote(50, log), Duration.ofMillis(100), "cached"))
        .isEqualTo("42.00");
    assertThat(log).containsExactly("closed at 55ms");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(55));
  }

  @WeftTest
  void withTimeoutCancelsTheTaskItWaitsFor() {
    List<String> log = new ArrayList<>();

    String price =
        TimeoutWithoutLeak.withTimeout(
            "quote", () -> quote(300, log), Duration.ofMillis(100), "cached");

    assertThat(price).isEqualTo("cached");
    assertThat(log).containsExactly("closed at 105ms");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(105));
  }

  /**
   * Latencies of 50 to 150 ms against 100: in time gives the price, else the fallback; never a
   * leak.
   */
  @Explore(tries = 300)
  void inEveryScheduleTheTimeoutLeavesNothingRunning() {
    long millis = 50 + 25 * Weft.choose(5);
    boolean viaWithTimeout = Weft.choose(2) == 1;
    List<String> log = new ArrayList<>();

    String price =
        viaWithTimeout
            ? TimeoutWithoutLeak.withTimeout(
                "quote", () -> quote(millis, log), Duration.ofMillis(100), "cached")
            : TimeoutWithoutLeak.waitFor(slowQuote(millis, log), Duration.ofMillis(100), "cached");

    long end = Math.min(millis, 100) + 5; // at 100 ms exactly, the timeout wins (semantics §2.7)
    assertThat(price).isEqualTo(millis < 100 ? "42.00" : "cached");
    assertThat(log).containsExactly("closed at " + end + "ms");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(end));
  }

  static class LeakyTestCase {
    @WeftTest
    void theLeakyTimeoutReturnsTheFallback() {
      assertThat(
              TimeoutWithoutLeak.leaky(
                  slowQuote(300, new ArrayList<>()), Duration.ofMillis(100), "cached"))
          .isEqualTo("cached");
    }
  }

  @Test
  void theLeakyTimeoutFailsItsTestWithTheTaskLeftRunning() {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .enableImplicitConfigurationParameters(false)
            .configurationParameter("weft.database", "none")
            .selectors(selectClass(LeakyTestCase.class))
            .execute();

    Throwable failure =
        results.testEvents().failed().stream()
            .findFirst()
            .orElseThrow(() -> new AssertionError("the leaky test passed"))
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();
    assertThat(failure)
        .isExactlyInstanceOf(LeftoverTasksException.class)
        .hasMessageStartingWith(
            "1 task was still pending when main returned at virtual time 0.1s; Weft cancelled"
                + " them:\n  quote  blocked in sleep(0.3s), until 0.3s\n");
  }
}
