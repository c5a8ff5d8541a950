package dev.weft;

import static dev.weft.TestPrograms.at;
import static dev.weft.TestPrograms.cancellable;
import static dev.weft.TestPrograms.failer;
import static dev.weft.TestPrograms.kind;
import static dev.weft.TestPrograms.message;
import static dev.weft.TestPrograms.ms;
import static dev.weft.TestPrograms.secs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Weft.taskGroup: what the TaskGroupException holds, fatal errors, misuse (semantics §2.10). */
@DisplayName("taskGroup: TaskGroupException and misuse (semantics §2.10)")
class TaskGroupExceptionTests {

  @Nested
  @DisplayName("TaskGroupException")
  class Contents {

    @Test
    @DisplayName(
        "semantics §2.10: the message names the failed tasks and the body, not cancelled tasks")
    void messageNamesTheFailures() {
      Throwable thrown =
          Weft.run(
              () ->
                  catchThrowable(
                      () ->
                          Weft.taskGroup(
                              group -> {
                                failer(
                                    group,
                                    "fetch-a",
                                    secs(1),
                                    new IllegalStateException("a down"),
                                    new ArrayList<>());
                                cancellable(group, "fetch-b", secs(5), null, new ArrayList<>());
                                try {
                                  Weft.sleep(secs(10));
                                } catch (CancelledException e) {
                                  throw new IOException("body gave up");
                                }
                              })));
      assertThat(thrown)
          .isInstanceOf(TaskGroupException.class)
          .hasMessageContaining("task group of Task 'main'")
          .hasMessageContaining("(2)")
          .hasMessageContaining(
              "Task 'fetch-a' failed with java.lang.IllegalStateException: a down")
          .hasMessageContaining("the body failed with java.io.IOException: body gave up")
          .hasMessageNotContaining("fetch-b");
    }

    @Test
    @DisplayName("semantics §2.10: the first failure is the cause, the others are suppressed")
    void firstIsCauseRestSuppressed() {
      RuntimeException first = new IllegalStateException("first");
      RuntimeException second = new IllegalStateException("second");
      RuntimeException body = new IllegalArgumentException("body");
      Throwable thrown =
          Weft.run(
              () ->
                  catchThrowable(
                      () ->
                          Weft.taskGroup(
                              group -> {
                                failer(group, "one", secs(1), first, new ArrayList<>());
                                cancellable(group, "two", secs(5), second, new ArrayList<>());
                                try {
                                  Weft.sleep(secs(10));
                                } catch (CancelledException e) {
                                  throw body;
                                }
                              })));
      assertThat(thrown).isInstanceOf(TaskGroupException.class).hasCause(first);
      assertThat(thrown.getCause()).isSameAs(first);
      assertThat(thrown.getSuppressed()).containsExactly(second, body);
      assertThat(((TaskGroupException) thrown).exceptions()).containsExactly(first, second, body);
    }

    @Test
    @DisplayName("semantics §2.10, checked exceptions appear unwrapped in exceptions()")
    void checkedExceptionsUnwrapped() {
      IOException childError = new IOException("disk gone");
      Exception bodyError = new Exception("body's checked failure");
      Throwable thrown =
          Weft.run(
              () ->
                  catchThrowable(
                      () ->
                          Weft.taskGroup(
                              group -> {
                                group.spawn(
                                    "reader",
                                    () -> {
                                      Weft.sleep(secs(1));
                                      throw childError;
                                    });
                                try {
                                  Weft.sleep(secs(10));
                                } catch (CancelledException e) {
                                  throw bodyError;
                                }
                              })));
      List<Throwable> errors = ((TaskGroupException) thrown).exceptions();
      assertThat(errors).hasSize(2);
      assertThat(errors.get(0)).isSameAs(childError);
      assertThat(errors.get(1)).isSameAs(bodyError);
    }

    @Test
    @DisplayName("semantics §2.10: the children's failures do not also fail the run as unobserved")
    void childFailuresCountAsObserved() {
      String result =
          Weft.run(
              () -> {
                try {
                  Weft.taskGroup(
                      group -> {
                        failer(
                            group,
                            "bad",
                            secs(1),
                            new IllegalStateException("bad"),
                            new ArrayList<>());
                        cancellable(
                            group,
                            "tidy",
                            secs(5),
                            new IllegalStateException("tidy"),
                            new ArrayList<>());
                      });
                  return "group returned";
                } catch (TaskGroupException e) {
                  return "handled " + e.exceptions().size();
                }
              });
      // Weft.run would throw TaskFailedException if it considered bad's or tidy's failure
      // unobserved.
      assertThat(result).isEqualTo("handled 2");
    }

