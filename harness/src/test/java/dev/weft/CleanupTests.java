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
    RunOptions options = RunOptions.defaults().watchdog(Duration.ofSeconds(2));
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
  void anInterruptOfTheCallingThreadStopsTheRunUnwindsItsTasksAndIsKept() {
    Thread caller = Thread.currentThread();
    List<String> log = new ArrayList<>();
    List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      RunOptions.defaults().maxSteps(Long.MAX_VALUE),
                      () -> {
                        threads.add(Thread.currentThread());
                        Weft.spawn(
                            "ticker",
                            () -> {
                              threads.add(Thread.currentThread());
                              try {
                                while (true) {
                                  Weft.sleep(ofSeconds(1)); // never ends by itself
                                }
                              } finally {
                                log.add("ticker unwound");
                              }
                            });
                        caller.interrupt(); // as a preemptive test timeout would
                        while (true) {
                          Weft.yieldNow();
                        }
                      }))
          .isInstanceOf(RunInterruptedException.class)
          .hasMessageStartingWith(
              "The thread that called Weft.run was interrupted (a timeout, a cancelled build) at"
                  + " virtual time ")
          .hasMessageContaining("Weft cancelled the tasks still running, as at the end of a run")
          .hasMessageEndingWith("The interrupt is still set on the calling thread.");
      assertThat(Thread.interrupted()).isTrue();
      // How far the tasks got before the driver saw the interrupt is real timing; each one that
      // started was cancelled, its finally block run.
      assertThat(log).isSubsetOf("ticker unwound");
      assertThat(threads).allSatisfy(thread -> assertThat(thread.isAlive()).isFalse());
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
