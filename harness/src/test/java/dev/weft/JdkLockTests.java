package dev.weft;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link Jdk#lock}: the JDK's Lock and Condition with ReentrantLock's rules and Weft's waits. */
class JdkLockTests {

  private static String at() {
    return "@" + Weft.elapsed().toSeconds() + "s";
  }

  /** Locks, logs, holds the lock for {@code seconds} of virtual time, unlocks. */
  private static void hold(Lock lock, String who, long seconds, List<String> log) {
    lock.lock();
    try {
      log.add(who + " got it " + at());
      Weft.sleep(ofSeconds(seconds));
    } finally {
      lock.unlock();
    }
  }

  @Nested
  class Locking {

    @Test
    void tasksTakeTheLockOneAtATimeInTheOrderTheyAsked() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("account");
            Weft.gather(
                Weft.spawn("A", () -> hold(lock, "A", 2, log)),
                Weft.spawn("B", () -> hold(lock, "B", 1, log)),
                Weft.spawn("C", () -> hold(lock, "C", 1, log)));
          });
      assertThat(log).containsExactly("A got it @0s", "B got it @2s", "C got it @3s");
    }

    @Test
    void theOwnerMayLockAgainAndOthersWaitUntilItsLastUnlock() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("account");
            lock.lock();
            lock.lock();
            Task<Void> other = Weft.spawn("other", () -> hold(lock, "other", 0, log));
            Weft.sleep(ofSeconds(1));
            lock.unlock();
            log.add("main unlocked once " + at());
            Weft.sleep(ofSeconds(1));
            lock.unlock();
            other.join();
          });
      assertThat(log).containsExactly("main unlocked once @1s", "other got it @2s");
    }

    @Test
    void tryLockSucceedsOnlyWhenTheLockIsFreeAndTheTimedOneWaitsOnTheVirtualClock() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("account");
            Task<Void> holder = Weft.spawn("holder", () -> hold(lock, "holder", 10, log));
            Weft.yieldNow();
            log.add("tryLock " + lock.tryLock() + " " + at());
            log.add("tryLock(3s) " + lock.tryLock(3, TimeUnit.SECONDS) + " " + at());
            log.add("tryLock(0s) " + lock.tryLock(0, TimeUnit.SECONDS) + " " + at());
            log.add("tryLock(1min) " + lock.tryLock(1, TimeUnit.MINUTES) + " " + at());
            log.add("tryLock again " + lock.tryLock() + " " + lock);
            lock.unlock();
            lock.unlock();
            holder.join();
          });
      assertThat(log)
          .containsExactly(
              "holder got it @0s",
              "tryLock false @0s",
              "tryLock(3s) false @3s",
              "tryLock(0s) false @3s",
              "tryLock(1min) true @10s",
              "tryLock again true lock 'account' (held by main (2 holds))");
    }

    @Test
    void tryLockDoesNotBargeInBeforeAWokenWaiter() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("account");
            lock.lock();
            Task<Void> waiter = Weft.spawn("waiter", () -> hold(lock, "waiter", 0, log));
            Weft.yieldNow();
            lock.unlock();
            log.add("tryLock right after unlock: " + lock.tryLock());
            waiter.join();
          });
      assertThat(log).containsExactly("tryLock right after unlock: false", "waiter got it @0s");
    }

    @Test
    void aTaskCancelledWhileItWaitsForTheLockDoesNotGetItAndTheNextOneDoes() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("account");
            lock.lock();
            Task<Void> first = Weft.spawn("first", () -> hold(lock, "first", 0, log));
            Task<Void> second = Weft.spawn("second", () -> hold(lock, "second", 0, log));
            Weft.sleep(ofSeconds(1));
            first.cancel();
            Weft.sleep(ofSeconds(1));
            lock.unlock();
            log.add(catchThrowable(first::join).getClass().getSimpleName());
            second.join();
          });
      assertThat(log).containsExactly("CancelledException", "second got it @2s");
    }

    @Test
    void lockInterruptiblyHonoursAnInterruptFlagTheTaskSetAndTryLockNeedsATask() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("account");
            Thread.currentThread().interrupt();
            log.add(catchThrowable(lock::lockInterruptibly).getClass().getSimpleName());
            lock.lockInterruptibly();
            log.add("then locked: " + lock);
            lock.unlock();
            Weft.callSoon(() -> log.add(catchThrowable(lock::tryLock).getMessage()));
            Weft.yieldNow();
          });
      assertThat(log)
          .containsExactly(
              "InterruptedException",
              "then locked: lock 'account' (held by main)",
              "tryLock() on lock 'account' was called from a callback (callSoon/callLater): a lock"
                  + " is held by a task, and a callback is none. Call it from a task.");
    }

    @Test
    void deadlockReportsSayWhichTaskHoldsWhichLock() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Lock a = Jdk.lock("a");
                        Lock b = Jdk.lock("b");
                        Task<Void> t1 = Weft.spawn("T1", () -> lockBoth(a, b));
                        Task<Void> t2 = Weft.spawn("T2", () -> lockBoth(b, a));
                        Weft.gather(t1, t2);
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  T1    blocked in lock() on lock 'b' (held by T2)\n"
                  + "  T2    blocked in lock() on lock 'a' (held by T1)\n");
    }

    private void lockBoth(Lock first, Lock second) {
      first.lock();
      try {
        Weft.sleep(ofSeconds(1));
        second.lock();
        second.unlock();
      } finally {
        first.unlock();
      }
    }
  }

  @Nested
  class Conditions {

    @Test
    void awaitReleasesEveryHoldAndRestoresThemAndSignalWakesTheFirstWaiter() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("buffer");
            Condition changed = lock.newCondition();
            List<String> items = new ArrayList<>();
            Task<Void> consumer =
                Weft.spawn(
                    "consumer",
                    () -> {
                      lock.lock();
                      lock.lock();
                      try {
                        while (items.isEmpty()) {
                          changed.await();
                        }
                        log.add("consumer took " + items.remove(0) + " " + at() + ", " + lock);
                      } finally {
                        lock.unlock();
                        lock.unlock();
                      }
                    });
            Weft.sleep(ofSeconds(1));
            lock.lock();
            try {
              items.add("x");
              changed.signal();
              log.add("main signalled " + at());
            } finally {
              lock.unlock();
            }
            consumer.join();
            log.add("after: " + lock);
          });
      assertThat(log)
          .containsExactly(
              "main signalled @1s",
              "consumer took x @1s, lock 'buffer' (held by consumer (2 holds))",
              "after: lock 'buffer' (free)");
    }

    @Test
    void timedAwaitsCountVirtualTime() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("buffer");
            Condition changed = lock.newCondition();
            lock.lock();
            try {
              log.add("awaitNanos " + changed.awaitNanos(2_000_000_000L) + " " + at());
              log.add("await(1s) " + changed.await(1, TimeUnit.SECONDS) + " " + at());
              Weft.spawn(
                  "signaller",
                  () -> {
                    Weft.sleep(ofSeconds(4));
                    lock.lock();
                    changed.signalAll();
                    lock.unlock();
                  });
              log.add("awaitNanos " + changed.awaitNanos(10_000_000_000L) + " " + at());
              log.add(
                  "awaitUntil "
                      + changed.awaitUntil(new Date(Weft.clock().millis() + 500))
                      + " "
                      + Weft.elapsed());
              log.add("awaitNanos(0) " + changed.awaitNanos(0) + " " + Weft.elapsed());
            } finally {
              lock.unlock();
            }
          });
      assertThat(log)
          .containsExactly(
              "awaitNanos 0 @2s",
              "await(1s) false @3s",
              "awaitNanos 6000000000 @7s",
              "awaitUntil false PT7.5S",
              "awaitNanos(0) 0 PT7.5S");
    }

    @Test
    void aTimedAwaitSignalledInTimeReturnsTrueEvenIfTakingTheLockBackTakesLonger() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("buffer");
            Condition changed = lock.newCondition();
            Task<Void> waiter =
                Weft.spawn(
                    "waiter",
                    () -> {
                      lock.lock();
                      try {
                        log.add("await(1s) " + changed.await(1, TimeUnit.SECONDS) + " " + at());
                        log.add(
                            "awaitNanos(1s) " + changed.awaitNanos(1_000_000_000L) + " " + at());
                      } finally {
                        lock.unlock();
                      }
                    });
            for (int i = 0; i < 2; i++) {
              Weft.yieldNow();
              lock.lock();
              changed.signal(); // in time, but the waiter gets the lock back only 3s later
              Weft.sleep(ofSeconds(3));
              lock.unlock();
            }
            waiter.join();
          });
      // As ReentrantLock's: a signalled waiter is no longer timed; its time ran out meanwhile.
      assertThat(log).containsExactly("await(1s) true @3s", "awaitNanos(1s) -2000000000 @6s");
    }

    @Test
    void aWaiterThatTimesOutWakesTheNextInCaseItHadBeenSignalled() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("buffer");
            Condition changed = lock.newCondition();
            Task<Void> timed =
                Weft.spawn(
                    "timed",
                    () -> {
                      lock.lock();
                      try {
                        log.add("timed: " + changed.await(1, TimeUnit.SECONDS) + " " + at());
                      } finally {
                        lock.unlock();
                      }
                    });
            Task<Void> patient =
                Weft.spawn(
                    "patient",
                    () -> {
                      lock.lock();
                      try {
                        changed.await();
                        log.add("patient woke " + at() + ", though no one signalled");
                      } finally {
                        lock.unlock();
                      }
                    });
            Weft.gather(timed, patient);
          });
      assertThat(log)
          .containsExactly("timed: false @1s", "patient woke @1s, though no one signalled");
    }

    @Test
    void aCancelledAwaitTakesTheLockBackBeforeItThrows() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("buffer");
            Condition changed = lock.newCondition();
            Task<Void> waiter =
                Weft.spawn(
                    "waiter",
                    () -> {
                      lock.lock();
                      try {
                        changed.await();
                      } catch (CancelledException e) {
                        log.add("cancelled, holding " + lock + " " + at());
                        throw e;
                      } finally {
                        lock.unlock();
                      }
                    });
            Weft.sleep(ofSeconds(1));
            lock.lock();
            waiter.cancel();
            Weft.sleep(ofSeconds(1));
            log.add("main still holds it " + at());
            lock.unlock();
            log.add(catchThrowable(waiter::join).getClass().getSimpleName());
          });
      assertThat(log)
          .containsExactly(
              "main still holds it @2s",
              "cancelled, holding lock 'buffer' (held by waiter) @2s",
              "CancelledException");
    }

    @Test
    void onlyTheOwnerMayAwaitOrSignalAndReportsNameTheCondition() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = Jdk.lock("buffer");
            lock.newCondition();
            Condition notFull = lock.newCondition();
            log.add(catchThrowable(notFull::await).getMessage());
            log.add(catchThrowable(notFull::signal).getMessage());
            log.add(catchThrowable(lock::unlock).getMessage());
            Weft.spawn("other", lock::lock).join();
            log.add(catchThrowable(lock::unlock).getMessage());
          });
      assertThat(log)
          .containsExactly(
              "await() on condition 2 of lock 'buffer' by main, but the lock is not held: a task must"
                  + " hold a condition's lock to await it, as with ReentrantLock.",
              "signal() on condition 2 of lock 'buffer' by main, but the lock is not held: a task"
                  + " must hold a condition's lock to signal it, as with ReentrantLock.",
              "unlock() on lock 'buffer' by main, but the lock is not held: only the task that holds"
                  + " a lock may unlock it, as with ReentrantLock.",
              "unlock() on lock 'buffer' by main, but the lock is held by other: only the task that"
                  + " holds a lock may unlock it, as with ReentrantLock.");
    }

    @Test
    void aDeadlockReportNamesTheConditionAndItsLock() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Lock lock = Jdk.lock("buffer");
                        Condition notEmpty = lock.newCondition();
                        lock.lock();
                        notEmpty.await();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main  blocked in await() on condition 1 of lock 'buffer' (not signalled)\n");
    }

    @Test
    void aSignalledWaiterWaitingForTheLockIsReportedSo() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Lock lock = Jdk.lock("buffer");
                        Condition changed = lock.newCondition();
                        Task<Void> waiter =
                            Weft.spawn(
                                "waiter",
                                () -> {
                                  lock.lock();
                                  changed.await();
                                });
                        Weft.sleep(ofSeconds(1));
                        lock.lock();
                        changed.signal();
                        waiter.join();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  waiter  blocked in await() on condition 1 of lock 'buffer' (signalled, taking back"
                  + " lock 'buffer', held by main)\n");
    }
  }
}
