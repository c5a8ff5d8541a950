package dev.weft;

import static dev.weft.Await.await;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link Await}: Awaitility's await() on the virtual clock. */
class AwaitTests {

  /** Runs {@code condition} once per poll, logging the virtual time of each poll. */
  private static boolean logged(List<Duration> polls, boolean result) {
    polls.add(Weft.elapsed());
    return result;
  }

  @Nested
  class Polling {

    @Test
    void aThirtyMinuteWaitEndsAtThePollThatSeesTheConditionOnTheVirtualClock() {
      Duration seen =
          Weft.run(
              () -> {
                AtomicBoolean built = new AtomicBoolean();
                Weft.spawn(
                    "indexer",
                    () -> {
                      Weft.sleep(ofMinutes(30));
                      built.set(true);
                    });
                await().atMost(ofMinutes(45)).until(built::get);
                return Weft.elapsed();
              });
      assertThat(seen).isEqualTo(ofMinutes(30));
    }

    @Test
    void byDefaultTheFirstPollComesOnePollIntervalAfterTheCallThenEveryHundredMilliseconds() {
      List<Duration> polls = new ArrayList<>();
      Weft.run(() -> await().until(() -> logged(polls, polls.size() == 2)));
      assertThat(polls).containsExactly(ofMillis(100), ofMillis(200), ofMillis(300));
    }

    @Test
    void pollDelayZeroPollsAtOnceAndPollIntervalSetsTheSpacing() {
      List<Duration> polls = new ArrayList<>();
      Weft.run(
          () ->
              await()
                  .pollDelay(Duration.ZERO)
                  .pollInterval(1, TimeUnit.SECONDS)
                  .until(() -> logged(polls, polls.size() == 2)));
      assertThat(polls).containsExactly(ofSeconds(0), ofSeconds(1), ofSeconds(2));
    }

    @Test
    void theLastPollIsAtTheDeadlineEvenWhenItIsNotAWholeNumberOfIntervals() {
      List<Duration> polls = new ArrayList<>();
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(() -> await().atMost(ofMillis(250)).until(() -> logged(polls, false))));
      assertThat(thrown).isInstanceOf(TimedOutException.class);
      assertThat(polls).containsExactly(ofMillis(100), ofMillis(200), ofMillis(250));
    }

    @Test
    void untilWithAPredicateReturnsTheFirstAcceptedValue() {
      int[] counter = {0};
      int value =
          Weft.run(
              () -> {
                Weft.spawn(
                    "counter",
                    () -> {
                      for (int i = 0; i < 10; i++) {
                        Weft.sleep(ofSeconds(1));
                        counter[0]++;
                      }
                    });
                int found = await().atMost(ofMinutes(1)).until(() -> counter[0], n -> n >= 4);
                assertThat(Weft.elapsed()).isEqualTo(ofSeconds(4));
                return found;
              });
      assertThat(value).isEqualTo(4);
    }

    @Test
    void untilAssertedRetriesAnAssertionErrorUntilItPasses() {
      List<String> inbox = new ArrayList<>();
      Duration passedAt =
          Weft.run(
              () -> {
                Weft.spawn(
                    "mailer",
                    () -> {
                      for (String m : List.of("a", "b", "c")) {
                        Weft.sleep(ofSeconds(2));
                        inbox.add(m);
                      }
                    });
                await().untilAsserted(() -> assertThat(inbox).hasSize(3));
                return Weft.elapsed();
              });
      assertThat(passedAt).isEqualTo(ofSeconds(6));
    }

    @Test
    void untilTrueWaitsForAnAtomicBoolean() {
      Duration at =
          Weft.run(
              () -> {
                AtomicBoolean done = new AtomicBoolean();
                Weft.callLater(ofMillis(450), () -> done.set(true));
                await().untilTrue(done);
                return Weft.elapsed();
              });
      assertThat(at).isEqualTo(ofMillis(500));
    }

