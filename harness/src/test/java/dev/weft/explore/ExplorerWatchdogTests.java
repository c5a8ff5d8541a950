package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.BlockedOutsideWeftException;
import dev.weft.Weft;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A try that blocks outside Weft: the explorer's watchdog. */
@DisplayName("Explorer and a task blocked outside Weft")
class ExplorerWatchdogTests {
  /** A scenario whose task blocks on a JDK latch, outside Weft, until it is interrupted. */
  private static void blocksOutsideWeft() {
    Weft.spawn(
            "stuck",
            () -> {
              new CountDownLatch(1).await();
              return null;
            })
        .join();
  }

  @Test
  @DisplayName("the try fails with BlockedOutsideWeftException and is reported unshrunk, untraced")
  void reportedUnshrunk() {
    Counterexample found =
        Explorer.explore(ExplorerWatchdogTests::blocksOutsideWeft)
            .watchdog(Duration.ofSeconds(2))
            .tries(5)
            .run()
            .counterexample()
            .orElseThrow();

    assertThat(found.failure())
        .isInstanceOf(BlockedOutsideWeftException.class)
        .hasMessageStartingWith("Task 'stuck' ran for more than 2s of real time");
    assertThat(found.trace()).isEmpty();
    assertThat(found.toString())
        .contains("(not traced: the run blocked outside Weft")
        .contains("Not shrunk: a task blocked outside Weft")
        .doesNotContain("UNCONTROLLED NONDETERMINISM");
  }

  @Test
  @DisplayName("an exploration that hit the watchdog returns, and the next one runs normally")
  void carriersRecover() {
    Explorer.explore(ExplorerWatchdogTests::blocksOutsideWeft)
        .watchdog(Duration.ofSeconds(2))
        .tries(1)
        .run();

    assertThat(Explorer.explore(() -> Weft.spawn("fine", () -> 1).join()).tries(50).run().tries())
        .isEqualTo(50);
  }

  @Test
  @DisplayName("watchdog(null) and watchdog(0) are IllegalArgumentException")
  void rejectsBadLimits() {
    Explorer explorer = Explorer.explore(() -> {});

    assertThatThrownBy(() -> explorer.watchdog(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> explorer.watchdog(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("watchdog");
  }
}
