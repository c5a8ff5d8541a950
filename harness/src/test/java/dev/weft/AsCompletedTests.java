package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.failer;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.message;
import static dev.weft.TestPrograms.secs;
import static dev.weft.TestPrograms.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("asCompleted (semantics §2.5)")
class AsCompletedTests {

  @Nested
  @DisplayName("order and outcomes")
  class OrderAndOutcomes {

    @Test
    @DisplayName("semantics §2.5: yields the given tasks themselves, in completion order")
    void yieldsInCompletionOrder() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 3, "A");
            Task<String> b = sleeper("b", 1, "B");
            Task<String> c = sleeper("c", 2, "C");
            List<Task<String>> yielded = new ArrayList<>();
            for (Task<String> t : Weft.asCompleted(List.of(a, b, c))) {
              yielded.add(t);
              log.add(t.join() + at());
            }
            assertThat(yielded).containsExactly(b, c, a);
            return null;
          });
      assertThat(log).containsExactly("B@1s", "C@2s", "A@3s");
    }

    @Test
    @DisplayName("semantics §2.5: a task given twice is yielded once")
    void duplicatesRemoved() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 2, "A");
            Task<String> b = sleeper("b", 1, "B");
            Iterator<Task<String>> it = Weft.asCompleted(List.of(a, b, a, a)).iterator();
            while (it.hasNext()) {
              log.add(it.next().join() + at());
            }
            return null;
          });
      assertThat(log).containsExactly("B@1s", "A@2s");
    }

    @Test
    @DisplayName(
        "semantics §2.5: a failure surfaces when the yielded task is joined; iteration goes on")
    void failureSurfacesOnJoin() {
      RuntimeException boom = new IllegalStateException("boom");
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> ok = sleeper("ok", 2, "OK");
            Task<String> bad = failer("bad", 1, boom);
            for (Task<String> t : Weft.asCompleted(List.of(ok, bad))) {
              log.add("next gave " + t.name() + at());
              try {
                log.add("joined " + t.join());
              } catch (IllegalStateException e) {
                log.add("join threw " + e.getMessage() + (e == boom ? " (same)" : ""));
              }
            }
            return null;
          });
      assertThat(log)
          .containsExactly(
              "next gave bad@1s", "join threw boom (same)", "next gave ok@2s", "joined OK");
    }
  }

  @Nested
  @DisplayName("timeout")
  class Timeout {

    @Test
    @DisplayName(
        "semantics §2.5: one deadline from the call; then every next() times out; no cancel")
    void oneDeadlineFromTheCall() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 1, "A");
            Task<String> b = sleeper("b", 4, "B");
            Task<String> c = sleeper("c", 6, "C");
            Iterator<Task<String>> it = Weft.asCompleted(List.of(a, b, c), secs(3)).iterator();
            // The deadline runs from the call (3s), not from the first next(): a per-next() or
            // from-first-next() timeout would yield b at 4s.
            Weft.sleep(secs(2));
            log.add("next gave " + it.next().name() + at());
            for (int i = 0; i < 2; i++) {
              Throwable thrown = catchThrowable(it::next);
              log.add(kind(thrown) + ": " + message(thrown) + at());
            }
            log.add("hasNext " + it.hasNext());
            log.add("cancelled: " + b.isCancelled() + " " + c.isCancelled());
            log.add("b " + b.join() + at());
            log.add("c " + c.join() + at());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "next gave a@2s",
              "TimedOutException: asCompleted timed out after 3s at virtual time 3s; 2 of 3 tasks"
                  + " had not been returned@3s",
              "TimedOutException: asCompleted timed out after 3s at virtual time 3s; 1 of 3 tasks"
                  + " had not been returned@3s",
              "hasNext false",
              "cancelled: false false",
              "b B@4s",
              "c C@6s");
    }

    @Test
    @DisplayName("semantics §2.5: when everything completes early, the timeout timer is cancelled")
    void noTimerLeftWhenAllCompleteEarly() {
      List<String> log = new ArrayList<>();
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () -> {
                        Task<String> a = sleeper("a", 1, "A");
                        Task<String> b = sleeper("b", 2, "B");
                        for (Task<String> t : Weft.asCompleted(List.of(a, b), secs(10))) {
                          log.add(t.join() + at());
                        }
                        // Nothing can complete this: the clock can only jump to a live timer.
                        return Weft.promise("never").join();
                      }));
      assertThat(log).containsExactly("A@1s", "B@2s");
      assertThat(thrown)
          .isInstanceOf(DeadlockException.class)
          .hasMessageStartingWith("Deadlock at virtual time 2s:");
    }

    @Test
    @DisplayName("semantics §2.5: empty input -> no iterations and no timer")
    void emptyInput() {
      List<String> log = new ArrayList<>();
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      () -> {
                        for (Task<String> t : Weft.asCompleted(List.<Task<String>>of())) {
                          log.add("iterated " + t.name());
                        }
                        Iterator<Task<String>> it =
                            Weft.asCompleted(List.<Task<String>>of(), secs(5)).iterator();
                        log.add("hasNext " + it.hasNext());
                        log.add(kind(catchThrowable(it::next)));
                        return Weft.promise("never").join();
                      }));
      assertThat(log).containsExactly("hasNext false", "NoSuchElementException");
      assertThat(thrown)
          .isInstanceOf(DeadlockException.class)
          .hasMessageStartingWith("Deadlock at virtual time 0s:");
    }

    @Test
    @DisplayName("semantics §2.5 tie: a task ending exactly at the deadline still times out")
    void tieTimeoutRegisteredFirst() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 1, "A");
            // a has not started: the timeout's timer is registered before a's sleep timer.
            Iterator<Task<String>> it = Weft.asCompleted(List.of(a), secs(1)).iterator();
            log.add(kind(catchThrowable(it::next)) + at());
            log.add("a " + a.join() + at() + ", cancelled " + a.isCancelled());
            return null;
          });
      assertThat(log).containsExactly("TimedOutException@1s", "a A@1s, cancelled false");
    }

    @Test
    @DisplayName(
        "semantics §2.5 tie, 1.1: done at the deadline before the timer fired, still a timeout")
    void tieCompletedFirstInTheSamePass() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Promise<String> reply = Weft.promise("reply");
            // Registered before the timeout's timer: at 1s this callback runs first, in the same
            // pass; asCompleted only learns of the completion from a done-callback one pass later.
            Weft.callLater(secs(1), () -> reply.complete("R"));
            Iterator<Task<String>> it = Weft.asCompleted(List.of(reply), secs(1)).iterator();
            Throwable thrown = catchThrowable(it::next);
            log.add(kind(thrown) + at() + ", reply done " + reply.isDone());
            log.add("hasNext " + it.hasNext() + ", reply " + reply.join());
            return null;
          });
      assertThat(log)
          .containsExactly("TimedOutException@1s, reply done true", "hasNext false, reply R");
    }
  }

  @Nested
  @DisplayName("misuse")
  class Misuse {

    @Test
    @DisplayName("semantics §2.5 / Weft javadoc: the Iterable can be iterated only once")
    void iterableIteratedOnce() {
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 1, "A");
            Iterable<Task<String>> completed = Weft.asCompleted(List.of(a));
            Iterator<Task<String>> first = completed.iterator();
            assertThatThrownBy(completed::iterator)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only once");
            assertThat(first.next()).isSameAs(a);
            return null;
          });
    }

    @Test
    @DisplayName("Weft javadoc: a negative timeout is rejected")
    void negativeTimeoutRejected() {
      Weft.run(
          () -> {
            Task<String> a = Weft.spawn("a", () -> "A");
            assertThatThrownBy(() -> Weft.asCompleted(List.of(a), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout")
                .hasMessageContaining("PT-0.001S");
            return a.join();
          });
    }
  }
}
