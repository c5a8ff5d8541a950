package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.cancellable;
import static dev.weft.TestPrograms.failer;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.ms;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Weft.taskGroup and cancellation (semantics §2.10): the parent cancelled from outside, nested
 * groups, and the parent's cancellation count, mirroring CPython's test_taskgroups.py.
 */
@DisplayName("taskGroup: cancellation and nesting (semantics §2.10)")
class TaskGroupCancellationTests {

  /** Joins {@code task} and logs how it ended: "name: Kind@t" or "name: returned@t". */
  private static void logJoin(Task<?> task, List<String> log) {
    Throwable thrown = catchThrowable(task::join);
    log.add(task.name() + ": " + (thrown == null ? "returned" : kind(thrown)) + at());
  }

  @Nested
  @DisplayName("the parent is cancelled from outside")
  class OutsideCancellation {

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_07): while in the body -> children cancelled, then it propagates")
    void cancelledInTheBody() {
      List<String> log = new ArrayList<>();
      boolean runnerCancelled =
          Weft.run(
              () -> {
                Task<Void> runner =
                    Weft.spawn(
                        "runner",
                        () ->
                            Weft.taskGroup(
                                group -> {
                                  for (int i = 1; i <= 3; i++) {
                                    cancellable(group, "c" + i, secs(5), null, log);
                                  }
                                  try {
                                    Weft.sleep(secs(10));
                                  } catch (CancelledException e) {
                                    log.add("body cancelled" + at());
                                    throw e;
                                  }
                                }));
                Weft.sleep(ms(100));
                runner.cancel();
                logJoin(runner, log);
                return runner.isCancelled();
              });
      // The body sees the cancellation first; the group then cancels the children in creation
      // order and rethrows only once all of them have finished.
      assertThat(log)
          .containsExactly(
              "body cancelled@100ms",
              "c1 cancelled@100ms",
              "c2 cancelled@100ms",
              "c3 cancelled@100ms",
              "runner: CancelledException@100ms");
      assertThat(runnerCancelled).isTrue();
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_22): while in the exit wait -> propagates after the children end")
    void cancelledInTheExitWait() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<Void> runner =
                Weft.spawn(
                    "runner",
                    () ->
                        Weft.taskGroup(
                            group -> {
                              cancellable(group, "foo1", secs(1), null, log);
                              group.spawn(
                                  "foo2",
                                  () -> {
                                    try {
                                      Weft.sleep(secs(2));
                                    } catch (CancelledException e) {
                                      log.add("foo2 cleans up" + at());
                                      Weft.sleep(secs(1)); // a slow cleanup holds the group open
                                      log.add("foo2 cleaned up" + at());
                                      throw e;
                                    }
                                  });
                            }));
            Weft.sleep(ms(50));
            runner.cancel();
            logJoin(runner, log);
            return null;
          });
      assertThat(log)
          .containsExactly(
              "foo1 cancelled@50ms",
              "foo2 cleans up@50ms",
              "foo2 cleaned up@1050ms",
              "runner: CancelledException@1050ms");
    }

    @Test
    @DisplayName(
        "semantics §2.10, 2.8: an enclosing withTimeout cancels the group -> TimedOutException")
    void enclosingTimeoutCancelsTheGroup() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Throwable thrown =
                catchThrowable(
                    () ->
                        Weft.withTimeout(
                            secs(1),
                            () -> {
                              Weft.taskGroup(
                                  group -> {
                                    cancellable(group, "a", secs(5), null, log);
                                    cancellable(group, "b", secs(3), null, log);
                                  });
                              return "group ended";
                            }));
            log.add(kind(thrown) + at());
            return null;
          });
      assertThat(log).containsExactly("a cancelled@1s", "b cancelled@1s", "TimedOutException@1s");
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_15): a child error during the cancellation wins over it")
    void childErrorWinsOverOutsideCancellation() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new ArithmeticException("/ by zero");
      Throwable thrown =
          Weft.run(
              () -> {
                Task<Void> runner =
                    Weft.spawn(
                        "runner",
                        () ->
                            Weft.taskGroup(
                                group -> {
                                  failer(group, "crash_soon", ms(300), boom, log);
                                  try {
                                    Weft.sleep(secs(10));
                                  } catch (CancelledException e) {
                                    log.add("body cancelled" + at());
                                    try {
                                      Weft.sleep(ms(500));
                                    } catch (CancelledException again) {
                                      log.add("body's cleanup cancelled" + at());
                                    }
                                    throw e;
                                  }
                                }));
                Weft.sleep(ms(100));
                runner.cancel();
                logJoin(runner, log);
                log.add("runner cancelled: " + runner.isCancelled());
                return catchThrowable(runner::join);
              });
      assertThat(log)
          .containsExactly(
              "body cancelled@100ms",
              "crash_soon fails@300ms",
              "body's cleanup cancelled@300ms",
              "runner: TaskGroupException@300ms",
              "runner cancelled: false");
      assertThat(((TaskGroupException) thrown).exceptions()).containsExactly(boom);
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_error_and_cancel): after the TaskGroupException the outer cancellation is"
            + " still pending")
    void errorAndCancel() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new IllegalStateException("boom");
      Weft.run(
          () -> {
            Event started = new Event("started");
            Task<Void> inner =
                Weft.spawn(
                    "inner",
                    () -> {
                      try {
                        Weft.taskGroup(
                            group -> {
                              group.spawn(
                                  "raise_error",
                                  () -> {
                                    started.set();
                                    Weft.yieldNow();
                                    log.add("raise_error fails" + at());
                                    throw boom;
                                  });
                              Weft.sleep(secs(1));
                              log.add("the body's sleep was not cancelled");
                            });
                      } catch (TaskGroupException e) {
                        log.add("inner caught " + e.exceptions());
                      }
                      try {
                        Weft.sleep(secs(1));
                        log.add("the sleep after the group was not cancelled");
                      } catch (CancelledException e) {
                        log.add("sleep after the group cancelled" + at());
                        throw e;
                      }
                    });
            started.await();
            inner.cancel();
            logJoin(inner, log);
            log.add("inner cancelled: " + inner.isCancelled());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "raise_error fails@0s",
              "inner caught [java.lang.IllegalStateException: boom]",
              "sleep after the group cancelled@0s",
              "inner: CancelledException@0s",
              "inner cancelled: true");
    }
  }

  @Nested
  @DisplayName("nested groups and cancellation counts")
  class NestedGroups {

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_14): an inner group's failure fails the outer body")
    void innerFailureIsAnErrorOfTheOuterBody() {
      List<String> log = new ArrayList<>();
      RuntimeException inner = new IllegalArgumentException("ValueError(0.1)");
      Throwable thrown =
          Weft.run(
              () -> {
                Throwable caught =
                    catchThrowable(
                        () ->
                            Weft.taskGroup(
                                g1 -> {
                                  cancellable(g1, "outer child", secs(10), null, log);
                                  Weft.taskGroup(
                                      g2 -> failer(g2, "inner child", ms(100), inner, log));
                                }));
                log.add("outer threw" + at());
                return caught;
              });
      assertThat(log)
          .containsExactly(
              "inner child fails@100ms", "outer child cancelled@100ms", "outer threw@100ms");
      assertThat(thrown).isInstanceOf(TaskGroupException.class);
      List<Throwable> outerErrors = ((TaskGroupException) thrown).exceptions();
      assertThat(outerErrors).singleElement().isInstanceOf(TaskGroupException.class);
      assertThat(((TaskGroupException) outerErrors.get(0)).exceptions()).containsExactly(inner);
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_13): an outer child failing first cancels the inner group"
            + " without error")
    void outerChildFailureCancelsTheInnerGroup() {
      List<String> log = new ArrayList<>();
      RuntimeException outer = new IllegalArgumentException("ValueError(0.1)");
      Throwable thrown =
          Weft.run(
              () -> {
                Throwable caught =
                    catchThrowable(
                        () ->
                            Weft.taskGroup(
                                g1 -> {
                                  failer(g1, "outer child", ms(100), outer, log);
                                  try {
                                    Weft.taskGroup(
                                        g2 -> cancellable(g2, "inner child", secs(10), null, log));
                                    log.add("inner group returned" + at());
                                  } catch (CancelledException e) {
                                    log.add("inner group threw CancelledException" + at());
                                    throw e;
                                  }
                                }));
                log.add("outer threw" + at());
                return caught;
              });
      assertThat(log)
          .containsExactly(
              "outer child fails@100ms",
              "inner child cancelled@100ms",
              "inner group threw CancelledException@100ms",
              "outer threw@100ms");
      assertThat(thrown).isInstanceOf(TaskGroupException.class);
      assertThat(((TaskGroupException) thrown).exceptions()).containsExactly(outer);
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_nested_groups_both_cancelled): both groups abort, then main runs normally")
    void nestedGroupsBothCancelled() {
      List<String> log = new ArrayList<>();
      RuntimeException runtimeError = new IllegalStateException("RuntimeError");
      RuntimeException valueError = new IllegalArgumentException("ValueError");
      Weft.run(
          () -> {
            try {
              Weft.taskGroup(
                  outerGroup -> {
                    try {
                      Weft.taskGroup(
                          innerGroup -> {
                            failer(innerGroup, "inner child", ms(0), runtimeError, log);
                            failer(outerGroup, "outer child", ms(0), valueError, log);
                          });
                      log.add("inner group returned");
                    } catch (TaskGroupException e) {
                      log.add("inner group threw " + e.exceptions());
                    }
                  });
              log.add("outer group returned");
            } catch (TaskGroupException e) {
              log.add("outer group threw " + e.exceptions());
            }
            // Both groups withdrew their cancellations of main: waits work, and so does a timeout.
            Weft.sleep(secs(1));
            log.add("main slept" + at());
            Throwable timedOut =
                catchThrowable(() -> Weft.withTimeout(secs(1), () -> Weft.promise().join()));
            log.add(kind(timedOut) + at());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "inner child fails@0s",
              "outer child fails@0s",
              "inner group threw [java.lang.IllegalStateException: RuntimeError]",
              "outer group threw [java.lang.IllegalArgumentException: ValueError]",
              "main slept@1s",
              "TimedOutException@2s");
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_cancelling_level_preserved): after a group that handled its own abort, a"
            + " later timeout reports TimedOutException")
    void cancellationLevelPreserved() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new IllegalStateException("boom");
      Weft.run(
          () -> {
            Throwable first =
                catchThrowable(
                    () -> Weft.taskGroup(group -> failer(group, "raise_after", ms(0), boom, log)));
            log.add("group threw " + kind(first) + at());
            // A count left at 1 would make the timeout's uncancel() see 1 > 0: a CancelledException
            // would escape instead of the TimedOutException.
            Throwable timedOut =
                catchThrowable(() -> Weft.withTimeout(secs(1), () -> Weft.promise().join()));
            log.add(kind(timedOut) + at());
            // A second group in the same task also handles its own abort and leaves main
            // uncancelled.
            Throwable second =
                catchThrowable(
                    () -> Weft.taskGroup(group -> failer(group, "again", secs(1), boom, log)));
            log.add("group threw " + kind(second) + at());
            Weft.sleep(secs(1));
            log.add("main slept" + at());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "raise_after fails@0s",
              "group threw TaskGroupException@0s",
              "TimedOutException@1s",
              "again fails@2s",
              "group threw TaskGroupException@2s",
              "main slept@3s");
    }
  }
}
