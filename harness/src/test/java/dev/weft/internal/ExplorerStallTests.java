package dev.weft.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Strategy;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.explore.Explorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An exploration driven from a virtual thread whose program spins outside Weft on every carrier
 * thread at once: the driver can never run again, and the caller's thread says so instead of
 * waiting for ever. Only where tasks run on virtual threads (Java 21+).
 */
class ExplorerStallTests {

  private static void spin(AtomicBoolean spinning) {
    while (spinning.get()) {
      Thread.onSpinWait(); // outside Weft, and deaf to interrupts
    }
  }

  @Test
  @DisplayName(
      "threads that spin outside Weft on every carrier stop the exploration with a report, not a"
          + " hang")
  void spinningOnEveryCarrierIsReported() {
    int carriers = Carriers.virtualParallelism();
    assumeTrue(Carriers.virtual() && carriers >= 2 && carriers <= 8, "virtual carriers, 2 to 8");
    AtomicBoolean spinning = new AtomicBoolean(true);
    try {
      assertThatThrownBy(
              () ->
                  Explorer.explore(
                          () -> {
                            List<Task<Void>> tasks = new ArrayList<>();
                            for (int t = 0; t < carriers - 1; t++) {
                              tasks.add(
                                  Weft.spawn(
                                      "unwound-" + t,
                                      () -> {
                                        try {
                                          Weft.sleep(Duration.ofDays(1));
                                        } finally {
                                          spin(spinning); // while Weft unwinds the task
                                        }
                                      }));
                            }
                            tasks.add(Weft.spawn("spinner", () -> spin(spinning)));
                            Weft.gather(tasks);
                          })
                      .strategy(Strategy.fifo()) // the unwound tasks start before the spinner
                      .watchdog(Duration.ofMillis(200))
                      .tries(1)
                      .run())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "The exploration was stopped: its driver, a virtual thread, has not run for ")
          .hasMessageContaining(
              "This JVM runs virtual threads on " + carriers + " carrier threads");
    } finally {
      spinning.set(false);
    }
    // Once the threads stop spinning, explorations run again.
    assertThat(Explorer.explore(() -> Weft.sleep(Duration.ofSeconds(1))).tries(3).run().tries())
        .isEqualTo(3);
  }
}
