package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.cancellable;
import static dev.weft.TestPrograms.failer;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.ms;
import static dev.weft.TestPrograms.secs;
import static dev.weft.TestPrograms.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Weft.taskGroup: exit, child failures and body failures (semantics §2.10), mirroring CPython's
 * test_taskgroups.py. Cancellation from outside and nesting: {@link TaskGroupCancellationTests};
 * the exception and misuse: {@link TaskGroupExceptionTests}.
 */
@DisplayName("taskGroup: exit and failures (semantics §2.10)")
class TaskGroupTests {

  @Nested
  @DisplayName("exit")
  class Exit {

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_01/02): exit waits for every child, spawned early or late")
    void exitWaitsForAllChildren() {
      List<String> log = new ArrayList<>();
      List<Object> results =
          Weft.run(
              () -> {
                List<Task<Integer>> tasks = new ArrayList<>();
                Weft.taskGroup(
                    group -> {
                      tasks.add(sleeper(group, "foo1", ms(100), 42, log));
                      Weft.sleep(ms(150));
                      tasks.add(sleeper(group, "foo2", ms(200), 11, log));
                      log.add("body ends" + at());
                    });
                log.add("group exited" + at());
                return List.of(tasks.get(0).result(), tasks.get(1).result());
              });
      assertThat(log)
          .containsExactly(
              "foo1 done@100ms", "body ends@150ms", "foo2 done@350ms", "group exited@350ms");
      assertThat(results).containsExactly(42, 11);
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_24): exit also waits for children spawned by children")
    void exitWaitsForChildrenSpawnedWhileWaiting() {
      List<String> log = new ArrayList<>();
      Duration exited =
          Weft.run(
              () -> {
                Weft.taskGroup(
                    group ->
                        group.spawn(
                            "root",
                            () -> {
                              Weft.sleep(ms(100));
                              sleeper(group, "c1", ms(100), 1, log);
                              group.spawn(
                                  "c2",
                                  () -> {
                                    Weft.sleep(ms(200));
                                    log.add("c2 spawns c3" + at());
                                    // c2 is the last child left: it spawns c3 just before ending
                                    return sleeper(group, "c3", ms(100), 3, log);
                                  });
                              log.add("root ends" + at());
                            }));
                log.add("group exited" + at());
                return Weft.elapsed();
              });
      assertThat(log)
          .containsExactly(
              "root ends@100ms",
              "c1 done@200ms",
              "c2 spawns c3@300ms",
              "c3 done@400ms",
              "group exited@400ms");
      assertThat(exited).isEqualTo(ms(400));
    }

