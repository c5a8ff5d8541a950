package dev.weft;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * When {@code Weft.run} returns or throws, every carrier thread it started has ended and its state
 * is garbage.
 */
class CleanupTests {
  private final List<Thread> carriers = new CopyOnWriteArrayList<>();

  /**
   * Spawns tasks that block in various ways, records their threads, then ends as {@code ending}
   * says.
   */
  private Callable<Object> program(Callable<Object> ending) {
    return () -> {
      carriers.add(Thread.currentThread());
      for (int i = 0; i < 5; i++) {
        Weft.spawn(
            "sleeper-" + i,
            () -> {
              carriers.add(Thread.currentThread());
              Weft.sleep(ofSeconds(100));
            });
        Weft.spawn(
            "waiter-" + i,
            () -> {
              carriers.add(Thread.currentThread());
              Weft.promise().join();
            });
      }
      Weft.yieldNow();
      return ending.call();
    };
  }

  private void assertAllCarriersEnded() {
    assertThat(carriers).hasSize(11).allSatisfy(thread -> assertThat(thread.isAlive()).isFalse());
  }

  @Test
  void afterANormalEndWithLeftovers() {
    Weft.run(program(() -> "done"));
    assertAllCarriersEnded();
  }

  @Test
  void afterMainFailed() {
    assertThatThrownBy(
            () ->
                Weft.run(
                    program(
                        () -> {
                          throw new IllegalStateException("main failed");
                        })))
        .hasMessage("main failed");
    assertAllCarriersEnded();
  }

  @Test
  void afterADeadlock() {
    assertThatThrownBy(() -> Weft.run(program(() -> Weft.promise().join())))
        .isInstanceOf(DeadlockException.class);
    // The sleepers' timers keep the clock going until t=100; then everything is blocked.
    assertAllCarriersEnded();
  }

  @Test
  void afterTheStepLimit() {
    RunOptions options = RunOptions.defaults().maxSteps(100);
    assertThatThrownBy(
            () ->
                Weft.run(
                    options,
                    program(
                        () -> {
                          while (true) {
                            Weft.yieldNow();
                          }
                        })))
        .isInstanceOf(StepLimitExceededException.class);
    assertAllCarriersEnded();
  }

  @Test
  void afterTheWatchdogFired() {
    RunOptions options = RunOptions.defaults().watchdog(Duration.ofMillis(100));
    assertThatThrownBy(
            () ->
                Weft.run(
                    options,
                    program(
                        () -> {
                          new java.util.concurrent.CountDownLatch(1).await();
                          return null;
                        })))
        .isInstanceOf(BlockedOutsideWeftException.class);
    assertAllCarriersEnded();
  }

  @Test
  void anInterruptOfTheCallingThreadDoesNotCutTheRunShortAndIsKept() {
    Thread caller = Thread.currentThread();
    try {
      String result =
          Weft.run(
              () -> {
                caller.interrupt();
                Weft.sleep(ofSeconds(1));
                return "finished at " + Weft.elapsed();
              });
      assertThat(result).isEqualTo("finished at PT1S");
      assertThat(Thread.interrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void theCallingThreadNoLongerHasALoop() {
    Weft.run(() -> 1);
    assertThatThrownBy(Weft::elapsed)
        .hasMessageStartingWith("Weft.elapsed needs a running Weft loop");
  }

  @Test
  void theRunsStateBecomesGarbage() {
    List<WeakReference<Object>> refs = new ArrayList<>();
    Weft.run(
        () -> {
          Clock clock = Weft.clock(); // holds the loop
          refs.add(new WeakReference<>(clock));
          refs.add(new WeakReference<>(Weft.spawn("worker", () -> new byte[1024])));
          refs.add(new WeakReference<>(Weft.current()));
          Weft.sleep(ofSeconds(1));
          return null;
        });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              System.gc();
              return refs.stream().allMatch(ref -> ref.get() == null);
            });
  }
}
