package dev.weft;

import static dev.weft.TestPrograms.failer;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How a run ends: main's outcome, leftover tasks (semantics §2.17) and failures nobody observed.
 */
class RunLifecycleTests {

  @Nested
  @DisplayName("main's outcome")
  class MainOutcome {
    @Test
    void returnsWhatMainReturns() {
      assertThat(Weft.run(() -> 42)).isEqualTo(42);
    }

    @Test
    void throwsMainsUncheckedFailureAsIs() {
      IllegalStateException boom = new IllegalStateException("boom");
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        throw boom;
                      }))
          .isSameAs(boom);
    }

    @Test
    void wrapsMainsCheckedFailure() {
      IOException io = new IOException("disk");
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        throw io;
                      }))
          .isInstanceOf(TaskFailedException.class)
          .hasMessageContaining("Task 'main'")
          .hasCause(io);
    }

    @Test
    void mainCancellingItselfEndsTheRunWithCancelledException() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Weft.current().cancel();
                        Weft.sleep(ofSeconds(1));
                        return 1;
                      }))
          .isInstanceOf(CancelledException.class);
    }
  }

  @Nested
  @DisplayName("semantics §2.17: tasks left pending when main returns")
  class Leftovers {
    @Test
    void areCancelledInCreationOrder() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            for (String name : List.of("C", "A", "B")) {
              Weft.spawn(
                  name,
                  () -> {
                    try {
                      Weft.sleep(ofSeconds(10));
                    } catch (CancelledException e) {
                      log.add(name + " cancelled at " + Weft.elapsed());
                      throw e;
                    }
                  });
            }
            Weft.sleep(ofSeconds(1));
            return null;
          });
      assertThat(log)
          .containsExactly("C cancelled at PT1S", "A cancelled at PT1S", "B cancelled at PT1S");
    }

    @Test
    void areDrivenToTheirEndOnTheVirtualClock() {
      // A leftover whose cleanup sleeps 5 s ends at t=6 when main returns at t=1 (semantics §2.17).
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Weft.spawn(
                "cleaner",
                () -> {
                  try {
                    Weft.sleep(ofSeconds(100));
                  } finally {
                    Weft.sleep(ofSeconds(5));
                    log.add("cleanup done at " + Weft.elapsed());
                  }
                });
            Weft.sleep(ofSeconds(1));
            return null;
          });
      assertThat(log).containsExactly("cleanup done at PT6S");
    }

    @Test
    void getTheRestOfThePassInWhichMainReturned() {
      // Main's end stops the loop only after the current pass (semantics §1.1, 2.17): a task
      // spawned just
      // before
      // main returns still runs its first step, and is cancelled at its first suspension.
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Weft.spawn(
                "late",
                () -> {
                  log.add("late started");
                  try {
                    Weft.sleep(ofSeconds(1));
                  } catch (CancelledException e) {
                    log.add("late cancelled at " + Weft.elapsed());
                  }
                });
            return null;
          });
      assertThat(log).containsExactly("late started", "late cancelled at PT0S");
    }

    @Test
    void mayStillSpawnTasksWhileShuttingDown() {
      // Weft differs from asyncio on purpose: a task spawned by a cleanup is run, not dropped.
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Weft.spawn(
                "parent",
                () -> {
                  try {
                    Weft.sleep(ofSeconds(100));
                  } finally {
                    Weft.spawn("flush", () -> log.add("flushed at " + Weft.elapsed())).join();
                  }
                });
            Weft.yieldNow();
            return null;
          });
      assertThat(log).containsExactly("flushed at PT0S");
    }

    @Test
    void failTheRunUnderTheStrictPolicyAfterBeingCancelled() {
      List<String> log = new ArrayList<>();
      RunOptions strict = RunOptions.defaults().failOnLeftoverTasks(true);
      assertThatThrownBy(
              () ->
                  Weft.run(
                      strict,
                      () -> {
                        Promise<String> reply = Weft.promise("reply");
                        Weft.spawn(
                            "waiter",
                            () -> {
                              try {
                                reply.join();
                              } finally {
                                log.add("waiter cleaned up");
                              }
                            });
                        Weft.spawn("sleeper", () -> Weft.sleep(ofSeconds(30)));
                        Weft.sleep(ofSeconds(2));
                        return null;
                      }))
          .isInstanceOf(LeftoverTasksException.class)
          .hasMessage(
              "2 tasks were still pending when main returned at virtual time 2s; Weft cancelled them:\n"
                  + "  waiter   blocked in join(Promise 'reply')\n"
                  + "  sleeper  blocked in sleep(30s), until 30s\n"
                  + "Await every task you spawn (join, gather) before main returns, or allow leftovers"
                  + " with RunOptions.failOnLeftoverTasks(false).");
      assertThat(log).containsExactly("waiter cleaned up");
    }

    @Test
    void thatSwallowCancellationAndBlockForeverAreADeadlockDuringShutdown() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Weft.spawn(
                            "stubborn",
                            () -> {
                              try {
                                Weft.sleep(ofSeconds(100));
                              } catch (CancelledException ignored) {
                                Weft.promise("never").join();
                              }
                            });
                        Weft.sleep(ofSeconds(1));
                        return null;
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageStartingWith(
              "Deadlock at virtual time 1s while shutting down: main returned at 1s")
          .hasMessageContaining("stubborn  blocked in join(Promise 'never')");
    }
  }

  @Nested
  @DisplayName("failures nobody observed")
  class UnobservedFailures {
    @Test
    void failTheRunNamingTheTask() {
      IllegalStateException boom = new IllegalStateException("boom");
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        failer("worker", ofSeconds(1), boom);
                        Weft.sleep(ofSeconds(2));
                        return "done";
                      }))
          .isInstanceOf(TaskFailedException.class)
          .hasMessageStartingWith(
              "Task 'worker' failed at virtual time 1s with java.lang.IllegalStateException: boom,"
                  + " and nothing observed the failure")
          .hasMessageContaining("RunOptions.failOnUnobservedFailures(false)")
          .hasCause(boom);
    }

    @Test
    void areIgnoredWhenTheOptionIsOff() {
      RunOptions relaxed = RunOptions.defaults().failOnUnobservedFailures(false);
      String result =
          Weft.run(
              relaxed,
              () -> {
                Weft.spawn(
                    "worker",
                    () -> {
                      throw new IllegalStateException("boom");
                    });
                Weft.sleep(ofSeconds(1));
                return "done";
              });
      assertThat(result).isEqualTo("done");
    }

    @Test
    void doNotIncludeFailuresThatWereJoined() {
      String result =
          Weft.run(
              () -> {
                Task<Void> worker =
                    Weft.spawn(
                        "worker",
                        () -> {
                          throw new IllegalStateException("boom");
                        });
                try {
                  worker.join();
                } catch (IllegalStateException expected) {
                  return "caught " + expected.getMessage();
                }
                return "not caught";
              });
      assertThat(result).isEqualTo("caught boom");
    }

    @Test
    void areSuppressedIntoMainsOwnFailureInTheOrderTheyHappened() {
      IllegalArgumentException mainFailure = new IllegalArgumentException("main failed");
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        failer("second", ofSeconds(2), new IllegalStateException("second"));
                        failer("first", ofSeconds(1), new IllegalStateException("first"));
                        Weft.sleep(ofSeconds(3));
                        throw mainFailure;
                      }))
          .isSameAs(mainFailure)
          .satisfies(
              e ->
                  assertThat(e.getSuppressed())
                      .extracting(Throwable::getMessage)
                      .allSatisfy(m -> assertThat(m).contains("nothing observed the failure"))
                      .satisfiesExactly(
                          m -> assertThat(m).startsWith("Task 'first' failed at virtual time 1s"),
                          m ->
                              assertThat(m).startsWith("Task 'second' failed at virtual time 2s")));
    }

    @Test
    void includeFailuresOfLeftoversDuringShutdown() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Weft.spawn(
                            "leftover",
                            () -> {
                              try {
                                Weft.sleep(ofSeconds(10));
                              } catch (CancelledException e) {
                                throw new IllegalStateException("cleanup failed");
                              }
                            });
                        Weft.sleep(ofSeconds(1));
                        return null;
                      }))
          .isInstanceOf(TaskFailedException.class)
          .hasMessageStartingWith(
              "Task 'leftover' failed at virtual time 1s, while being cancelled after main returned,"
                  + " with java.lang.IllegalStateException: cleanup failed");
    }

    @Test
    void includeFailingCallbacks() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Weft.callLater(
                            ofSeconds(1),
                            () -> {
                              throw new IllegalStateException("tick failed");
                            });
                        Weft.sleep(ofSeconds(2));
                        return null;
                      }))
          .isInstanceOf(TaskFailedException.class)
          .hasMessageStartingWith(
              "A callback (callLater(1s) from Task 'main') failed at virtual time 1s with"
                  + " java.lang.IllegalStateException: tick failed.");
    }

    @Test
    void ofAPromiseAreReportedToo() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Promise<String> reply = Weft.promise("reply");
                        reply.fail(new IllegalStateException("no reply"));
                        return Duration.ZERO;
                      }))
          .isInstanceOf(TaskFailedException.class)
          .hasMessageStartingWith("Promise 'reply' failed at virtual time 0s");
    }
  }
}
