package dev.weft;

import static dev.weft.TestPrograms.attempt;
import static dev.weft.TestPrograms.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.TestPrograms.Ended;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("semantics §2.8: Weft.withTimeout")
class WithTimeoutTests {

  static String sleepTenSeconds() {
    Weft.sleep(Duration.ofSeconds(10));
    return "late";
  }

  @Nested
  @DisplayName("semantics §2.8: deadline and expiry")
  class Expiry {

    @Test
    @DisplayName("semantics §2.8: a body done in time gives its value and leaves no timer behind")
    void bodyDoneInTimeGivesItsValue() {
      List<RunEvent> events = new ArrayList<>();
      List<Object> seen =
          Weft.run(
              RunOptions.defaults().listener(events::add),
              () -> {
                String value =
                    Weft.withTimeout(
                        ms(1000),
                        () -> {
                          Weft.sleep(ms(200));
                          return "v";
                        });
                Duration returnedAt = Weft.elapsed();
                Weft.sleep(ms(2000)); // a live timer would cancel this sleep at 1s
                return List.of(value, returnedAt, Weft.elapsed());
              });
      assertThat(seen).containsExactly("v", ms(200), ms(2200));
      // The cancelled timer never fires: nothing happens at the old deadline.
      assertThat(events).extracting(RunEvent::time).doesNotContain(ms(1000));
    }

    @Test
    @DisplayName(
        "semantics §2.8: a body that sleeps past the deadline ends in TimedOutException there")
    void bodySleepingPastTheDeadlineTimesOut() {
      List<String> log = new ArrayList<>();
      Ended ended =
          Weft.run(
              () ->
                  attempt(
                      () ->
                          Weft.withTimeout(
                              ms(500),
                              () -> {
                                Weft.sleep(Duration.ofSeconds(10));
                                log.add("body went on");
                                return "late";
                              })));
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.error().getCause()).isInstanceOf(CancelledException.class);
      assertThat(ended.at()).isEqualTo(ms(500));
      assertThat(log).isEmpty();
    }

