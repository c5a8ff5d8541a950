package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The limits that turn a stuck run into a clear failure: the step limit and the real-time watchdog.
 */
class LimitsTests {

  @Nested
  @DisplayName("step limit: a livelock becomes a failure")
  class StepLimit {
    @Test
    void tasksYieldingForeverExceedTheLimit() {
      RunOptions options = RunOptions.defaults().maxSteps(1_000);
      assertThatThrownBy(
              () ->
                  Weft.run(
                      options,
                      () -> {
                        Task<Void> ping =
                            Weft.spawn(
                                "ping",
                                () -> {
                                  while (true) {
                                    Weft.yieldNow();
                                  }
                                });
                        Weft.spawn(
                            "pong",
                            () -> {
                              while (true) {
                                Weft.yieldNow();
                              }
                            });
                        return ping.join();
                      }))
          .isInstanceOf(StepLimitExceededException.class)
          .hasMessage(
              "The run took 1,000 scheduler steps (RunOptions.maxSteps) without finishing, at virtual time"
                  + " 0s: a livelock, where tasks keep yielding or polling without making progress?\n"
                  + "Steps per task, most first: ping 500; pong 499; main 1\n"
                  + "Tasks not done, in creation order:\n"
                  + "  main  blocked in join(Task 'ping')\n"
                  + "  ping  ready to run again after yieldNow()\n"
                  + "  pong  ready to run again after yieldNow()\n"
                  + "If the program really needs more steps, raise the limit with RunOptions.maxSteps(n).\n"
                  + "The run is deterministic: running it again with the same options reproduces it exactly.");
    }

    @Test
    void aProgramWithinTheLimitRuns() {
      RunOptions options = RunOptions.defaults().maxSteps(10);
      assertThat(
              Weft.run(
                  options,
                  () -> {
                    Weft.yieldNow();
                    return "fits";
                  }))
          .isEqualTo("fits");
    }
  }

  @Nested
  @DisplayName("watchdog: a task blocked outside Weft fails the run instead of hanging it")
  class Watchdog {
    private final RunOptions quickWatchdog = RunOptions.defaults().watchdog(Duration.ofSeconds(2));

    @Test
    void namesTheTaskAndCarriesItsStack() {
      List<Thread> carriers = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  Weft.run(
                      quickWatchdog,
                      () -> {
                        Weft.sleep(Duration.ofSeconds(3));
                        return Weft.spawn(
                                "stuck",
                                () -> {
                                  carriers.add(Thread.currentThread());
                                  new CountDownLatch(1)
                                      .await(); // blocks outside Weft until interrupted
                                  return "unreachable";
                                })
                            .join();
                      }))
          .isInstanceOf(BlockedOutsideWeftException.class)
          .hasMessageStartingWith(
              "Task 'stuck' ran for more than 2s of real time without calling into Weft (virtual time"
                  + " 3s): it is blocked outside Weft")
          .hasMessageContaining("RunOptions.watchdog(d)")
          .satisfies(
              e ->
                  assertThat(e.getCause().getStackTrace())
                      .extracting(StackTraceElement::getClassName)
                      .contains(CountDownLatch.class.getName()));
      assertThat(carriers).singleElement().satisfies(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void saysSoWhenTheStuckThreadCannotBeStopped() {
      AtomicBoolean release = new AtomicBoolean();
      List<Thread> carriers = new ArrayList<>();
      try {
        assertThatThrownBy(
                () ->
                    Weft.run(
                        quickWatchdog,
                        () -> {
                          carriers.add(Thread.currentThread());
                          while (!release.get()) {
                            Thread.onSpinWait(); // ignores interrupts
                          }
                          return null;
                        }))
            .isInstanceOf(BlockedOutsideWeftException.class)
            .hasMessageStartingWith("Task 'main' ran for more than 2s")
            .hasMessageContaining(
                "Its thread had not stopped 1s (real time) after it was interrupted, so it was left"
                    + " running; it may still end by itself.");
      } finally {
        release.set(true);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> !carriers.get(0).isAlive());
    }
  }
}