    @Test
    @DisplayName(
        "semantics §2.10: a fatal error (VirtualMachineError) is rethrown bare, after the others end")
    void fatalErrorRethrownBare() {
      List<String> log = new ArrayList<>();
      Error fatal = new OutOfMemoryError("simulated");
      Throwable thrown =
          Weft.run(
              () -> {
                Throwable caught =
                    catchThrowable(
                        () ->
                            Weft.taskGroup(
                                group -> {
                                  group.spawn(
                                      "oom",
                                      () -> {
                                        Weft.sleep(secs(1));
                                        throw fatal;
                                      });
                                  group.spawn(
                                      "slow",
                                      () -> {
                                        try {
                                          Weft.sleep(secs(5));
                                        } catch (CancelledException e) {
                                          Weft.sleep(secs(1)); // the group waits for this cleanup
                                          log.add("slow cleaned up" + at());
                                          throw e;
                                        }
                                      });
                                }));
                log.add("group threw " + kind(caught) + at());
                return caught;
              });
      assertThat(log).containsExactly("slow cleaned up@2s", "group threw OutOfMemoryError@2s");
      assertThat(thrown).isSameAs(fatal);
    }
  }

  @Nested
  @DisplayName("misuse")
  class Misuse {

    @Test
    @DisplayName(
        "semantics §2.10: spawn after the group finished -> IllegalStateException 'finished'")
    void spawnAfterFinished() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            TaskGroup[] kept = new TaskGroup[1];
            Weft.taskGroup(group -> kept[0] = group);
            Throwable thrown =
                catchThrowable(() -> kept[0].spawn("late", () -> log.add("late ran")));
            log.add(kind(thrown) + ": " + message(thrown));
            Weft.sleep(secs(1)); // a task spawned anyway would have run by now
            return null;
          });
      assertThat(log)
          .singleElement()
          .asString()
          .startsWith("IllegalStateException: ")
          .contains("finished");
    }

    @Test
    @DisplayName(
        "semantics §2.10: spawn while the group aborts -> IllegalStateException 'shutting down'")
    void spawnWhileShuttingDown() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () ->
              catchThrowable(
                  () ->
                      Weft.taskGroup(
                          group -> {
                            failer(group, "bad", secs(1), new IllegalStateException("boom"), log);
                            group.spawn(
                                "tidy",
                                () -> {
                                  try {
                                    Weft.sleep(secs(5));
                                  } catch (CancelledException e) {
                                    Throwable t =
                                        catchThrowable(
                                            () ->
                                                group.spawn("helper", () -> log.add("helper ran")));
                                    log.add(
                                        "tidy: "
                                            + kind(t)
                                            + " "
                                            + message(t).contains("shutting down"));
                                    throw e;
                                  }
                                });
                            try {
                              Weft.sleep(secs(10));
                            } catch (CancelledException e) {
                              Throwable t =
                                  catchThrowable(
                                      () -> group.spawn("helper", () -> log.add("helper ran")));
                              log.add(
                                  "body: " + kind(t) + " " + message(t).contains("shutting down"));
                              throw e;
                            }
                          })));
      assertThat(log)
          .containsExactly(
              "bad fails@1s",
              "tidy: IllegalStateException true",
              "body: IllegalStateException true");
    }

    @Test
    @DisplayName("semantics §2.10, null or blank name and null body -> IllegalArgumentException")
    void badArguments() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Weft.taskGroup(
                group -> {
                  log.add(message(catchThrowable(() -> group.spawn(null, () -> 1))));
                  log.add(message(catchThrowable(() -> group.spawn("  ", () -> log.add("ran")))));
                  log.add(
                      message(catchThrowable(() -> group.spawn("x", (Callable<Integer>) null))));
                  log.add(message(catchThrowable(() -> group.spawn((ThrowingRunnable) null))));
                  log.add("kinds " + kind(catchThrowable(() -> group.spawn("", () -> 1))));
                });
            log.add(message(catchThrowable(() -> Weft.taskGroup(null))));
            Weft.sleep(secs(1));
            return null;
          });
      assertThat(log)
          .containsExactly(
              "name must be a non-blank string, but was null",
              "name must be a non-blank string, but was '  '",
              "body must not be null",
              "body must not be null",
              "kinds IllegalArgumentException",
              "body must not be null");
    }

    @Test
    @DisplayName(
        "semantics §2.10: Weft.taskGroup from a callback or outside a run -> IllegalStateException")
    void notFromACallback() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Weft.callSoon(
                () -> {
                  Throwable t = catchThrowable(() -> Weft.taskGroup(group -> log.add("body ran")));
                  log.add(kind(t) + ": " + message(t));
                });
            Weft.sleep(ms(1));
            return null;
          });
      assertThat(log)
          .singleElement()
          .asString()
          .startsWith("IllegalStateException: Weft.taskGroup must be called from a task")
          .contains("callback");
      assertThatThrownBy(() -> Weft.taskGroup(group -> log.add("body ran")))
          .isInstanceOf(IllegalStateException.class);
      assertThat(log).hasSize(1);
    }

    @Test
    @DisplayName(
        "semantics §1.5, 2.10: a deadlock in the exit wait shows 'taskGroup, waiting for ...'")
    void deadlockInTheExitWait() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Promise<String> never = Weft.promise("never");
                        Weft.taskGroup(
                            group -> {
                              group.spawn("done-early", () -> 1);
                              group.spawn("stuck-1", never::join);
                              group.spawn("stuck-2", never::join);
                            });
                        return null;
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining("\n  main     blocked in taskGroup, waiting for stuck-1, stuck-2\n")
          .hasMessageContaining("\n  stuck-1  blocked in join(Promise 'never')\n");
    }
  }
}
