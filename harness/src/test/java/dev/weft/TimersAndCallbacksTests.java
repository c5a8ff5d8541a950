package dev.weft;

import static dev.weft.Weft.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Timers, the virtual clock (semantics §1.3), sleeping (semantics §2.2) and callbacks ({@code
 * callSoon}, {@code callLater}).
 */
class TimersAndCallbacksTests {

  /** Semantics §1.3: timer order and when the virtual clock moves. */
  @Nested
  class TimersAndTheVirtualClock {

    @Test
    void callbacksDueAtTheSameInstantFireInRegistrationOrder() {
      // CPython's heap fires six such timers as [0, 2, 5, 1, 3, 4]; Weft fixes FIFO on purpose.
      List<String> fired = new ArrayList<>();
      run(
          () -> {
            for (int i = 0; i < 6; i++) {
              int id = i;
              Weft.callLater(
                  Duration.ofSeconds(1), () -> fired.add(id + " at " + Weft.elapsed().toSeconds()));
            }
            Weft.sleep(Duration.ofSeconds(2));
          });

      assertThat(fired).containsExactly("0 at 1", "1 at 1", "2 at 1", "3 at 1", "4 at 1", "5 at 1");
    }

    @Test
    void tasksSleepingUntilTheSameInstantResumeInSpawnOrder() {
      // CPython resumes six such tasks as [0, 2, 5, 4, 1, 3]; Weft fixes FIFO on purpose.
      List<Integer> resumed = new ArrayList<>();
      run(
          () -> {
            List<Task<Void>> sleepers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
              int id = i;
              sleepers.add(
                  Weft.spawn(
                      "sleeper-" + i,
                      () -> {
                        Weft.sleep(Duration.ofSeconds(1));
                        resumed.add(id);
                      }));
            }
            Weft.gather(sleepers);
            assertThat(Weft.elapsed()).isEqualTo(Duration.ofSeconds(1));
          });

      assertThat(resumed).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aCancelledTimerNeverFires() {
      // "doomed" is cancelled by a callback of the pass it was already moved into; "soon" is a
      // cancelled callSoon.
      List<String> fired = new ArrayList<>();
      run(
          () -> {
            TimerHandle early = Weft.callLater(Duration.ofSeconds(1), () -> fired.add("early"));
            TimerHandle[] doomed = new TimerHandle[1];
            Weft.callLater(Duration.ofSeconds(2), () -> doomed[0].cancel());
            doomed[0] = Weft.callLater(Duration.ofSeconds(2), () -> fired.add("doomed"));
            Weft.callLater(Duration.ofSeconds(2), () -> fired.add("late"));
            TimerHandle soon = Weft.callSoon(() -> fired.add("soon"));
            early.cancel();
            soon.cancel();
            assertThat(early.isCancelled()).isTrue();
            Weft.sleep(Duration.ofSeconds(3));
            assertThat(doomed[0].isCancelled()).isTrue();
          });

      assertThat(fired).containsExactly("late");
    }

    @Test
    void aCancelledTimerDoesNotMakeTheClockJump() {
      // With only a cancelled timer left the loop is stuck at once: had it jumped to the timer's
      // deadline first, the report would say 3600s.
      List<String> fired = new ArrayList<>();
      Throwable thrown =
          catchThrowable(
              () ->
                  run(
                      () -> {
                        Weft.callLater(Duration.ofHours(1), () -> fired.add("fired")).cancel();
                        Weft.promise("never").join();
                      }));

      assertThat(fired).isEmpty();
      assertThat(thrown)
          .isInstanceOf(DeadlockException.class)
          .hasMessageStartingWith("Deadlock at virtual time 0s:");
    }

    @Test
    void virtualTimeMovesOnlyWhenNothingIsReady() {
      List<String> log = new ArrayList<>();
      run(
          () -> {
            Task<Void> sleeper =
                Weft.spawn(
                    "sleeper",
                    () -> {
                      Weft.sleep(Duration.ofNanos(1));
                      log.add("sleeper woke at " + Weft.elapsed().toNanos() + "ns");
                    });
            Task<Void> busy =
                Weft.spawn(
                    "busy",
                    () -> {
                      for (int i = 0; i < 100; i++) {
                        Weft.yieldNow();
                      }
                      log.add("busy done at " + Weft.elapsed().toNanos() + "ns");
                    });
            Weft.gather(sleeper, busy);
          });

      assertThat(log).containsExactly("busy done at 0ns", "sleeper woke at 1ns");
    }

    @Test
    void aOneHourSleepEndsAtExactlyOneHour() {
      Duration elapsed =
          Weft.run(
              () -> {
                Weft.sleep(Duration.ofHours(1));
                return Weft.elapsed();
              });

      assertThat(elapsed).isEqualTo(Duration.parse("PT1H"));
    }

