package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.attempt;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Condition}, asyncio's {@code Condition} (semantics §2.15): the lock rule, await, signal
 * and signalAll, a lock shared by two conditions, and deadlock reports. Wake-ups that must not be
 * lost (gh-112202) and {@code awaitUntil} are in {@link ConditionWakeUpTests}.
 */
class ConditionTests {

  /** Spawns a task that takes the lock, awaits one signal, logs "NAME woke" and releases. */
  static Task<Void> waiter(String name, Condition condition, List<String> log) {
    return Weft.spawn(
        name,
        () -> {
          condition.acquire();
          try {
            condition.await();
            log.add(name + " woke");
          } finally {
            condition.release();
          }
        });
  }

  @Nested
  @DisplayName("semantics §2.15: await, signal and signalAll require the lock")
  class RequiresTheLock {
    @ParameterizedTest(
        name = "semantics §2.15: {0}() without the lock held -> IllegalStateException")
    @ValueSource(strings = {"await", "signal", "signalAll"})
    @DisplayName("semantics §2.15: await(), signal() and signalAll() without the lock held")
    void withoutTheLock(String operation) {
      Throwable error =
          Weft.run(
              () -> {
                Condition c = new Condition("c");
                return catchThrowable(
                    switch (operation) {
                      case "await" -> c::await;
                      case "signal" -> c::signal;
                      default -> c::signalAll;
                    });
              });
      assertThat(error)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              operation
                  + "() on condition 'c' requires its lock to be held, but it is not."
                  + " Call acquire() first.");
    }
  }

  @Nested
  @DisplayName("semantics §2.15: await")
  class Await {
    @Test
    @DisplayName(
        "semantics §2.15: await releases the lock, waits for a signal, re-acquires before returning")
    void releasesWaitsAndReacquires() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            Task<Void> w =
                Weft.spawn(
                    "W",
                    () -> {
                      c.acquire();
                      log.add("W waits " + at());
                      c.await();
                      log.add("W returns " + at() + " holding the lock: " + c.isLocked());
                      c.release();
                    });
            Weft.yieldNow(); // W takes the lock; its await gives it back
            log.add("main sees the lock " + (c.isLocked() ? "held" : "free"));
            c.acquire();
            Weft.sleep(secs(1)); // time passing does not wake W: only a signal does
            c.signal();
            log.add("main signalled " + at());
            Weft.sleep(secs(1)); // W is woken, but must wait for the lock
            log.add("main releases " + at());
            c.release();
            w.join();
          });
      assertThat(log)
          .containsExactly(
              "W waits @0s",
              "main sees the lock free",
              "main signalled @1s",
              "main releases @2s",
              "W returns @2s holding the lock: true");
    }

    @Test
    @DisplayName(
        "semantics §2.15: a waiter cancelled while waiting re-acquires the lock before CancelledException")
    void cancelledWaiterReacquiresBeforeTheCancellationPropagates() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("l");
            Condition c = new Condition("c", lock);
            Task<Void> w =
                Weft.spawn(
                    "W",
                    () -> {
                      c.acquire();
                      try {
                        c.await();
                        log.add("W returned");
                      } catch (CancelledException e) {
                        log.add("W gets CancelledException " + at() + ", " + lock);
                        throw e;
                      } finally {
                        c.release();
                      }
                    });
            Weft.yieldNow();
            c.acquire();
            w.cancel();
            Weft.sleep(secs(1)); // W's cancellation is delivered, but it must wait for the lock
            log.add("main releases " + at());
            c.release();
            log.add("W ended with " + TestPrograms.kind(attempt(w::join).error()));
          });
      assertThat(log)
          .containsExactly(
              "main releases @1s",
              "W gets CancelledException @1s, lock 'l' (held by W)",
              "W ended with CancelledException");
    }
  }

  @Nested
  @DisplayName("semantics §2.15: signal and signalAll")
  class Signal {
    @Test
    @DisplayName("semantics §2.15: signal(n) wakes up to n not-yet-woken waiters, FIFO")
    void signalWakesUpToNNotYetWokenWaitersInOrder() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            List<Task<Void>> waiters = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
              waiters.add(waiter("W" + i, c, log));
            }
            Weft.yieldNow(); // all five wait
            c.acquire();
            c.signal(2);
            c.signal(1); // W1 and W2 are woken but still listed: this must wake W3
            c.release();
            Weft.yieldNow();
            log.add("main signals the rest");
            c.acquire();
            c.signalAll();
            c.release();
            Weft.gather(waiters);
          });
      assertThat(log)
          .containsExactly(
              "W1 woke", "W2 woke", "W3 woke", "main signals the rest", "W4 woke", "W5 woke");
    }

    @Test
    @DisplayName(
        "semantics §2.15: signal(0) wakes nobody; signal(n) beyond the waiters wakes them all")
    void signalZeroAndSignalBeyondTheWaiters() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            Task<Void> w1 = waiter("W1", c, log);
            Task<Void> w2 = waiter("W2", c, log);
            Weft.yieldNow();
            c.acquire();
            c.signal(0);
            c.release();
            Weft.sleep(secs(1));
            log.add("after signal(0) " + at());
            c.acquire();
            c.signal(5);
            c.release();
            Weft.gather(w1, w2);
          });
      assertThat(log).containsExactly("after signal(0) @1s", "W1 woke", "W2 woke");
    }

    @Test
    @DisplayName("semantics §2.15: signal(-1) -> IllegalArgumentException")
    void negativeSignalIsRejected() {
      Throwable error =
          Weft.run(
              () -> {
                Condition c = new Condition("c");
                c.acquire();
                return catchThrowable(() -> c.signal(-1));
              });
      assertThat(error)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("n must be 0 or more, but was -1");
    }

    @Test
    @DisplayName("semantics §2.15: signalAll wakes every waiter in the order they started waiting")
    void signalAllWakesEveryWaiterInWaitOrder() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            List<Task<Void>> waiters = new ArrayList<>();
            // Spawned A, B, C, but they start waiting in the order C, A, B.
            for (String name : List.of("A", "B", "C")) {
              long delay = name.equals("A") ? 1 : name.equals("B") ? 2 : 0;
              waiters.add(
                  Weft.spawn(
                      name,
                      () -> {
                        Weft.sleep(secs(delay));
                        c.acquire();
                        try {
                          c.await();
                          log.add(name + " woke " + at());
                        } finally {
                          c.release();
                        }
                      }));
            }
            Weft.sleep(secs(3));
            c.acquire();
            c.signalAll();
            c.release();
            Weft.gather(waiters);
          });
      assertThat(log).containsExactly("C woke @3s", "A woke @3s", "B woke @3s");
    }

    @Test
    @DisplayName("semantics §2.15: woken tasks queue for the lock and go on one per release")
    void wokenTasksGoOnOnePerRelease() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Condition c = new Condition("c");
            List<Task<Void>> waiters = new ArrayList<>();
            for (String name : List.of("W1", "W2", "W3")) {
              waiters.add(
                  Weft.spawn(
                      name,
                      () -> {
                        c.acquire();
                        try {
                          c.await();
                          log.add(name + " has the lock");
                          Weft.yieldNow(); // the others are woken too, but wait for the lock
                          log.add(name + " releases");
                        } finally {
                          c.release();
                        }
                      }));
            }
            Weft.yieldNow();
            c.acquire();
            c.signalAll();
            c.release();
            Weft.gather(waiters);
          });
      assertThat(log)
          .containsExactly(
              "W1 has the lock",
              "W1 releases",
              "W2 has the lock",
              "W2 releases",
              "W3 has the lock",
              "W3 releases");
    }
  }

  @Test
  @DisplayName(
      "semantics §2.15: two conditions on one Lock: a signal on one wakes only its own waiters")
  void twoConditionsShareOneLock() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          Lock lock = new Lock("shared");
          Condition notEmpty = new Condition("notEmpty", lock);
          Condition notFull = new Condition("notFull", lock);
          Task<Void> a = waiter("A", notEmpty, log);
          Task<Void> b = waiter("B", notFull, log);
          Weft.yieldNow();
          notEmpty.acquire(); // takes the shared lock, which is what notFull.signal() requires
          log.add("locked: lock " + lock.isLocked() + ", notFull " + notFull.isLocked());
          notFull.signal();
          notEmpty.release();
          Weft.sleep(secs(1));
          log.add("A done: " + a.isDone());
          lock.acquire();
          notEmpty.signal();
          lock.release();
          Weft.gather(a, b);
        });
    assertThat(log)
        .containsExactly("locked: lock true, notFull true", "B woke", "A done: false", "A woke");
  }

  @Nested
  @DisplayName("semantics §1.5, 2.15: deadlock reports")
  class Reports {
    @Test
    @DisplayName(
        "semantics §1.5: a task nobody signals is reported as \"await on condition 'c' (not signalled)\"")
    void reportsAWaiterThatWasNeverSignalled() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Condition c = new Condition("c");
                        Task<Void> w = waiter("W", c, new ArrayList<>());
                        Task<Object> u =
                            Weft.spawn(
                                "U",
                                () -> {
                                  c.acquire();
                                  try {
                                    return c.awaitUntil(() -> null);
                                  } finally {
                                    c.release();
                                  }
                                });
                        return Weft.gather(w, u);
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining("  main  blocked in gather(W, U), waiting for W\n")
          .hasMessageContaining("  W     blocked in await on condition 'c' (not signalled)\n")
          .hasMessageContaining(
              "  U     blocked in awaitUntil on condition 'c' (predicate not yet true)\n");
    }

    @Test
    @DisplayName("semantics §1.5: a signalled task stuck taking the lock back says who holds it")
    void reportsASignalledWaiterThatCannotTakeTheLockBack() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Condition c = new Condition("c");
                        waiter("W", c, new ArrayList<>());
                        Weft.yieldNow();
                        c.acquire();
                        c.signal();
                        return Weft.promise("never").join(); // holds the lock forever
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining("  main  blocked in join(Promise 'never')\n")
          .hasMessageContaining(
              "  W     blocked in await on condition 'c' (signalled, taking back its lock, held by"
                  + " main)\n");
    }
  }
}
