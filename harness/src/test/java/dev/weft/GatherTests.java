package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.failer;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.message;
import static dev.weft.TestPrograms.secs;
import static dev.weft.TestPrograms.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("gather and gatherSettled (semantics §2.4)")
class GatherTests {

  private static Throwable failureOf(Outcome<?> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Failure.class);
    return ((Outcome.Failure<?>) outcome).exception();
  }

  @Nested
  @DisplayName("results")
  class Results {

    @Test
    @DisplayName("semantics §2.4: gathering nothing returns [] without suspending")
    void emptyReturnsEmptyListWithoutSuspending() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Weft.spawn("probe", () -> log.add("probe ran"));
            List<String> plain = Weft.gather(List.<Task<String>>of());
            List<Outcome<String>> settled = Weft.gatherSettled(List.<Task<String>>of());
            log.add("gather " + plain + ", gatherSettled " + settled);
            Weft.yieldNow();
            log.add("after yield");
            return null;
          });
      // The probe runs only once main suspends: at the yield, not inside either gather.
      assertThat(log).containsExactly("gather [], gatherSettled []", "probe ran", "after yield");
    }

    @Test
    @DisplayName("semantics §2.4: results come in argument order, not in completion order")
    void resultsInArgumentOrder() {
      List<String> log = new ArrayList<>();
      List<String> results =
          Weft.run(
              () -> {
                Task<String> a = sleeper("a", 3, "A", log);
                Task<String> b = sleeper("b", 1, "B", log);
                Task<String> c = sleeper("c", 2, "C", log);
                List<String> gathered = Weft.gather(a, b, c);
                log.add("gathered" + at());
                return gathered;
              });
      assertThat(log).containsExactly("b done@1s", "c done@2s", "a done@3s", "gathered@3s");
      assertThat(results).containsExactly("A", "B", "C");
    }

    @Test
    @DisplayName("semantics §2.4: a task given twice is awaited once and its value repeats")
    void duplicatesShareOneChild() {
      List<String> log = new ArrayList<>();
      List<Object> results =
          Weft.run(
              () -> {
                Task<String> c = sleeper("c", 1, "abc", log);
                Task<String> d = sleeper("d", 2, "def", log);
                List<String> plain = Weft.gather(List.of(c, c, d, c));
                List<Outcome<String>> settled = Weft.gatherSettled(List.of(d, c, d));
                return List.of(plain, settled, Weft.elapsed());
              });
      assertThat(results)
          .containsExactly(
              List.of("abc", "abc", "def", "abc"),
              List.of(
                  new Outcome.Success<>("def"),
                  new Outcome.Success<>("abc"),
                  new Outcome.Success<>("def")),
              secs(2));
      // Counting the duplicates as separate children would wait forever for the missing ones.
      assertThat(log).containsExactly("c done@1s", "d done@2s");
    }

    @Test
    @DisplayName(
        "semantics §2.4, 1.2: children all done at call time -> returns without suspending")
    void allDoneAtCallTimeReturnsWithoutSuspending() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new IllegalStateException("boom");
      Weft.run(
          () -> {
            Task<String> a = Weft.spawn("a", () -> "A");
            Task<String> b = Weft.spawn("b", () -> "B");
            Task<String> bad =
                Weft.spawn(
                    "bad",
                    () -> {
                      throw boom;
                    });
            Weft.yieldNow(); // a, b and bad run to their end
            Weft.spawn("probe", () -> log.add("probe ran"));
            log.add("gather " + Weft.gather(List.of(b, a)));
            Throwable thrown = catchThrowable(() -> Weft.gather(List.of(a, bad)));
            log.add("gather threw " + message(thrown) + (thrown == boom ? " (same)" : ""));
            Weft.yieldNow();
            log.add("after yield");
            return null;
          });
      // A fresh task spawned before the gathers has still not run when they return.
      assertThat(log)
          .containsExactly("gather [B, A]", "gather threw boom (same)", "probe ran", "after yield");
    }
  }

  @Nested
  @DisplayName("failures")
  class Failures {

    @Test
    @DisplayName("semantics §2.4: the first failure ends gather at once; the others keep running")
    void firstFailureEndsGatherAtOnce() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new IllegalStateException("boom");
      Weft.run(
          () -> {
            Task<String> slow = sleeper("slow", 3, "S", log);
            Task<String> bad = failer("bad", 1, boom, log);
            Task<String> slower = sleeper("slower", 4, "T", log);
            Throwable thrown = catchThrowable(() -> Weft.gather(List.of(slow, bad, slower)));
            log.add("gather threw " + message(thrown) + (thrown == boom ? " (same)" : "") + at());
            log.add("slow cancelled: " + slow.isCancelled() + ", done: " + slow.isDone());
            log.add("joined " + slow.join() + slower.join() + at());
            log.add("cancelled: " + slow.isCancelled() + " " + slower.isCancelled());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "bad fails@1s",
              "gather threw boom (same)@1s",
              "slow cancelled: false, done: false",
              "slow done@3s",
              "slower done@4s",
              "joined ST@4s",
              "cancelled: false false");
    }

    @Test
    @DisplayName(
        "semantics §2.4: a cancelled child -> CancelledException in a caller that is not cancelled")
    void cancelledChildRaisesInUncancelledCaller() {
      List<String> log = new ArrayList<>();
      String result =
          Weft.run(
              () -> {
                Task<String> doomed = sleeper("doomed", 10, "never", log);
                Task<String> other = sleeper("other", 2, "O", log);
                Weft.callLater(secs(1), doomed::cancel);
                Throwable thrown = catchThrowable(() -> Weft.gather(List.of(doomed, other)));
                log.add(kind(thrown) + ": " + message(thrown) + at());
                // main itself was not cancelled: it can suspend again and go on normally
                Weft.sleep(secs(1));
                log.add("main slept" + at());
                return other.join();
              });
      assertThat(result).isEqualTo("O");
      assertThat(log)
          .containsExactly(
              "CancelledException: Task 'doomed' was cancelled@1s",
              "other done@2s",
              "main slept@2s");
    }

    @Test
    @DisplayName("semantics §2.4 + a checked failure arrives as TaskFailedException(cause)")
    void checkedFailureIsWrapped() {
      IOException disk = new IOException("disk full");
      Throwable thrown =
          Weft.run(
              () -> {
                Task<String> ok = Weft.spawn("ok", () -> "fine");
                Task<String> writer = failer("writer", 1, disk);
                return catchThrowable(() -> Weft.gather(List.of(ok, writer)));
              });
      assertThat(thrown)
          .isInstanceOf(TaskFailedException.class)
          .hasMessageContaining("Task 'writer'")
          .cause()
          .isSameAs(disk);
    }

    @Test
    @DisplayName(
        "semantics §2.1, 2.4: a failure received through gather is observed, the run succeeds")
    void failureSeenThroughGatherIsObserved() {
      String result =
          Weft.run(
              () -> {
                Task<String> bad =
                    failer("bad", 1, new IllegalStateException("boom"), new ArrayList<>());
                try {
                  Weft.gather(List.of(bad));
                  return "no failure";
                } catch (IllegalStateException e) {
                  return "caught " + e.getMessage();
                }
              });
      assertThat(result).isEqualTo("caught boom");
    }

    @Test
    @DisplayName(
        "semantics §2.4: after an early failure, later failures of other children count as observed")
    void laterFailuresAreMarkedObserved() {
      List<String> log = new ArrayList<>();
      String result =
          Weft.run(
              () -> {
                Task<String> first = failer("first", 1, new IllegalStateException("one"), log);
                Task<String> second = failer("second", 2, new IllegalArgumentException("two"), log);
                Throwable thrown = catchThrowable(() -> Weft.gather(List.of(first, second)));
                // Nobody joins 'second'; it fails at 2s while main sleeps.
                Weft.sleep(secs(5));
                return message(thrown) + ", second done: " + second.isDone() + at();
              });
      assertThat(log).containsExactly("first fails@1s", "second fails@2s");
      assertThat(result).isEqualTo("one, second done: true@6s");
    }
  }

  @Nested
  @DisplayName("cancelling the caller")
  class CancellingTheCaller {

    /**
     * Runs a waiter that gathers a child that is already done, a child that cleans up for 5 s when
     * cancelled and, if {@code withQuick}, a child that reacts to cancellation at once; cancels the
     * waiter at 0 s and logs what happens.
     */
    private List<String> cancelWaiter(boolean settled, boolean withQuick) {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> finished = Weft.spawn("finished", () -> "F");
            List<Task<String>> children = new ArrayList<>(List.of(finished));
            if (withQuick) {
              children.add(
                  Weft.spawn(
                      "quick",
                      () -> {
                        try {
                          Weft.sleep(secs(100));
                        } catch (CancelledException e) {
                          log.add("quick cancelled" + at());
                          throw e;
                        }
                        return "Q";
                      }));
            }
            Task<String> careful =
                Weft.spawn(
                    "careful",
                    () -> {
                      try {
                        Weft.sleep(secs(100));
                      } catch (CancelledException e) {
                        log.add("careful cleans up" + at());
                        Weft.sleep(secs(5));
                        log.add("careful cleaned up" + at());
                        throw e;
                      }
                      return "C";
                    });
            children.add(careful);
            Task<Object> waiter =
                Weft.spawn(
                    "waiter",
                    () -> {
                      try {
                        return settled ? Weft.gatherSettled(children) : Weft.gather(children);
                      } catch (CancelledException e) {
                        log.add("waiter got CancelledException" + at());
                        throw e;
                      }
                    });
            Weft.yieldNow(); // 'finished' ends, the others start sleeping, the waiter blocks
            log.add("cancel accepted: " + waiter.cancel());
            Throwable thrown = catchThrowable(waiter::join);
            log.add("main got " + kind(thrown) + at());
            catchThrowable(careful::join);
            log.add(
                "cancelled: waiter "
                    + waiter.isCancelled()
                    + ", finished "
                    + finished.isCancelled()
                    + ", careful "
                    + careful.isCancelled()
                    + at());
            return null;
          });
      return log;
    }

    @Test
    @DisplayName(
        "semantics §2.4: gather cancels the children not done and ends once they have reacted")
    void gatherWaitsForChildrenToReact() {
      assertThat(cancelWaiter(false, false))
          .containsExactly(
              "cancel accepted: true",
              "careful cleans up@0s",
              "careful cleaned up@5s",
              "waiter got CancelledException@5s",
              "main got CancelledException@5s",
              "cancelled: waiter true, finished false, careful true@5s");
    }

    @Test
    @DisplayName(
        "semantics §2.4 (bpo-32684): gatherSettled waits for every child, then raises Cancelled")
    void gatherSettledAlsoRaisesCancelled() {
      assertThat(cancelWaiter(true, true))
          .containsExactly(
              "cancel accepted: true",
              "quick cancelled@0s",
              "careful cleans up@0s",
              "careful cleaned up@5s",
              "waiter got CancelledException@5s",
              "main got CancelledException@5s",
              "cancelled: waiter true, finished false, careful true@5s");
    }

    @Test
    @DisplayName("semantics §2.4: plain gather ends with the first child that ends cancelled")
    void plainGatherEndsAtFirstCancelledChild() {
      // CPython's _done_callback (return_exceptions=False) checks fut.cancelled() before
      // nfinished == nfuts, so the first child that ends cancelled completes the gather, even
      // when the gather itself was cancelled; 'careful' is still cleaning up then.
      assertThat(cancelWaiter(false, true))
          .containsExactly(
              "cancel accepted: true",
              "quick cancelled@0s",
              "careful cleans up@0s",
              "waiter got CancelledException@0s",
              "main got CancelledException@0s",
              "careful cleaned up@5s",
              "cancelled: waiter true, finished false, careful true@5s");
    }
  }

  @Nested
  @DisplayName("gatherSettled")
  class Settled {

    @Test
    @DisplayName("semantics §2.4: outcomes in argument order; waits for all; cancelled -> Failure")
    void outcomesInArgumentOrder() {
      RuntimeException boom = new IllegalStateException("boom");
      IOException disk = new IOException("disk full");
      List<String> log = new ArrayList<>();
      List<Duration> times = new ArrayList<>();
      List<Outcome<Integer>> outcomes =
          Weft.run(
              () -> {
                Task<Integer> slow = sleeper("slow", 3, 1, log);
                Task<Integer> bad = failer("bad", 1, boom, log);
                Task<Integer> doomed = sleeper("doomed", 10, 3, log);
                Task<Integer> quick = Weft.spawn("quick", () -> 4);
                Task<Integer> checked =
                    Weft.spawn(
                        "checked",
                        () -> {
                          throw disk;
                        });
                Weft.callLater(secs(2), doomed::cancel);
                List<Outcome<Integer>> result =
                    Weft.gatherSettled(List.of(slow, bad, doomed, quick, checked));
                times.add(Weft.elapsed());
                return result;
              });
      // Completion order is checked, quick, bad, doomed, slow; the failure at 1s does not end it.
      assertThat(times).containsExactly(secs(3));
      assertThat(outcomes).hasSize(5);
      assertThat(outcomes.get(0)).isEqualTo(new Outcome.Success<>(1));
      assertThat(failureOf(outcomes.get(1))).isSameAs(boom);
      assertThat(failureOf(outcomes.get(2)))
          .isInstanceOf(CancelledException.class)
          .hasMessageContaining("doomed");
      assertThat(outcomes.get(3)).isEqualTo(new Outcome.Success<>(4));
      // Outcome's contract: a checked exception is held as is, not wrapped.
      assertThat(failureOf(outcomes.get(4))).isSameAs(disk);
    }
  }
}