    @Test
    void eachSleepAdvancesTheClockByExactlyItsDuration() {
      // kotlinx-coroutines-test and trio check their virtual clocks this way.
      List<Duration> advances =
          Weft.run(
              () -> {
                List<Duration> seen = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                  Duration before = Weft.elapsed();
                  Weft.sleep(Duration.ofSeconds(10L * i));
                  seen.add(Weft.elapsed().minus(before));
                }
                return seen;
              });

      assertThat(advances)
          .containsExactly(
              Duration.ofSeconds(10),
              Duration.ofSeconds(20),
              Duration.ofSeconds(30),
              Duration.ofSeconds(40),
              Duration.ofSeconds(50));
    }
  }

  /** Spec 2.2: sleep and the clock a program reads. */
  @Nested
  class Sleeping {

    @Test
    void sleepReturnsAfterExactlyTheDurationWhileOtherTimersFire() {
      List<String> log = new ArrayList<>();
      run(
          () -> {
            Weft.spawn(
                "ticker",
                () -> {
                  for (int i = 0; i < 3; i++) {
                    Weft.sleep(Duration.ofMillis(700));
                  }
                });
            Weft.sleep(Duration.ofNanos(1));
            log.add(Weft.elapsed().toString());
            Weft.sleep(Duration.ofMillis(1500));
            log.add(Weft.elapsed().toString());
          });

      assertThat(log).containsExactly("PT0.000000001S", "PT1.500000001S");
    }

    @Test
    void clockReadsTheEpochPlusTheElapsedVirtualTime() {
      List<Instant> instants = new ArrayList<>();
      run(
          () -> {
            Clock clock = Weft.clock();
            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
            instants.add(clock.instant());
            Weft.sleep(Duration.ofSeconds(90).plusMillis(5));
            instants.add(clock.instant());
            assertThat(clock.millis()).isEqualTo(90_005);
            assertThat(Weft.clock().instant()).isEqualTo(Instant.EPOCH.plus(Weft.elapsed()));
          });

      assertThat(instants)
          .containsExactly(Instant.EPOCH, Instant.parse("1970-01-01T00:01:30.005Z"));
    }
  }

  /** Spec 1.1, 2.2: callbacks among tasks, and callbacks that fail. */
  @Nested
  class Callbacks {

    @Test
    void callbacksRunInOrderAmongTaskSteps() {
      // callSoon queues behind the task spawned before it; callLater(0) waits for the next pass;
      // callLater(1s) was registered before B's sleep timer, so it fires first at 1s.
      List<String> log = new ArrayList<>();
      run(
          () -> {
            Weft.spawn(
                "A",
                () -> {
                  log.add("A");
                });
            Weft.callSoon(() -> log.add("soon"));
            Weft.callLater(Duration.ZERO, () -> log.add("later 0s"));
            Weft.callLater(Duration.ofSeconds(1), () -> log.add("later 1s"));
            Task<Void> b =
                Weft.spawn(
                    "B",
                    () -> {
                      log.add("B starts");
                      Weft.sleep(Duration.ofSeconds(1));
                      log.add("B wakes at " + Weft.elapsed().toSeconds() + "s");
                    });
            log.add("main continues");
            b.join();
          });

      assertThat(log)
          .containsExactly(
              "main continues", "A", "soon", "B starts", "later 0s", "later 1s", "B wakes at 1s");
    }

    @Test
    void aFailingCallbackDoesNotStopTheRunButFailsItAtTheEnd() {
      IllegalStateException boom = new IllegalStateException("boom");
      List<String> log = new ArrayList<>();
      Throwable thrown =
          catchThrowable(
              () ->
                  run(
                      () -> {
                        Weft.callLater(
                            Duration.ofSeconds(1),
                            () -> {
                              throw boom;
                            });
                        Weft.callLater(Duration.ofSeconds(2), () -> log.add("next callback"));
                        Weft.sleep(Duration.ofSeconds(3));
                        log.add("main returns");
                      }));

      assertThat(log).containsExactly("next callback", "main returns");
      assertThat(thrown)
          .isInstanceOf(TaskFailedException.class)
          .hasMessageContaining("callLater(1s) from Task 'main'")
          .hasMessageContaining("at virtual time 1s")
          .cause()
          .isSameAs(boom);
    }

    @Test
    void aFailingCallbackIsIgnoredWhenUnobservedFailuresAreAllowed() {
      List<String> log = new ArrayList<>();
      run(
          RunOptions.defaults().failOnUnobservedFailures(false),
          () -> {
            Weft.callSoon(
                () -> {
                  throw new IllegalStateException("boom");
                });
            Weft.yieldNow();
            log.add("main returns");
          });

      assertThat(log).containsExactly("main returns");
    }
  }
}