    @Test
    @DisplayName("semantics §2.10 (test_taskgroup_03): a cancelled child is not an error")
    void cancelledChildIsNotAnError() {
      List<String> log = new ArrayList<>();
      List<Object> outcome =
          Weft.run(
              () -> {
                List<Task<?>> tasks = new ArrayList<>();
                Weft.taskGroup(
                    group -> {
                      tasks.add(cancellable(group, "t1", secs(1), null, log));
                      Weft.sleep(ms(150));
                      tasks.get(0).cancel();
                      tasks.add(sleeper(group, "t2", ms(200), 11, log));
                      Weft.sleep(ms(50));
                      log.add("body ends" + at());
                    });
                log.add("group exited" + at());
                return List.of(tasks.get(0).isCancelled(), tasks.get(1).result());
              });
      // The body is not interrupted, the sibling is not cancelled, and nothing is thrown.
      assertThat(log)
          .containsExactly(
              "t1 cancelled@150ms", "body ends@200ms", "t2 done@350ms", "group exited@350ms");
      assertThat(outcome).containsExactly(true, 11);
    }
  }

  @Nested
  @DisplayName("a child fails")
  class ChildFails {

    @Test
    @DisplayName(
        "semantics §2.10 (test_cancel_children_on_child_error): the others and the body's wait are"
            + " cancelled")
    void childFailureCancelsSiblingsAndTheBodysWait() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new IllegalStateException("boom");
      Throwable thrown =
          Weft.run(
              () -> {
                Throwable caught =
                    catchThrowable(
                        () ->
                            Weft.taskGroup(
                                group -> {
                                  failer(group, "bad", secs(1), boom, log);
                                  cancellable(group, "slow", secs(5), null, log);
                                  try {
                                    Weft.sleep(secs(10));
                                    log.add("body slept");
                                  } catch (CancelledException e) {
                                    log.add("body cancelled" + at());
                                    throw e;
                                  }
                                }));
                log.add("group threw " + kind(caught) + at());
                return caught;
              });
      // The group cancels the children first, then the parent (asyncio's _on_task_done).
      assertThat(log)
          .containsExactly(
              "bad fails@1s",
              "slow cancelled@1s",
              "body cancelled@1s",
              "group threw TaskGroupException@1s");
      assertThat(((TaskGroupException) thrown).exceptions()).containsExactly(boom);
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_04): a failure during the exit wait; the parent is not left"
            + " cancelled")
    void childFailureDuringExitWaitLeavesParentUncancelled() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new ArithmeticException("/ by zero");
      Weft.run(
          () -> {
            Throwable caught =
                catchThrowable(
                    () ->
                        Weft.taskGroup(
                            group -> {
                              failer(group, "foo1", ms(100), boom, log);
                              cancellable(group, "foo2", secs(1), null, log);
                            }));
            log.add("group threw " + ((TaskGroupException) caught).exceptions() + at());
            // The group withdrew its own cancellation of main: main can wait normally again.
            Weft.sleep(secs(1));
            log.add("main slept" + at());
            Task<String> later = Weft.spawn("later", () -> "joined");
            log.add(later.join() + at());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "foo1 fails@100ms",
              "foo2 cancelled@100ms",
              "group threw [java.lang.ArithmeticException: / by zero]@100ms",
              "main slept@1100ms",
              "joined@1100ms");
    }

    @Test
    @DisplayName("semantics §2.10: exceptions() lists the failures in the order they happened")
    void failuresInTheOrderTheyHappened() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new IllegalStateException("boom");
      RuntimeException tidyB = new IllegalStateException("tidyB cleanup failed");
      RuntimeException tidyA = new IllegalStateException("tidyA cleanup failed");
      Throwable thrown =
          Weft.run(
              () ->
                  catchThrowable(
                      () ->
                          Weft.taskGroup(
                              group -> {
                                cancellable(group, "tidyB", secs(10), tidyB, log);
                                failer(group, "bad", secs(1), boom, log);
                                cancellable(group, "tidyA", secs(10), tidyA, log);
                              })));
      // bad fails first; the others are cancelled in creation order and fail while cleaning up.
      assertThat(log).containsExactly("bad fails@1s", "tidyB cancelled@1s", "tidyA cancelled@1s");
      assertThat(thrown).isInstanceOf(TaskGroupException.class);
      assertThat(((TaskGroupException) thrown).exceptions()).containsExactly(boom, tidyB, tidyA);
    }
  }

  @Nested
  @DisplayName("the body fails")
  class BodyFails {

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_09/10): children are cancelled, ones not started never run")
    void bodyFailureCancelsChildrenEvenUnstarted() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new ArithmeticException("/ by zero");
      List<Object> outcome =
          Weft.run(
              () -> {
                List<Task<?>> tasks = new ArrayList<>();
                Throwable caught =
                    catchThrowable(
                        () ->
                            Weft.taskGroup(
                                group -> {
                                  tasks.add(
                                      group.spawn(
                                          "early",
                                          () -> {
                                            log.add("early started" + at());
                                            Weft.sleep(secs(1));
                                          }));
                                  Weft.sleep(ms(100));
                                  tasks.add(
                                      group.spawn("late", () -> log.add("late started" + at())));
                                  throw boom;
                                }));
                log.add("group threw " + ((TaskGroupException) caught).exceptions() + at());
                return List.of(tasks.get(0).isCancelled(), tasks.get(1).isCancelled());
              });
      assertThat(log)
          .containsExactly(
              "early started@0s", "group threw [java.lang.ArithmeticException: / by zero]@100ms");
      assertThat(outcome).containsExactly(true, true);
    }

    @Test
    @DisplayName(
        "semantics §2.10: the body's failure comes last, after the children's, even if first")
    void bodyFailureComesLast() {
      List<String> log = new ArrayList<>();
      RuntimeException bodyError = new IllegalArgumentException("body failed");
      RuntimeException cleanupError = new IllegalStateException("cleanup failed");
      Throwable thrown =
          Weft.run(
              () ->
                  catchThrowable(
                      () ->
                          Weft.taskGroup(
                              group -> {
                                cancellable(group, "tidy", secs(10), cleanupError, log);
                                Weft.yieldNow(); // tidy starts sleeping
                                log.add("body throws" + at());
                                throw bodyError;
                              })));
      assertThat(log).containsExactly("body throws@0s", "tidy cancelled@0s");
      assertThat(((TaskGroupException) thrown).exceptions())
          .containsExactly(cleanupError, bodyError);
    }

    @Test
    @DisplayName(
        "semantics §2.10 (test_taskgroup_19): a body that fails on the group's cancellation -> both errors")
    void bodyFailingOnTheGroupsCancellation() {
      List<String> log = new ArrayList<>();
      RuntimeException boom = new ArithmeticException("/ by zero");
      RuntimeException myExc = new IllegalStateException("MyExc");
      Throwable thrown =
          Weft.run(
              () ->
                  catchThrowable(
                      () ->
                          Weft.taskGroup(
                              group -> {
                                failer(group, "crash_soon", ms(100), boom, log);
                                try {
                                  Weft.sleep(secs(10));
                                } catch (CancelledException e) {
                                  log.add("body cancelled" + at());
                                  throw myExc; // replaces the CancelledException
                                }
                              })));
      assertThat(log).containsExactly("crash_soon fails@100ms", "body cancelled@100ms");
      assertThat(((TaskGroupException) thrown).exceptions()).containsExactly(boom, myExc);
    }
  }
}