    @Test
    @DisplayName(
        "semantics §2.8: the deadline is now + timeout at the call, not renewed per suspension")
    void deadlineIsComputedAtTheCall() {
      List<String> log = new ArrayList<>();
      Ended ended =
          Weft.run(
              () -> {
                Weft.sleep(ms(1000));
                return attempt(
                    () ->
                        Weft.withTimeout(
                            ms(500),
                            () -> {
                              Weft.sleep(ms(300));
                              log.add("first sleep ended at " + Weft.elapsed());
                              return sleepTenSeconds();
                            }));
              });
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.at()).isEqualTo(ms(1500));
      assertThat(log).containsExactly("first sleep ended at PT1.3S");
    }

    @ParameterizedTest(name = "timeout {0} ms")
    @ValueSource(longs = {0, -1000})
    @DisplayName(
        "semantics §2.8: with an expired deadline a body that never suspends completes normally")
    void expiredDeadlineAndBodyThatNeverSuspends(long timeoutMs) {
      List<Object> seen =
          Weft.run(
              () -> {
                int value = Weft.withTimeout(ms(timeoutMs), () -> 42);
                Weft.sleep(ms(1000)); // the expiry scheduled for the next pass must not fire
                return List.of(value, Weft.elapsed());
              });
      assertThat(seen).containsExactly(42, ms(1000));
    }

    @ParameterizedTest(name = "timeout {0} ms")
    @ValueSource(longs = {0, -1000})
    @DisplayName("semantics §2.8: with an expired deadline a body that suspends times out at once")
    void expiredDeadlineAndBodyThatSuspends(long timeoutMs) {
      List<String> log = new ArrayList<>();
      Ended ended =
          Weft.run(
              () ->
                  attempt(
                      () ->
                          Weft.withTimeout(
                              ms(timeoutMs),
                              () -> {
                                Weft.yieldNow();
                                log.add("body went on");
                                return 1;
                              })));
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.error().getCause()).isInstanceOf(CancelledException.class);
      assertThat(ended.at()).isEqualTo(Duration.ZERO);
      assertThat(log).isEmpty();
    }

    @Test
    @DisplayName("semantics §2.8: the TimedOutException names the task and the virtual time")
    void messageNamesTheTaskAndTheTime() {
      Throwable error =
          Weft.run(
              () -> {
                Task<Throwable> worker =
                    Weft.spawn(
                        "worker",
                        () -> {
                          Weft.sleep(ms(1000));
                          return attempt(() -> Weft.withTimeout(ms(500), () -> sleepTenSeconds()))
                              .error();
                        });
                return worker.join();
              });
      assertThat(error).isInstanceOf(TimedOutException.class);
      assertThat(error.getMessage()).contains("Task 'worker'").contains("1.5s");
    }
  }

  @Nested
  @DisplayName("semantics §2.8: how the body reacts")
  class BodyReaction {

    @Test
    @DisplayName("semantics §2.8: a body that catches the cancellation and returns gives its value")
    void bodyCatchingTheCancellationGivesItsValue() {
      Ended ended =
          Weft.run(
              () ->
                  attempt(
                      () ->
                          Weft.withTimeout(
                              ms(500),
                              () -> {
                                try {
                                  return sleepTenSeconds();
                                } catch (CancelledException cancelled) {
                                  return "caught at " + Weft.elapsed();
                                }
                              })));
      assertThat(ended.error()).isNull();
      assertThat(ended.value()).isEqualTo("caught at PT0.5S");
      assertThat(ended.at()).isEqualTo(ms(500));
    }

    @Test
    @DisplayName(
        "semantics §2.8: another exception after the expiry propagates, the timeout suppressed")
    void foreignExceptionAfterTheExpiryPropagates() {
      IllegalStateException boom = new IllegalStateException("cleanup failed");
      Ended ended =
          Weft.run(
              () ->
                  attempt(
                      () ->
                          Weft.withTimeout(
                              ms(500),
                              () -> {
                                try {
                                  return sleepTenSeconds();
                                } catch (CancelledException cancelled) {
                                  Weft.sleep(ms(100));
                                  throw boom;
                                }
                              })));
      assertThat(ended.error()).isSameAs(boom);
      assertThat(ended.at()).isEqualTo(ms(600));
      assertThat(boom.getSuppressed())
          .singleElement()
          .isInstanceOf(TimedOutException.class)
          .satisfies(timedOut -> assertThat(timedOut.getCause()).isNull());
    }

    @Test
    @DisplayName(
        "semantics §2.8: after a handled expiry the task sleeps and times out normally again")
    void handledExpiryLeavesNoStrayCancellation() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            try {
              Weft.withTimeout(ms(500), () -> sleepTenSeconds());
            } catch (TimedOutException expected) {
              log.add("first timed out at " + Weft.elapsed());
            }
            Weft.yieldNow();
            Weft.sleep(ms(1000));
            log.add("slept until " + Weft.elapsed());
            Ended second = attempt(() -> Weft.withTimeout(ms(300), () -> sleepTenSeconds()));
            log.add(second.error().getClass().getSimpleName() + " at " + second.at());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "first timed out at PT0.5S", "slept until PT1.5S", "TimedOutException at PT1.8S");
    }
  }

  @Nested
  @DisplayName("semantics §2.8: other cancellations")
  class OtherCancellations {

    @Test
    @DisplayName(
        "semantics §2.8: a cancellation from another task propagates as CancelledException")
    void outsideCancellationPropagatesUnchanged() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<Object> worker = spawnRecording("worker", log, ms(10_000), 0);
            Weft.sleep(ms(1000));
            worker.cancel();
            Weft.gatherSettled(List.of(worker));
            assertThat(worker.isCancelled()).isTrue();
            return null;
          });
      assertThat(log).containsExactly("worker got CancelledException at PT1S");
    }

    @Test
    @DisplayName(
        "semantics §2.8: an outside cancellation during the cleanup after expiry is not converted")
    void outsideCancellationDuringTheCleanupWins() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            // The timeout fires at 1s; the body's cleanup (0.5s) is cancelled from outside at 1.2s.
            Task<Object> worker = spawnRecording("worker", log, ms(1000), 500);
            Weft.sleep(ms(1200));
            worker.cancel();
            Weft.gatherSettled(List.of(worker));
            assertThat(worker.isCancelled()).isTrue();
            return null;
          });
      assertThat(log).containsExactly("worker got CancelledException at PT1.2S");
    }

    @Test
    @DisplayName(
        "semantics §2.8: nested, the outer (earlier) deadline converts; the inner propagates")
    void nestedOuterExpiresFirst() {
      List<String> log = new ArrayList<>();
      Ended ended = Weft.run(() -> attempt(() -> nested(log, ms(500), ms(2000))));
      assertThat(log).containsExactly("inner threw CancelledException");
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.at()).isEqualTo(ms(500));
    }

    @Test
    @DisplayName("semantics §2.8: nested with equal deadlines, only the outermost converts")
    void nestedEqualDeadlines() {
      List<String> log = new ArrayList<>();
      Ended ended = Weft.run(() -> attempt(() -> nested(log, ms(500), ms(500))));
      assertThat(log).containsExactly("inner threw CancelledException");
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.at()).isEqualTo(ms(500));
    }

    @Test
    @DisplayName("semantics §2.8: nested, an inner expiry converts and leaves the outer untouched")
    void nestedInnerExpiresFirst() {
      List<String> log = new ArrayList<>();
      List<Object> seen =
          Weft.run(
              () -> {
                String value =
                    Weft.withTimeout(
                        ms(2000),
                        () -> {
                          try {
                            Weft.withTimeout(ms(500), () -> sleepTenSeconds());
                          } catch (TimedOutException expected) {
                            log.add("inner timed out at " + Weft.elapsed());
                          }
                          Weft.sleep(ms(1000));
                          return "outer done";
                        });
                Duration returnedAt = Weft.elapsed();
                Weft.sleep(ms(2000)); // the outer timer is gone
                return List.of(value, returnedAt, Weft.elapsed());
              });
      assertThat(log).containsExactly("inner timed out at PT0.5S");
      assertThat(seen).containsExactly("outer done", ms(1500), ms(3500));
    }

    @Test
    @DisplayName(
        "semantics §2.8: an inner expiry the body swallowed leaves the outer timeout converting")
    void swallowedInnerExpiryRestoresTheCancelCount() {
      List<String> log = new ArrayList<>();
      Ended ended =
          Weft.run(
              () ->
                  attempt(
                      () ->
                          Weft.withTimeout(
                              ms(1000),
                              () -> {
                                String inner =
                                    Weft.withTimeout(
                                        ms(200),
                                        () -> {
                                          try {
                                            return sleepTenSeconds();
                                          } catch (CancelledException cancelled) {
                                            return "swallowed";
                                          }
                                        });
                                log.add(inner + " at " + Weft.elapsed());
                                return sleepTenSeconds();
                              })));
      // The inner expiry's cancellation request is withdrawn when its body returns (uncancel), so
      // the outer expiry is the only one left and converts (semantics §2.8: uncancel() <=
      // baseline).
      assertThat(log).containsExactly("swallowed at PT0.2S");
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.at()).isEqualTo(ms(1000));
    }
  }

  /** Outer withTimeout around an inner one around a long sleep; logs what the inner threw. */
  static String nested(List<String> log, Duration outer, Duration inner) {
    return Weft.withTimeout(
        outer,
        () -> {
          try {
            return Weft.withTimeout(inner, () -> sleepTenSeconds());
          } catch (Throwable e) {
            log.add("inner threw " + e.getClass().getSimpleName());
            throw e;
          }
        });
  }

  /**
   * A task that runs {@code withTimeout(timeout)} around a 10s sleep whose cancellation takes
   * {@code cleanupMs}; it logs what withTimeout threw, and when, and re-raises it.
   */
  static Task<Object> spawnRecording(
      String name, List<String> log, Duration timeout, long cleanupMs) {
    return Weft.spawn(
        name,
        () -> {
          Ended ended =
              attempt(
                  () ->
                      Weft.withTimeout(
                          timeout,
                          () -> {
                            try {
                              return sleepTenSeconds();
                            } catch (CancelledException cancelled) {
                              Weft.sleep(ms(cleanupMs));
                              throw cancelled;
                            }
                          }));
          log.add(name + " got " + ended.error().getClass().getSimpleName() + " at " + ended.at());
          if (ended.error() instanceof RuntimeException) {
            throw (RuntimeException) ended.error();
          }
          throw (Error) ended.error();
        });
  }
}
