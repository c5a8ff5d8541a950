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
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("wait (semantics §2.6)")
class WaitTests {

  /** "done [a, b] pending [c]@2s", by task names. */
  private static String describe(WaitResult<?> result) {
    List<String> done = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    result.done().forEach(t -> done.add(t.name()));
    result.pending().forEach(t -> pending.add(t.name()));
    return "done " + done + " pending " + pending + at();
  }

  @Nested
  @DisplayName("return conditions")
  class ReturnConditions {

    @Test
    @DisplayName(
        "semantics §2.6: FIRST_COMPLETED returns at the first completion; nothing is cancelled")
    void firstCompleted() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 3, "A");
            Task<String> b = sleeper("b", 1, "B");
            Task<String> c = sleeper("c", 2, "C");
            log.add(describe(Weft.wait(List.of(a, b, c), ReturnWhen.FIRST_COMPLETED)));
            log.add("cancelled: " + a.isCancelled() + " " + c.isCancelled());
            log.add(a.join() + c.join() + at());
            return null;
          });
      assertThat(log)
          .containsExactly("done [b] pending [a, c]@1s", "cancelled: false false", "AC@3s");
    }

    @Test
    @DisplayName("semantics §2.6: FIRST_COMPLETED counts a cancellation as a completion")
    void firstCompletedCountsCancellation() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 5, "A");
            Task<String> b = sleeper("b", 10, "B");
            Weft.callLater(secs(1), b::cancel);
            log.add(describe(Weft.wait(List.of(a, b), ReturnWhen.FIRST_COMPLETED)));
            log.add("b cancelled " + b.isCancelled());
            return a.join();
          });
      assertThat(log).containsExactly("done [b] pending [a]@1s", "b cancelled true");
    }

    @Test
    @DisplayName(
        "semantics §2.6: FIRST_EXCEPTION returns at the first failure, not at a cancellation")
    void firstException() {
      RuntimeException boom = new IllegalStateException("boom");
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 3, "A");
            Task<String> bad = failer("bad", 2, boom);
            Task<String> doomed = sleeper("doomed", 10, "D");
            Weft.callLater(secs(1), doomed::cancel);
            log.add(describe(Weft.wait(List.of(a, bad, doomed), ReturnWhen.FIRST_EXCEPTION)));
            Throwable failure = catchThrowable(bad::result);
            log.add("bad: " + message(failure) + (failure == boom ? " (same)" : ""));
            log.add("a cancelled " + a.isCancelled());
            return a.join();
          });
      assertThat(log)
          .containsExactly(
              "done [bad, doomed] pending [a]@2s", "bad: boom (same)", "a cancelled false");
    }

    @Test
    @DisplayName(
        "semantics §2.6: FIRST_EXCEPTION without a failure (a cancellation only) = ALL_COMPLETED")
    void firstExceptionWithoutFailureWaitsForAll() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 1, "A");
            Task<String> b = sleeper("b", 3, "B");
            Task<String> doomed = sleeper("doomed", 10, "D");
            Weft.callLater(secs(2), doomed::cancel);
            log.add(describe(Weft.wait(List.of(a, b, doomed), ReturnWhen.FIRST_EXCEPTION)));
            return null;
          });
      assertThat(log).containsExactly("done [a, b, doomed] pending []@3s");
    }

    @Test
    @DisplayName("semantics §2.6: ALL_COMPLETED waits for all and never throws a child's failure")
    void allCompletedNeverThrows() {
      RuntimeException boom = new IllegalStateException("boom");
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 1, "A");
            Task<String> bad = failer("bad", 2, boom);
            Task<String> c = sleeper("c", 3, "C");
            log.add(describe(Weft.wait(List.of(a, bad, c), ReturnWhen.ALL_COMPLETED)));
            log.add("bad: " + (catchThrowable(bad::result) == boom ? "boom (same)" : "other"));
            return null;
          });
      assertThat(log).containsExactly("done [a, bad, c] pending []@3s", "bad: boom (same)");
    }

    @Test
    @DisplayName("semantics §2.6: a timeout returns normally with the pending tasks, still running")
    void timeoutReturnsNormally() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 5, "A");
            Task<String> b = sleeper("b", 1, "B");
            log.add(describe(Weft.wait(List.of(a, b), ReturnWhen.ALL_COMPLETED, secs(2))));
            log.add("a cancelled " + a.isCancelled());
            log.add(a.join() + at());
            return null;
          });
      assertThat(log).containsExactly("done [b] pending [a]@2s", "a cancelled false", "A@5s");
    }
  }

  @Nested
  @DisplayName("passes")
  class Passes {

    @Test
    @DisplayName(
        "semantics §2.6 (test_wait_really_done): done/pending are read when the waiter resumes")
    void doneComputedWhenWaiterResumes() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<Void> one = Weft.spawn("one", () -> Weft.yieldNow());
            Task<Void> two =
                Weft.spawn(
                    "two",
                    () -> {
                      Weft.yieldNow();
                      Weft.yieldNow();
                    });
            // one finishes in pass 2, which triggers the wait; two finishes in pass 3, the pass
            // in which the wait's callback runs, before main resumes in pass 4.
            log.add(describe(Weft.wait(List.of(one, two), ReturnWhen.FIRST_COMPLETED)));
            return null;
          });
      assertThat(log).containsExactly("done [one, two] pending []@0s");
    }

    @Test
    @DisplayName("semantics §2.6, 1.2: wait suspends at least one pass even when all are done")
    void alwaysAtLeastOnePass() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = Weft.spawn("a", () -> "A");
            a.join();
            Weft.spawn("probe", () -> log.add("probe ran"));
            log.add(describe(Weft.wait(List.of(a), ReturnWhen.ALL_COMPLETED)));
            return null;
          });
      assertThat(log).containsExactly("probe ran", "done [a] pending []@0s");
    }

    @Test
    @DisplayName(
        "semantics §2.6: cancelling the waiting task raises there and leaves the children running")
    void cancellingTheWaiterLeavesChildrenRunning() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> child = sleeper("child", 3, "C");
            Task<Void> waiter =
                Weft.spawn(
                    "waiter",
                    () -> {
                      try {
                        Weft.wait(List.of(child), ReturnWhen.ALL_COMPLETED);
                        log.add("wait returned");
                      } catch (CancelledException e) {
                        log.add("waiter got CancelledException" + at());
                        throw e;
                      }
                    });
            Weft.sleep(secs(1));
            waiter.cancel();
            Throwable thrown = catchThrowable(waiter::join);
            log.add("main got " + kind(thrown) + at());
            log.add("child cancelled " + child.isCancelled() + ", done " + child.isDone());
            log.add(child.join() + at());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "waiter got CancelledException@1s",
              "main got CancelledException@1s",
              "child cancelled false, done false",
              "C@3s");
    }

    @Test
    @DisplayName("semantics §2.6 tie: wait's timer registered before the child's -> child pending")
    void tieTimerFirstLeavesChildPending() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> t = sleeper("t", Duration.ofMillis(100), "T");
            // t has not started yet: the wait's timer gets the earlier sequence number.
            WaitResult<String> result =
                Weft.wait(List.of(t), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(100));
            log.add(describe(result));
            log.add(t.join() + at());
            return null;
          });
      assertThat(log).containsExactly("done [] pending [t]@100ms", "T@100ms");
    }

    @Test
    @DisplayName("semantics §2.6 tie: the child's timer registered first -> child done")
    void tieChildFirstIsDone() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> t = sleeper("t", Duration.ofMillis(100), "T");
            Weft.yieldNow(); // t starts and registers its sleep timer first
            WaitResult<String> result =
                Weft.wait(List.of(t), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(100));
            log.add(describe(result));
            return null;
          });
      assertThat(log).containsExactly("done [t] pending []@100ms");
    }
  }

  @Nested
  @DisplayName("arguments and result sets")
  class Arguments {

    @Test
    @DisplayName("semantics §2.6: an empty collection is rejected")
    void emptyRejected() {
      Weft.run(
          () -> {
            assertThatThrownBy(() -> Weft.wait(List.<Task<String>>of(), ReturnWhen.ALL_COMPLETED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one task");
            return null;
          });
    }

    @Test
    @DisplayName("semantics §2.6 + done and pending keep argument order, not completion order")
    void setsKeepArgumentOrder() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> b = sleeper("b", 1, "B");
            Task<String> c = sleeper("c", 2, "C");
            Task<String> a = sleeper("a", 3, "A");
            Task<String> d = sleeper("d", 4, "D");
            List<Task<String>> args = List.of(c, a, d, b);
            log.add(describe(Weft.wait(args, ReturnWhen.ALL_COMPLETED, Duration.ofMillis(3500))));
            log.add(describe(Weft.wait(args, ReturnWhen.ALL_COMPLETED)));
            return null;
          });
      assertThat(log)
          .containsExactly("done [c, a, b] pending [d]@3500ms", "done [c, a, d, b] pending []@4s");
    }

    @Test
    @DisplayName("semantics §2.6: duplicates collapse")
    void duplicatesCollapse() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> a = sleeper("a", 1, "A");
            Task<String> b = sleeper("b", 2, "B");
            WaitResult<String> result = Weft.wait(List.of(b, a, b, a), ReturnWhen.ALL_COMPLETED);
            log.add(
                describe(result)
                    + " sizes "
                    + result.done().size()
                    + "/"
                    + result.pending().size());
            return null;
          });
      assertThat(log).containsExactly("done [b, a] pending []@2s sizes 2/0");
    }
  }
}
