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

/** Spec 2.14: asyncio's Semaphore and BoundedSemaphore, ported as {@link Semaphore}. */
class SemaphoreTests {

  @Nested
  @DisplayName("semantics §2.14: value and isLocked()")
  class ValueAndLocked {

    @Test
    @DisplayName("semantics §2.14: a negative value is refused; the default is one permit")
    void aNegativeValueIsRefused() {
      assertThatThrownBy(() -> new Semaphore(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("value must be 0 or more, but was -1");
      assertThatThrownBy(() -> new Semaphore("s", -3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("value must be 0 or more, but was -3");
      assertThatThrownBy(() -> new BoundedSemaphore(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("value must be 0 or more, but was -1");
      assertThat(new Semaphore().availablePermits()).isEqualTo(1);
      assertThat(new BoundedSemaphore().availablePermits()).isEqualTo(1);
      assertThat(new Semaphore(0).isLocked()).isTrue();
    }

    @Test
    @DisplayName(
        "semantics §2.14: isLocked() while a woken waiter has not run yet, though a permit is free")
    void isLockedWhileALiveWaiterIsQueuedEvenWithAFreePermit() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 0);
            Task<Void> w = Weft.spawn("W", () -> sem.acquire());
            Weft.yieldNow(); // W waits
            log.add(state(sem));
            sem.release(); // wakes W and hands it the permit
            log.add(state(sem));
            sem.release(); // nobody left to wake
            log.add(state(sem));
            w.join();
            log.add(state(sem));
          });
      assertThat(log)
          .containsExactly(
              "permits=0 isLocked=true",
              "permits=0 isLocked=true",
              "permits=1 isLocked=true",
              "permits=1 isLocked=false");
    }

    @Test
    @DisplayName("semantics §2.14: waiters that are cancelled do not make isLocked() true")
    void cancelledWaitersDoNotLock() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 0);
            Task<Void> w = Weft.spawn("W", () -> acquireOrLogCancel(sem, "W", log));
            Weft.yieldNow(); // W waits
            w.cancel(); // W's wait is cancelled; W has not run yet to leave the queue
            sem.release();
            log.add(state(sem));
            sem.acquire(); // must not wait: the only waiter is cancelled
            log.add("main acquired");
            Weft.gatherSettled(List.of(w));
          });
      assertThat(log).containsExactly("permits=1 isLocked=false", "main acquired", "W cancelled");
    }
  }

  @Nested
  @DisplayName("semantics §2.14: FIFO waiting and wake-ups")
  class Fifo {

    @Test
    @DisplayName(
        "semantics §2.14: waiters get permits in the order they asked, not the order spawned")
    void waitersAreServedInTheOrderTheyAsked() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 0);
            // Spawned A, B, C, but A yields once first, so the order of asking is B, C, A.
            Task<Void> a =
                Weft.spawn(
                    "A",
                    () -> {
                      Weft.yieldNow();
                      acquireAndLog(sem, "A", log);
                    });
            Task<Void> b = Weft.spawn("B", () -> acquireAndLog(sem, "B", log));
            Task<Void> c = Weft.spawn("C", () -> acquireAndLog(sem, "C", log));
            Weft.sleep(secs(1)); // all three wait by now
            sem.release();
            sem.release();
            sem.release();
            Weft.gather(a, b, c);
          });
      assertThat(log)
          .containsExactly("B asks", "C asks", "A asks", "B acquired", "C acquired", "A acquired");
    }

    @Test
    @DisplayName("semantics §2.14: release() hands the permit over at wake-up time")
    void releaseDecrementsTheValueWhenItWakesAWaiter() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 0);
            Task<Void> a = Weft.spawn("A", () -> acquireAndLog(sem, "A", log));
            Task<Void> b = Weft.spawn("B", () -> acquireAndLog(sem, "B", log));
            Weft.yieldNow(); // A and B wait
            for (int i = 1; i <= 3; i++) {
              sem.release();
              log.add("release " + i + ": permits=" + sem.availablePermits());
            }
            Weft.gather(a, b);
            log.add("end: permits=" + sem.availablePermits());
          });
      assertThat(log)
          .containsExactly(
              "A asks",
              "B asks",
              "release 1: permits=0",
              "release 2: permits=0",
              "release 3: permits=1",
              "A acquired",
              "B acquired",
              "end: permits=1");
    }

    @Test
    @DisplayName(
        "semantics §2.14: a newcomer waits behind a woken waiter even though a permit is free")
    void aNewcomerCannotBargeInWhilePermitsAreFree() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 0);
            Task<Void> w = Weft.spawn("W", () -> acquireAndLog(sem, "W", log));
            Weft.yieldNow(); // W waits
            sem.release(); // wakes W
            sem.release(); // a free permit
            acquireAndLog(sem, "main", log);
            w.join();
            log.add("end: permits=" + sem.availablePermits());
          });
      assertThat(log)
          .containsExactly("W asks", "main asks", "W acquired", "main acquired", "end: permits=0");
    }

    @Test
    @DisplayName(
        "semantics §2.14: a successful acquire() wakes as many queued newcomers as there are free permits")
    void aSuccessfulAcquireWakesFurtherWaitersWhilePermitsAreFree() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 0);
            Task<Void> w =
                Weft.spawn(
                    "W",
                    () -> {
                      sem.acquire();
                      log.add("W acquired");
                      Weft.yieldNow();
                      log.add("W after yield");
                    });
            Weft.yieldNow(); // W waits
            // N1 and N2 run before W resumes: they queue behind W although permits are free.
            Task<Void> n1 = Weft.spawn("N1", () -> acquireAndLog(sem, "N1", log));
            Task<Void> n2 = Weft.spawn("N2", () -> acquireAndLog(sem, "N2", log));
            sem.release(); // wakes W
            sem.release();
            sem.release();
            log.add("permits=" + sem.availablePermits());
            Weft.gather(w, n1, n2);
            log.add("end: permits=" + sem.availablePermits());
          });
      // W's acquire wakes N1 and N2 in the same step, so both run before W resumes from its yield.
      assertThat(log)
          .containsExactly(
              "permits=2",
              "N1 asks",
              "N2 asks",
              "W acquired",
              "N1 acquired",
              "N2 acquired",
              "W after yield",
              "end: permits=0");
    }
  }

  @Nested
  @DisplayName("semantics §2.14: cancelled waiters")
  class Cancellation {

    @Test
    @DisplayName(
        "semantics §2.14: a woken waiter cancelled before it runs gives its permit to the next")
    void aWokenWaiterThatIsCancelledGivesItsPermitBack() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 0);
            Task<Void> a = Weft.spawn("A", () -> acquireOrLogCancel(sem, "A", log));
            Task<Void> b = Weft.spawn("B", () -> acquireOrLogCancel(sem, "B", log));
            Weft.yieldNow(); // A and B wait
            sem.release(); // wakes A, handing it the permit ...
            a.cancel(); // ... but A is cancelled before it runs
            log.add(state(sem));
            Weft.gatherSettled(List.of(a, b));
            log.add(state(sem));
          });
      assertThat(log)
          .containsExactly(
              "permits=0 isLocked=true", "A cancelled", "B acquired", "permits=0 isLocked=true");
    }

    @Test
    @DisplayName(
        "semantics §2.14: a waiter cancelled before it was woken takes and returns no permit")
    void aWaiterCancelledBeforeItWasWokenReturnsNothing() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 0);
            Task<Void> a = Weft.spawn("A", () -> acquireOrLogCancel(sem, "A", log));
            Weft.yieldNow(); // A waits
            a.cancel();
            Weft.gatherSettled(List.of(a));
            log.add(state(sem));
            sem.release();
            log.add(state(sem));
          });
      assertThat(log)
          .containsExactly("A cancelled", "permits=0 isLocked=true", "permits=1 isLocked=false");
    }
  }

  @Nested
  @DisplayName("semantics §2.14: releasing above the initial value")
  class Bounds {

    @Test
    @DisplayName("semantics §2.14: a plain Semaphore may be released above its initial value")
    void aPlainSemaphoreMayBeReleasedAboveItsInitialValue() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Semaphore sem = new Semaphore("s", 1);
            sem.release();
            log.add(state(sem));
            Task<?> other = Weft.spawn("other", () -> log.add("other ran"));
            sem.acquire();
            sem.acquire(); // neither acquire waits
            log.add("main holds two, " + state(sem));
            other.join();
          });
      assertThat(log)
          .containsExactly(
              "permits=2 isLocked=false", "main holds two, permits=0 isLocked=true", "other ran");
    }

    @Test
    @DisplayName("semantics §2.14: BoundedSemaphore refuses a release() beyond its initial value")
    void aBoundedSemaphoreRefusesAnExtraRelease() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            BoundedSemaphore sem = new BoundedSemaphore("b", 2);
            sem.acquire();
            sem.acquire();
            sem.release();
            sem.release(); // back at the bound: fine
            log.add(state(sem));
            Throwable extra = TestPrograms.attempt(() -> releaseOnce(sem)).error();
            log.add(kind(extra) + ": " + message(extra));
            log.add(state(sem));
          });
      assertThat(log)
          .containsExactly(
              "permits=2 isLocked=false",
              "IllegalStateException: release() on bounded semaphore 'b': all 2 permits are already"
                  + " free, so it was released more times than acquired.",
              "permits=2 isLocked=false");
    }
  }

  @Nested
  @DisplayName("semantics §2.14, 1.5, deadlocks and misuse")
  class Misuse {

    @Test
    @DisplayName("semantics §1.5, 2.14: the deadlock report names the semaphores and their state")
    void theDeadlockReportDescribesTheSemaphores() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Semaphore pool = new Semaphore("pool", 0);
                        BoundedSemaphore conn = new BoundedSemaphore("conn", 1);
                        conn.acquire();
                        Weft.spawn("W", () -> conn.acquire());
                        pool.acquire();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main  blocked in acquire on semaphore 'pool' (no permits free)\n"
                  + "  W     blocked in acquire on bounded semaphore 'conn' (no permits free)\n");
    }

    @Test
    @DisplayName("acquire() may wait, so a callback cannot call it; release() from one works")
    void acquireFromACallbackIsRejectedButReleaseIsFine() {
      AtomicReference<Throwable> fromCallback = new AtomicReference<>();
      String at =
          Weft.run(
              () -> {
                Semaphore sem = new Semaphore("s", 0);
                Weft.callSoon(
                    () -> fromCallback.set(TestPrograms.attempt(() -> acquireOnce(sem)).error()));
                Weft.callLater(secs(3), sem::release);
                sem.acquire();
                return TestPrograms.at();
              });
      assertThat(at).isEqualTo("@3s");
      assertThat(kind(fromCallback.get())).isEqualTo("IllegalStateException");
      assertThat(message(fromCallback.get()))
          .startsWith(
              "semaphore 's': acquire() may wait, so it must be called from a task, but it was"
                  + " called from a callback");
    }

    @Test
    @DisplayName("a semaphore belongs to the run that first used it")
    void aSemaphoreCannotBeUsedByASecondRun() {
      BoundedSemaphore sem = new BoundedSemaphore(1);
      Weft.run(() -> sem.acquire());
      assertThatThrownBy(() -> Weft.run(sem::release))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "bounded semaphore #1.release() was called from a different Weft run than the one it belongs to");
      assertThat(sem.availablePermits()).isZero();
    }
  }

  private static String state(Semaphore sem) {
    return "permits=" + sem.availablePermits() + " isLocked=" + sem.isLocked();
  }

  private static void acquireAndLog(Semaphore sem, String name, List<String> log) {
    log.add(name + " asks");
    sem.acquire();
    log.add(name + " acquired");
  }

  private static void acquireOrLogCancel(Semaphore sem, String name, List<String> log) {
    try {
      sem.acquire();
      log.add(name + " acquired");
    } catch (CancelledException e) {
      log.add(name + " cancelled");
      throw e;
    }
  }

  private static Void acquireOnce(Semaphore sem) {
    sem.acquire();
    return null;
  }

  private static Void releaseOnce(Semaphore sem) {
    sem.release();
    return null;
  }
}
