package dev.weft;

import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.message;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec 2.13: asyncio's Lock, ported as {@link Lock}. */
class LockTests {

  @Nested
  @DisplayName("semantics §2.13: FIFO hand-over without barging")
  class Fairness {

    @Test
    @DisplayName(
        "semantics §2.13: waiters get the lock in the order they asked, not the order spawned")
    void waitersAcquireInTheOrderTheyAsked() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("m");
            lock.acquire();
            // Spawned A, B, C, but A yields once first, so the order of asking is B, C, A.
            Task<Void> a =
                Weft.spawn(
                    "A",
                    () -> {
                      Weft.yieldNow();
                      holdBriefly(lock, "A", log);
                    });
            Task<Void> b = Weft.spawn("B", () -> holdBriefly(lock, "B", log));
            Task<Void> c = Weft.spawn("C", () -> holdBriefly(lock, "C", log));
            Weft.sleep(secs(1)); // all three wait by now
            lock.release();
            Weft.gather(a, b, c);
          });
      assertThat(log)
          .containsExactly("B asks", "C asks", "A asks", "B got it", "C got it", "A got it");
    }

    @Test
    @DisplayName(
        "semantics §2.13: after release() the lock is free but a newcomer still queues behind the woken"
            + " waiter")
    void aNewcomerCannotBargeInBeforeTheWokenWaiterRuns() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("m");
            lock.acquire();
            Task<Void> w = Weft.spawn("W", () -> holdBriefly(lock, "W", log));
            Weft.yieldNow(); // W waits
            // N's first step is queued before release() queues W's wake-up, so N runs first.
            Task<Void> n =
                Weft.spawn(
                    "N",
                    () -> {
                      log.add("N sees isLocked=" + lock.isLocked());
                      holdBriefly(lock, "N", log);
                    });
            lock.release();
            log.add("main released, isLocked=" + lock.isLocked());
            Weft.gather(w, n);
          });
      assertThat(log)
          .containsExactly(
              "W asks",
              "main released, isLocked=false",
              "N sees isLocked=false",
              "N asks",
              "W got it",
              "N got it");
    }

    @Test
    @DisplayName(
        "semantics §2.13: release() wakes only the first waiter; it takes the lock when it runs")
    void releaseWakesOnlyTheFirstWaiter() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("m");
            lock.acquire();
            Task<Void> a = Weft.spawn("A", () -> holdUntilTold(lock, "A", log));
            Task<Void> b = Weft.spawn("B", () -> holdUntilTold(lock, "B", log));
            Weft.yieldNow(); // A and B wait
            lock.release();
            Weft.sleep(secs(1)); // A holds the lock; B must still wait
            log.add("at 1s: isLocked=" + lock.isLocked());
            lock.release(); // not owned: main may release the lock A holds
            Weft.gather(a, b);
            log.add("end: isLocked=" + lock.isLocked());
          });
      assertThat(log)
          .containsExactly("A got it", "at 1s: isLocked=true", "B got it", "end: isLocked=true");
    }
  }

  @Nested
  @DisplayName("semantics §2.13: cancelled waiters")
  class Cancellation {

    @Test
    @DisplayName("semantics §2.13: a woken waiter cancelled before it runs passes the lock on")
    void aWokenWaiterCancelledBeforeRunningWakesTheNext() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("m");
            lock.acquire();
            Task<Void> a = Weft.spawn("A", () -> holdBriefly(lock, "A", log));
            Task<Void> b = Weft.spawn("B", () -> holdBriefly(lock, "B", log));
            Weft.yieldNow(); // A and B wait
            lock.release(); // wakes A ...
            a.cancel(); // ... which is cancelled before it runs
            List<Outcome<Void>> outcomes = Weft.gatherSettled(List.of(a, b));
            log.add("A.isCancelled()=" + a.isCancelled());
            log.add("B: " + outcomes.get(1));
            log.add("isLocked=" + lock.isLocked());
          });
      assertThat(log)
          .containsExactly(
              "A asks",
              "B asks",
              "A cancelled",
              "B got it",
              "A.isCancelled()=true",
              "B: Success[value=null]",
              "isLocked=false");
    }

    @Test
    @DisplayName("semantics §2.13: a waiter cancelled while it waits is skipped by release()")
    void aWaiterCancelledWhileWaitingIsSkipped() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("m");
            lock.acquire();
            Task<Void> a = Weft.spawn("A", () -> holdBriefly(lock, "A", log));
            Task<Void> b = Weft.spawn("B", () -> holdBriefly(lock, "B", log));
            Weft.yieldNow(); // A and B wait
            a.cancel();
            Weft.yieldNow(); // A leaves the queue
            log.add("A.isCancelled()=" + a.isCancelled());
            lock.release();
            Weft.gatherSettled(List.of(a, b));
          });
      assertThat(log)
          .containsExactly("A asks", "B asks", "A cancelled", "A.isCancelled()=true", "B got it");
    }

    @Test
    @DisplayName(
        "semantics §2.13: acquire() takes the lock at once when the only waiters are cancelled ones")
    void onlyCancelledWaitersDoNotMakeANewcomerWait() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("m");
            lock.acquire();
            Task<Void> a = Weft.spawn("A", () -> holdBriefly(lock, "A", log));
            Weft.yieldNow(); // A waits
            a.cancel(); // A's wait is cancelled, but A has not run yet to leave the queue
            lock.release();
            lock.acquire(); // the fast path: free, and no waiter that is not cancelled
            log.add("main got it again");
            Weft.gatherSettled(List.of(a));
            log.add("A.isCancelled()=" + a.isCancelled() + ", isLocked=" + lock.isLocked());
          });
      // Had main queued behind the cancelled A, it would get the lock only after A left the queue.
      assertThat(log)
          .containsExactly(
              "A asks", "main got it again", "A cancelled", "A.isCancelled()=true, isLocked=true");
    }
  }

  @Nested
  @DisplayName("semantics §2.13, misuse and deadlocks")
  class Misuse {

    @Test
    @DisplayName("semantics §2.13: release() of a free lock is refused")
    void releaseOfAFreeLockIsRefused() {
      Throwable thrown = Weft.run(() -> TestPrograms.attempt(() -> releaseNew("m")).error());
      assertThat(kind(thrown)).isEqualTo("IllegalStateException");
      assertThat(message(thrown)).contains("lock 'm'").contains("the lock is not held");
    }

    @Test
    @DisplayName("semantics §2.13: not reentrant: acquiring twice in one task is a deadlock")
    void acquiringTwiceInOneTaskDeadlocks() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Lock lock = new Lock("m");
                        lock.acquire();
                        lock.acquire();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main  blocked in acquire on lock 'm' (held by main itself: a Lock is not"
                  + " reentrant)\n");
    }

    @Test
    @DisplayName(
        "semantics §2.13, 1.5: a lock held by a task that ended is named in the deadlock report")
    void aLockHeldByAnEndedTaskIsReported() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Lock lock = new Lock("m");
                        Weft.spawn("P0", () -> lock.acquire()).join();
                        lock.acquire();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main  blocked in acquire on lock 'm' (held by P0, which has ended without"
                  + " releasing it)\n");
    }

    @Test
    @DisplayName("semantics §2.13: not owned: any task, or a callback, may release the lock")
    void anyTaskOrCallbackMayRelease() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Lock lock = new Lock("m");
            Weft.spawn("P0", () -> lock.acquire()).join();
            log.add("held by ended P0: " + lock.isLocked());
            lock.release();
            log.add("released by main: " + !lock.isLocked());
            Weft.spawn("P1", () -> lock.acquire()).join();
            Weft.callLater(secs(2), lock::release);
            lock.acquire(); // waits for the callback to release what P1 took
            log.add("main got it " + TestPrograms.at());
          });
      assertThat(log)
          .containsExactly("held by ended P0: true", "released by main: true", "main got it @2s");
    }

    @Test
    @DisplayName("acquire() may wait, so a callback cannot call it")
    void acquireFromACallbackIsRejected() {
      AtomicReference<Throwable> fromCallback = new AtomicReference<>();
      boolean lockedAfter =
          Weft.run(
              () -> {
                Lock lock = new Lock("m");
                Weft.callSoon(
                    () -> fromCallback.set(TestPrograms.attempt(() -> acquireOnce(lock)).error()));
                Weft.yieldNow();
                return lock.isLocked();
              });
      assertThat(lockedAfter).isFalse();
      assertThat(kind(fromCallback.get())).isEqualTo("IllegalStateException");
      assertThat(message(fromCallback.get()))
          .startsWith(
              "lock 'm': acquire() may wait, so it must be called from a task, but it was called"
                  + " from a callback");
    }

    @Test
    @DisplayName("a lock belongs to the run that first used it")
    void aLockCannotBeUsedByASecondRun() {
      Lock lock = new Lock();
      Weft.run(() -> lock.acquire());
      assertThatThrownBy(() -> Weft.run(lock::release))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "lock #1.release() was called from a different Weft run than the one it belongs to");
      assertThat(lock.isLocked()).isTrue();
    }
  }

  /** Asks for the lock, holds it across one yield, releases it; logs a cancelled wait. */
  private static void holdBriefly(Lock lock, String name, List<String> log) {
    log.add(name + " asks");
    try {
      lock.acquire();
    } catch (CancelledException e) {
      log.add(name + " cancelled");
      throw e;
    }
    log.add(name + " got it");
    Weft.yieldNow();
    lock.release();
  }

  /** Takes the lock and keeps it: someone else releases it. */
  private static void holdUntilTold(Lock lock, String name, List<String> log) {
    lock.acquire();
    log.add(name + " got it");
  }

  private static Void acquireOnce(Lock lock) {
    lock.acquire();
    return null;
  }

  private static Void releaseNew(String name) {
    Lock lock = new Lock(name);
    lock.release();
    return null;
  }
}
