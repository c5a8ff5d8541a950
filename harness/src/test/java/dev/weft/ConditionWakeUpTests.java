package dev.weft;

import static dev.weft.ConditionTests.waiter;
import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.attempt;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Condition} (semantics §2.15), continued: a signalled waiter that fails before it returns
 * passes the signal on (CPython gh-112202), and {@link Condition#awaitUntil}.
 */
class ConditionWakeUpTests {

  @Nested
  @DisplayName("semantics §2.15: a woken waiter that fails passes the signal on (gh-112202)")
  class NoLostWakeUp {
    /** Spawns W1, which logs how its await ended and with which lock state. */
    private Task<Void> loggingWaiter(Condition c, Lock lock, List<String> log) {
      return Weft.spawn(
          "W1",
          () -> {
            c.acquire();
            try {
              c.await();
              log.add("W1 woke");
            } catch (CancelledException e) {
              log.add("W1 cancelled " + at() + ", " + lock);
              throw e;
            } finally {
              c.release();
            }
          });
    }

    @Test
    @DisplayName(
        "semantics §2.15: signalled, then cancelled before it runs: the next waiter is woken")
    void wokenThenCancelledBeforeRunning() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("l");
            Condition c = new Condition("c", lock);
            Task<Void> w1 = loggingWaiter(c, lock, log);
            Task<Void> w2 = waiter("W2", c, log);
            Weft.yieldNow();
            c.acquire();
            c.signal(); // wakes W1 only
            w1.cancel(); // before W1 runs: W1 must hand its signal to W2
            c.release();
            log.add("W1 ended with " + kind(attempt(w1::join).error()));
            w2.join();
          });
      assertThat(log)
          .containsExactly(
              "W1 cancelled @0s, lock 'l' (held by W1)",
              "W2 woke", // woken in W1's last step, so it runs before main sees W1 end
              "W1 ended with CancelledException");
    }

    @Test
    @DisplayName(
        "semantics §2.15: signalled, then cancelled while taking the lock back: W2 is woken")
    void wokenThenCancelledWhileTakingTheLockBack() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("l");
            Condition c = new Condition("c", lock);
            Task<Void> w1 = loggingWaiter(c, lock, log);
            Task<Void> w2 = waiter("W2", c, log);
            Weft.yieldNow();
            c.acquire();
            c.signal();
            Weft.yieldNow(); // W1 is woken and queues for the lock, which main holds
            w1.cancel();
            Weft.sleep(secs(1)); // W1 keeps waiting for the lock despite the cancellation
            log.add("main releases " + at());
            c.release();
            log.add("W1 ended with " + kind(attempt(w1::join).error()));
            w2.join();
          });
      assertThat(log)
          .containsExactly(
              "main releases @1s",
              "W1 cancelled @1s, lock 'l' (held by W1)",
              "W2 woke", // woken in W1's last step, so it runs before main sees W1 end
              "W1 ended with CancelledException");
    }

    @Test
    @DisplayName("semantics §2.8, 2.15: signalled, then timed out before it runs: W2 is woken")
    void wokenThenTimedOut() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            // Registered first, so at t=1s it signals W1 just before W1's timeout fires.
            Weft.callLater(secs(1), c::signal);
            Task<Void> w1 =
                Weft.spawn(
                    "W1",
                    () -> {
                      c.acquire();
                      try {
                        Weft.withTimeout(
                            secs(1),
                            () -> {
                              c.await();
                              return null;
                            });
                        log.add("W1 woke");
                      } catch (TimedOutException e) {
                        log.add("W1 timed out " + at() + " holding the lock: " + c.isLocked());
                      } finally {
                        c.release();
                      }
                    });
            Task<Void> w2 = waiter("W2", c, log);
            Weft.yieldNow();
            c.acquire(); // held at t=1s, as the callback's signal() requires
            Weft.sleep(secs(2));
            log.add("main releases " + at());
            c.release();
            Weft.gather(w1, w2);
          });
      assertThat(log)
          .containsExactly(
              "main releases @2s", "W1 timed out @2s holding the lock: true", "W2 woke");
    }
  }

  @Nested
  @DisplayName("semantics §2.15: awaitUntil (asyncio's wait_for)")
  class AwaitUntil {
    @Test
    @DisplayName("semantics §2.15: awaitUntil returns the predicate's value")
    void returnsThePredicatesValue() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            Deque<String> box = new ArrayDeque<>();
            Task<Void> consumer =
                Weft.spawn(
                    "consumer",
                    () -> {
                      c.acquire();
                      try {
                        log.add("got " + c.awaitUntil(box::poll) + " " + at());
                      } finally {
                        c.release();
                      }
                    });
            Weft.sleep(secs(1));
            c.acquire();
            box.add("apple");
            c.signal();
            c.release();
            consumer.join();
          });
      assertThat(log).containsExactly("got apple @1s");
    }

    @Test
    @DisplayName("semantics §2.15: already true: returns at once, without suspending or the lock")
    void alreadyTrueReturnsWithoutWaiting() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            Task<Boolean> other = Weft.spawn("other", () -> log.add("other ran"));
            String value = c.awaitUntil(() -> "ready"); // the lock is not held
            log.add("main got " + value + ", lock held: " + c.isLocked());
            other.join();
          });
      assertThat(log).containsExactly("main got ready, lock held: false", "other ran");
    }

    @Test
    @DisplayName("semantics §2.15: the predicate is checked again after every wake-up")
    void rechecksAfterEveryWakeUp() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            int[] value = {0};
            Task<Integer> w =
                Weft.spawn(
                    "W",
                    () -> {
                      c.acquire();
                      try {
                        return c.awaitUntil(
                            () -> {
                              log.add("check " + at() + ": " + value[0]);
                              return value[0] >= 3 ? value[0] : null;
                            });
                      } finally {
                        c.release();
                      }
                    });
            for (int i = 1; i <= 3; i++) {
              Weft.sleep(secs(1));
              c.acquire();
              value[0] = i;
              c.signal();
              c.release();
            }
            log.add("W returned " + w.join());
          });
      assertThat(log)
          .containsExactly(
              "check @0s: 0", "check @1s: 1", "check @2s: 2", "check @3s: 3", "W returned 3");
    }

    @Test
    @DisplayName("semantics §2.15: null, Boolean.FALSE and an empty Optional are not yet true")
    void falsyValuesKeepWaiting() {
      List<Object> answers = new ArrayList<>();
      answers.add(null);
      answers.add(Boolean.FALSE);
      answers.add(Optional.empty());
      answers.add(Optional.of("x"));
      Object result =
          Weft.run(
              () -> {
                Condition c = new Condition("c");
                int[] next = {0};
                Task<Object> w =
                    Weft.spawn(
                        "W",
                        () -> {
                          c.acquire();
                          try {
                            return c.awaitUntil(() -> answers.get(next[0]));
                          } finally {
                            c.release();
                          }
                        });
                for (int round = 0; round < 10; round++) {
                  Weft.yieldNow(); // W checks the predicate once more, then waits or returns
                  if (w.isDone()) {
                    break;
                  }
                  c.acquire();
                  next[0]++;
                  c.signal();
                  c.release();
                }
                return List.of(w.join(), next[0]);
              });
      assertThat(result).isEqualTo(List.of(Optional.of("x"), 3));
    }

    @Test
    @DisplayName(
        "semantics §2.15: awaitUntil that must wait without the lock -> IllegalStateException")
    void mustWaitWithoutTheLock() {
      Throwable error =
          Weft.run(() -> catchThrowable(() -> new Condition("c").awaitUntil(() -> Boolean.FALSE)));
      assertThat(error)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("awaitUntil() on condition 'c' requires its lock to be held");
    }
  }
}
