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

/** Spec 2.12: asyncio's Event, ported as {@link Event}. */
class EventTests {

  @Nested
  @DisplayName("semantics §2.12: set() and await()")
  class SetAndAwait {

    @Test
    @DisplayName(
        "semantics §2.12: set() wakes every waiter; they resume in the order they began to wait")
    void setWakesEveryWaiterInTheOrderTheyBeganToWait() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Event go = new Event("go");
            // Spawned A, B, C, but A yields once first, so the waiting order is B, C, A.
            Task<Void> a =
                Weft.spawn(
                    "A",
                    () -> {
                      Weft.yieldNow();
                      log.add("A waits");
                      go.await();
                      log.add("A resumed");
                    });
            Task<Void> b = Weft.spawn("B", () -> waitAndLog(go, "B", log));
            Task<Void> c = Weft.spawn("C", () -> waitAndLog(go, "C", log));
            Weft.sleep(secs(1)); // every task above is waiting by now
            go.set();
            log.add("set");
            Weft.gather(a, b, c);
          });
      assertThat(log)
          .containsExactly(
              "B waits", "C waits", "A waits", "set", "B resumed", "C resumed", "A resumed");
    }

    @Test
    @DisplayName(
        "semantics §2.12, 2.1 (CPython test_wait): a task spawned before set() runs before the woken"
            + " waiters")
    void wokenWaitersResumeInALaterStepAfterEarlierQueuedWork() {
      List<Integer> result = new ArrayList<>();
      Weft.run(
          () -> {
            Event ev = new Event();
            Weft.spawn("T1", () -> awaitThenAdd(ev, result, 1));
            Weft.spawn("T2", () -> awaitThenAdd(ev, result, 2));
            Weft.yieldNow();
            assertThat(result).isEmpty();
            Weft.spawn("T3", () -> awaitThenAdd(ev, result, 3));
            ev.set();
            assertThat(result).isEmpty(); // set() only schedules the wake-ups
            Weft.yieldNow();
          });
      // T3's first step was queued before set() queued the wake-ups of T1 and T2.
      assertThat(result).containsExactly(3, 1, 2);
    }

    @Test
    @DisplayName("semantics §1.2, 2.12: await() on a set event returns at once, without suspending")
    void awaitOnASetEventDoesNotSuspend() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Event ev = new Event("ready");
            ev.set();
            Task<?> other = Weft.spawn("other", () -> log.add("other ran"));
            ev.await();
            log.add("main past await");
            other.join();
          });
      assertThat(log).containsExactly("main past await", "other ran");
    }

    @Test
    @DisplayName(
        "semantics §2.12 (CPython test_clear_with_waiters): clear() does not un-wake a woken waiter")
    void clearDoesNotTakeBackAWakeUp() {
      List<String> log = new ArrayList<>();
      String result =
          Weft.run(
              () -> {
                Event ev = new Event("flag");
                Task<String> waiter =
                    Weft.spawn(
                        "W",
                        () -> {
                          ev.await();
                          log.add("W resumed, isSet=" + ev.isSet());
                          return "done";
                        });
                Weft.yieldNow(); // W waits
                ev.set();
                ev.clear();
                log.add("cleared, isSet=" + ev.isSet());
                return waiter.join();
              });
      assertThat(result).isEqualTo("done");
      assertThat(log).containsExactly("cleared, isSet=false", "W resumed, isSet=false");
    }

    @Test
    @DisplayName("semantics §2.12: after clear(), a new await() waits for the next set()")
    void awaitAfterClearWaitsForTheNextSet() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Event ev = new Event("flag");
            ev.set();
            ev.clear();
            Weft.callLater(secs(2), ev::set);
            ev.await();
            log.add("resumed " + TestPrograms.at());
          });
      assertThat(log).containsExactly("resumed @2s");
    }

    @Test
    @DisplayName(
        "semantics §2.12: a cancelled waiter is removed; the others still resume, in order")
    void aCancelledWaiterIsRemovedAndDoesNotAffectTheOthers() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Event go = new Event("go");
            List<Task<Void>> tasks = new ArrayList<>();
            for (String name : List.of("A", "B", "C")) {
              tasks.add(
                  Weft.spawn(
                      name,
                      () -> {
                        try {
                          go.await();
                          log.add(name + " resumed");
                        } catch (CancelledException e) {
                          log.add(name + " cancelled");
                          throw e;
                        }
                      }));
            }
            Weft.yieldNow(); // all three wait
            log.add(go.toString());
            tasks.get(1).cancel();
            Weft.yieldNow(); // B handles its cancellation
            log.add(go.toString());
            go.set();
            List<Outcome<Void>> outcomes = Weft.gatherSettled(tasks);
            log.add("B cancelled: " + tasks.get(1).isCancelled());
            assertThat(outcomes.get(1)).isInstanceOf(Outcome.Failure.class);
          });
      assertThat(log)
          .containsExactly(
              "event 'go' (not set, 3 waiting)",
              "B cancelled",
              "event 'go' (not set, 2 waiting)",
              "A resumed",
              "C resumed",
              "B cancelled: true");
    }

    @Test
    @DisplayName(
        "semantics §2.12: isSet() follows set() and clear(); a second set() changes nothing")
    void isSetFollowsSetAndClear() {
      List<Boolean> seen = new ArrayList<>();
      Event ev = new Event("flag");
      seen.add(ev.isSet()); // works outside a run
      Weft.run(
          () -> {
            seen.add(ev.isSet());
            ev.set();
            seen.add(ev.isSet());
            ev.set();
            seen.add(ev.isSet());
            ev.clear();
            seen.add(ev.isSet());
            ev.clear();
            seen.add(ev.isSet());
          });
      assertThat(seen).containsExactly(false, false, true, true, false, false);
    }
  }

  @Nested
  @DisplayName("semantics §2.12, misuse")
  class Misuse {

    @Test
    @DisplayName("await() may wait, so a callback cannot call it; set() from a callback works")
    void awaitFromACallbackIsRejectedButSetIsFine() {
      AtomicReference<Throwable> fromCallback = new AtomicReference<>();
      String at =
          Weft.run(
              () -> {
                Event ev = new Event("ready");
                Weft.callSoon(
                    () -> {
                      try {
                        ev.await();
                      } catch (Throwable e) {
                        fromCallback.set(e);
                      }
                    });
                Weft.callLater(secs(3), ev::set);
                ev.await();
                return TestPrograms.at();
              });
      assertThat(at).isEqualTo("@3s");
      assertThat(kind(fromCallback.get())).isEqualTo("IllegalStateException");
      assertThat(message(fromCallback.get()))
          .startsWith(
              "event 'ready': await() may wait, so it must be called from a task, but it was called"
                  + " from a callback");
    }

    @Test
    @DisplayName("an event belongs to the run that first used it")
    void anEventCannotBeUsedByASecondRun() {
      Event ev = new Event("shared");
      Weft.run(ev::set);
      assertThatThrownBy(() -> Weft.run(ev::clear))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "event 'shared'.clear() was called from a different Weft run than the one it belongs to");
      assertThat(ev.isSet()).isTrue(); // the refused clear() changed nothing
    }
  }

  private static void waitAndLog(Event ev, String name, List<String> log) {
    log.add(name + " waits");
    ev.await();
    log.add(name + " resumed");
  }

  private static void awaitThenAdd(Event ev, List<Integer> result, int value) {
    ev.await();
    result.add(value);
  }
}