    @Test
    void otherTasksRunWhileTheConditionIsPolledAndTheSameRunPollsAtTheSameTimes() {
      List<String> first = new ArrayList<>();
      List<String> second = new ArrayList<>();
      for (List<String> log : List.of(first, second)) {
        Weft.run(
            () -> {
              Queue<Integer> q = new Queue<>("jobs", 0);
              Weft.spawn(
                  "worker",
                  () -> {
                    for (int i = 0; i < 3; i++) {
                      Weft.sleep(ofMillis(70));
                      q.put(i);
                      log.add("put " + i + " @" + Weft.elapsed().toMillis());
                    }
                  });
              await()
                  .pollInterval(ofMillis(50))
                  .until(
                      () -> {
                        log.add("poll @" + Weft.elapsed().toMillis());
                        return q.size() == 3;
                      });
            });
      }
      assertThat(first)
          .containsExactly(
              "poll @50",
              "put 0 @70",
              "poll @100",
              "put 1 @140",
              "poll @150",
              "poll @200",
              "put 2 @210",
              "poll @250");
      assertThat(second).isEqualTo(first);
    }
  }

  @Nested
  class Timeouts {

    @Test
    void aTimeoutNamesTheAliasTheLastValueThePollsAndTheVirtualTimeWaited() {
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () -> {
                        Weft.sleep(ofSeconds(5));
                        await("queue drained").atMost(ofSeconds(1)).until(() -> false);
                      }));
      assertThat(thrown)
          .isInstanceOf(TimedOutException.class)
          .hasMessage(
              "Await 'queue drained' timed out after 1s of virtual time in main: the condition was"
                  + " still false. Polled 10 times, at virtual times 5.1s to 6s (atMost 1s,"
                  + " pollInterval 0.1s).")
          .hasNoCause();
    }

    @Test
    void theTimeoutComesAtAtMostOfVirtualTime() {
      Duration[] at = new Duration[1];
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () -> {
                        try {
                          await().atMost(ofMinutes(30)).until(() -> false);
                        } finally {
                          at[0] = Weft.elapsed();
                        }
                      }));
      assertThat(thrown)
          .hasMessageStartingWith("Await timed out after 1800s of virtual time in main:")
          .hasMessageContaining("Polled 18000 times");
      assertThat(at[0]).isEqualTo(ofMinutes(30));
    }

    @Test
    void aPredicateTimeoutShowsTheLastValue() {
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () -> {
                        await()
                            .atMost(ofMillis(300))
                            .until(() -> List.of(1, 2, 3), l -> l.size() > 5);
                      }));
      assertThat(thrown)
          .isInstanceOf(TimedOutException.class)
          .hasMessage(
              "Await timed out after 0.3s of virtual time in main: the predicate still rejected the"
                  + " value, last [1, 2, 3]. Polled 3 times, at virtual times 0.1s to 0.3s (atMost"
                  + " 0.3s, pollInterval 0.1s).");
    }

    @Test
    void anAssertionTimeoutQuotesTheLastAssertionErrorAndKeepsItAsTheCause() {
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () -> {
                        Weft.spawn(
                            "worker",
                            () -> {
                              Weft.sleep(ofSeconds(30));
                            });
                        int[] n = {0};
                        await("three replies")
                            .atMost(ofSeconds(2))
                            .untilAsserted(
                                () -> {
                                  n[0]++;
                                  throw new AssertionError("expected 3 replies but got " + n[0]);
                                });
                      }));
      assertThat(thrown)
          .isInstanceOf(TimedOutException.class)
          .hasMessage(
              "Await 'three replies' timed out after 2s of virtual time in main: the assertion still"
                  + " failed: expected 3 replies but got 20. Polled 20 times, at virtual times 0.1s to"
                  + " 2s (atMost 2s, pollInterval 0.1s).")
          .cause()
          .isInstanceOf(AssertionError.class)
          .hasMessage("expected 3 replies but got 20");
    }

    @Test
    void aTaskCancelledWhileItAwaitsStopsPolling() {
      List<Duration> polls = new ArrayList<>();
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () ->
                          Weft.withTimeout(
                              ofMillis(350),
                              () -> {
                                await().atMost(ofMinutes(1)).until(() -> logged(polls, false));
                                return null;
                              })));
      assertThat(thrown)
          .isInstanceOf(TimedOutException.class)
          .hasMessageStartingWith("withTimeout(0.35s) expired at virtual time 0.35s")
          .cause()
          .isInstanceOf(CancelledException.class);
      assertThat(polls).containsExactly(ofMillis(100), ofMillis(200), ofMillis(300));
    }
  }

  @Nested
  class Exceptions {

    @Test
    void anExceptionFromTheConditionEndsTheWaitAtOnceAsItIs() {
      IllegalStateException boom = new IllegalStateException("boom");
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () ->
                          await()
                              .until(
                                  () -> {
                                    throw boom;
                                  })));
      assertThat(thrown).isSameAs(boom);
    }

    @Test
    void aCheckedExceptionIsThrownAsItIsToo() {
      Throwable thrown =
          Weft.run(
              () ->
                  catchThrowable(
                      () ->
                          await()
                              .until(
                                  () -> {
                                    throw new IOException("disk gone");
                                  })));
      assertThat(thrown).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    @Test
    void anAssertionErrorInUntilIsNotRetried() {
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () ->
                          await()
                              .until(
                                  () -> {
                                    throw new AssertionError("no");
                                  })));
      assertThat(thrown).isInstanceOf(AssertionError.class).hasMessage("no");
    }

    @Test
    void ignoreExceptionsPollsAgainAndTheLastExceptionIsTheTimeoutsCause() {
      int[] polls = {0};
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () ->
                          await()
                              .ignoreExceptions()
                              .atMost(ofMillis(200))
                              .until(
                                  () -> {
                                    polls[0]++;
                                    throw new IllegalStateException("not ready " + polls[0]);
                                  })));
      assertThat(thrown)
          .isInstanceOf(TimedOutException.class)
          .hasMessageContaining(
              "the condition last threw java.lang.IllegalStateException: not ready 2. Polled 2"
                  + " times")
          .cause()
          .hasMessage("not ready 2");
    }
  }

  @Nested
  class Misuse {

    @Test
    void theDefaultsAreAwaitilitys() {
      assertThat(await().toString())
          .isEqualTo("Await[atMost=10s, pollInterval=0.1s, pollDelay=0.1s]");
      assertThat(Await.DEFAULT_AT_MOST).isEqualTo(ofSeconds(10));
      assertThat(Await.DEFAULT_POLL_INTERVAL).isEqualTo(ofMillis(100));
      // Awaitility refuses an atMost that is not longer than the default poll delay, and so does
      // Weft: the default poll delay is the poll interval in both.
      assertThatThrownBy(
              () -> org.awaitility.Awaitility.await().atMost(ofMillis(100)).until(() -> true))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Weft.run(() -> await().atMost(ofMillis(100)).until(() -> true)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Await.until: atMost (0.1s) must be longer than the poll delay (0.1s, which is the"
                  + " poll interval unless pollDelay is set), as in Awaitility.");
    }

    @Test
    void anAwaitIsImmutable() {
      Await base = await("x");
      Await longer = base.atMost(ofMinutes(1)).pollDelay(ofMillis(5)).ignoreExceptions();
      assertThat(base.toString())
          .isEqualTo("Await[alias='x', atMost=10s, pollInterval=0.1s, pollDelay=0.1s]");
      assertThat(longer.toString())
          .isEqualTo(
              "Await[alias='x', atMost=60s, pollInterval=0.1s, pollDelay=0.005s, ignoreExceptions]");
    }

    @Test
    void badArgumentsNameTheArgumentAndTheValue() {
      assertThatThrownBy(() -> await().atMost(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("atMost must be a positive duration, but was PT0S");
      assertThatThrownBy(() -> await().atMost(null))
          .hasMessage("atMost must be a positive duration, but was null");
      assertThatThrownBy(() -> await().pollInterval(0, TimeUnit.MILLISECONDS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("pollInterval must be a positive duration, but was PT0S");
      assertThatThrownBy(() -> await().pollDelay(ofMillis(-1)))
          .hasMessage("pollDelay must be zero or more, but was PT-0.001S");
      assertThatThrownBy(() -> await().atMost(5, null)).hasMessage("unit must not be null");
      assertThatThrownBy(() -> await().alias(" "))
          .hasMessage("alias must be null (none) or a non-blank string, but was ' '");
      assertThatThrownBy(() -> await().until(null)).hasMessage("condition must not be null");
      assertThatThrownBy(() -> await().until(() -> 1, null))
          .hasMessage("predicate must not be null");
      assertThatThrownBy(() -> await().untilAsserted(null))
          .hasMessage("assertion must not be null");
    }

    @Test
    void untilOutsideARunSaysItNeedsOne() {
      assertThatThrownBy(() -> await().until(() -> true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Await.until needs a running Weft loop, but none is running");
    }

    @Test
    void untilFromACallbackSaysItNeedsATask() {
      Throwable[] thrown = new Throwable[1];
      Weft.run(
          () -> {
            Weft.callSoon(() -> thrown[0] = catchThrowable(() -> await().untilAsserted(() -> {})));
            Weft.yieldNow();
          });
      assertThat(thrown[0])
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Await.untilAsserted must be called from a task");
    }
  }
}
