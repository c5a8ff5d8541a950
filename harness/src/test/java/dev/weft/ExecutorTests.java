package dev.weft;

import static java.time.Duration.ofSeconds;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code Weft.executor()}: a {@code ScheduledExecutorService} whose work runs as tasks of the run,
 * on virtual time, with {@code ScheduledThreadPoolExecutor}'s defaults.
 *
 * <p>semantics §6.1.
 */
class ExecutorTests {

  /** Virtual seconds since the run started, for logs. */
  private static String at() {
    return "@" + dev.weft.internal.VirtualTime.format(Weft.elapsed().toNanos());
  }

  @Nested
  @DisplayName("execute and submit spawn ordinary tasks")
  class Submitting {
    @Test
    void submitRunsTheWorkAsANamedTaskOnceTheCallerWaitsAndGetReturnsItsResult() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Future<String> future =
                executor.submit(
                    () -> {
                      log.add("runs in " + Weft.current().name());
                      return "done";
                    });
            log.add("submitted; done=" + future.isDone());
            log.add("got " + future.get());
            assertThat(future.isDone()).isTrue();
          });
      assertThat(log)
          .containsExactly("submitted; done=false", "runs in executor-1-task-1", "got done");
    }

    @Test
    void tasksAreNumberedPerExecutorAndExecutorsPerRunOrNamedByTheCaller() {
      List<String> names = Collections.synchronizedList(new ArrayList<>());
      Weft.run(
          () -> {
            ScheduledExecutorService first = Weft.executor();
            ScheduledExecutorService second = Weft.executor();
            ScheduledExecutorService named = Weft.executor("evictor");
            List<Future<?>> futures = new ArrayList<>();
            for (ScheduledExecutorService executor : List.of(first, second, named, first)) {
              futures.add(executor.submit(() -> names.add(Weft.current().name())));
            }
            for (Future<?> future : futures) {
              future.get();
            }
          });
      assertThat(names)
          .containsExactly(
              "executor-1-task-1", "executor-2-task-1", "evictor-task-1", "executor-1-task-2");
    }

    @Test
    void executeAndSubmitRunInTheOrderGivenAsSpawnedTasksDo() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            executor.execute(() -> log.add("a"));
            Future<?> b =
                executor.submit(
                    () -> {
                      log.add("b");
                    });
            Future<Integer> c = executor.submit(() -> log.add("c"), 3);
            Task<Boolean> d = Weft.spawn("d", () -> log.add("d"));
            assertThat(c.get()).isEqualTo(3);
            assertThat(b.get()).isEqualTo(null);
            d.join();
          });
      assertThat(log).containsExactly("a", "b", "c", "d");
    }

    @Test
    void completableFuturesRunOnTheExecutorAndAreAwaitedInWeft() {
      int answer =
          Weft.run(
              () -> {
                ScheduledExecutorService executor = Weft.executor();
                CompletableFuture<Integer> base =
                    CompletableFuture.supplyAsync(
                        () -> {
                          Weft.sleep(ofSeconds(2));
                          return 40;
                        },
                        executor);
                return Weft.await(base.thenApplyAsync(x -> x + 2, executor));
              });
      assertThat(answer).isEqualTo(42);
    }

    @Test
    void aCheckedFailureComesWrappedInExecutionExceptionAndCountsAsObserved() throws Exception {
      IOException failure = new IOException("disk full");
      Throwable thrown =
          Weft.run(
              () -> {
                Future<Object> future =
                    Weft.executor()
                        .submit(
                            () -> {
                              throw failure;
                            });
                return catchThrowable(future::get);
              });
      assertThat(thrown).isInstanceOf(ExecutionException.class).hasCause(failure);
    }

    @Test
    void aFailureNobodyReadsFailsTheRunAndNamesTheTaskUnlikeTheJdkWhichDropsIt() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Weft.executor()
                            .execute(
                                () -> {
                                  throw new IllegalStateException("boom");
                                });
                        Weft.sleep(ofSeconds(1));
                      }))
          .isInstanceOf(TaskFailedException.class)
          .hasMessageStartingWith(
              "Task 'executor-1-task-1' failed at virtual time 0s with"
                  + " java.lang.IllegalStateException: boom, and nothing observed the failure");
    }
  }

  @Nested
  @DisplayName("schedule runs on virtual time")
  class Scheduling {
    @Test
    void scheduleRunsTheCommandWhenItIsDueOnTheVirtualClock() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            ScheduledFuture<String> late =
                executor.schedule(
                    () -> {
                      log.add("late " + at());
                      return "late";
                    },
                    2,
                    SECONDS);
            ScheduledFuture<?> early =
                executor.schedule(() -> log.add("early " + at()), 500, MILLISECONDS);
            assertThat(late.getDelay(MILLISECONDS)).isEqualTo(2000);
            assertThat(late.compareTo(early)).isPositive();
            assertThat(early.compareTo(late)).isNegative();
            assertThat(late.compareTo(late)).isZero();
            assertThat(late.get()).isEqualTo("late");
            log.add("main " + at());
          });
      assertThat(log).containsExactly("early @0.5s", "late @2s", "main @2s");
    }

    @Test
    void fixedRateRunsAtInitialDelayPlusMultiplesOfThePeriodAndCatchesUpWhenLate() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            int[] runs = {0};
            ScheduledFuture<?> ticks =
                executor.scheduleAtFixedRate(
                    () -> {
                      log.add("tick " + at());
                      if (++runs[0] == 2) {
                        Weft.sleep(ofSeconds(3)); // overruns: the next runs start at once
                      }
                    },
                    1,
                    2,
                    SECONDS);
            Weft.sleep(ofSeconds(10));
            assertThat(ticks.cancel(false)).isTrue();
            assertThat(ticks.isCancelled()).isTrue();
            assertThat(catchThrowable(ticks::get)).isInstanceOf(CancellationException.class);
          });
      assertThat(log).containsExactly("tick @1s", "tick @3s", "tick @6s", "tick @7s", "tick @9s");
    }

    @Test
    void fixedDelayWaitsTheDelayAfterEachRunEnds() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            ScheduledFuture<?> ticks =
                executor.scheduleWithFixedDelay(
                    () -> {
                      log.add("tick " + at());
                      Weft.sleep(ofSeconds(1));
                    },
                    0,
                    2,
                    SECONDS);
            Weft.sleep(ofSeconds(7));
            ticks.cancel(true);
          });
      assertThat(log).containsExactly("tick @0s", "tick @3s", "tick @6s");
    }

    @Test
    void aPeriodicCommandThatThrowsEndsItsScheduleAndItsFutureHoldsTheFailure() {
      List<String> log = new ArrayList<>();
      Throwable thrown =
          Weft.run(
              () -> {
                ScheduledFuture<?> ticks =
                    Weft.executor()
                        .scheduleAtFixedRate(
                            () -> {
                              log.add("tick " + at());
                              if (log.size() == 2) {
                                throw new IllegalStateException("second tick fails");
                              }
                            },
                            1,
                            1,
                            SECONDS);
                Throwable failure = catchThrowable(ticks::get);
                log.add("get returned " + at());
                return failure;
              });
      assertThat(log).containsExactly("tick @1s", "tick @2s", "get returned @2s");
      assertThat(thrown)
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("second tick fails");
    }

    @Test
    void getWithATimeoutTimesOutInVirtualTimeWithTheJdksTimeoutException() {
      Weft.run(
          () -> {
            ScheduledFuture<String> slow = Weft.executor().schedule(() -> "slow", 10, SECONDS);
            assertThatThrownBy(() -> slow.get(3, SECONDS))
                .isInstanceOf(TimeoutException.class)
                .hasMessage(
                    "Future.get(3s) of Task 'executor-1-task-1' timed out at virtual time 3s");
            assertThat(Weft.elapsed()).isEqualTo(ofSeconds(3));
            assertThatThrownBy(() -> slow.get(0, SECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(slow.get(1, java.util.concurrent.TimeUnit.DAYS)).isEqualTo("slow");
            assertThat(Weft.elapsed()).isEqualTo(ofSeconds(10));
          });
    }
  }

  @Nested
  @DisplayName("cancel takes effect at once; the task is asked to cancel")
  class Cancelling {
    @Test
    void workCancelledBeforeItStartsNeverRunsAndItsFutureIsDoneAtOnce() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Future<?> now = executor.submit(() -> log.add("now"));
            ScheduledFuture<?> later = executor.schedule(() -> log.add("later"), 1, SECONDS);
            assertThat(now.cancel(false)).isTrue();
            assertThat(later.cancel(false)).isTrue();
            assertThat(now.isDone()).isTrue();
            assertThat(later.isCancelled()).isTrue();
            assertThat(now.cancel(true)).isFalse();
            assertThatThrownBy(later::get)
                .isInstanceOf(CancellationException.class)
                .hasMessage(
                    "The future of Task 'executor-1-task-2' was cancelled by main at virtual time 0s");
            executor.shutdown();
            assertThat(executor.awaitTermination(5, SECONDS)).isTrue();
            assertThat(Weft.elapsed()).isEqualTo(Duration.ZERO); // the delayed task ended at once
          });
      assertThat(log).isEmpty();
    }

    @Test
    void cancelFalseLetsARunningCommandFinishButTheFutureIsCancelled() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Future<String> running =
                Weft.executor()
                    .submit(
                        () -> {
                          Weft.sleep(ofSeconds(2));
                          log.add("finished " + at());
                          return "value";
                        });
            Weft.sleep(ofSeconds(1));
            assertThat(running.cancel(false)).isTrue();
            assertThat(catchThrowable(running::get)).isInstanceOf(CancellationException.class);
            log.add("get returned " + at());
            Weft.sleep(ofSeconds(2));
          });
      assertThat(log).containsExactly("get returned @1s", "finished @2s");
    }

    @Test
    void aCommandThatFailsAfterItsFutureWasCancelledDoesNotFailTheRun() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Future<String> ignoresCancel =
                executor.submit(
                    () -> {
                      Weft.sleep(ofSeconds(2));
                      log.add("throws " + at());
                      throw new IllegalStateException("nobody can read this");
                    });
            Future<?> catchesCancel =
                executor.submit(
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(2));
                      } catch (CancelledException e) {
                        log.add("cancelled, throws " + at());
                        throw new IllegalStateException("interrupted", e);
                      }
                    });
            Weft.sleep(ofSeconds(1));
            assertThat(ignoresCancel.cancel(false)).isTrue();
            assertThat(catchesCancel.cancel(true)).isTrue();
            Weft.sleep(ofSeconds(2));
            assertThat(catchThrowable(ignoresCancel::get))
                .isInstanceOf(CancellationException.class);
            assertThat(catchThrowable(catchesCancel::get))
                .isInstanceOf(CancellationException.class);
          });
      // As FutureTask drops what a cancelled command throws, and get() can only say "cancelled".
      assertThat(log).containsExactly("cancelled, throws @1s", "throws @2s");
    }

    @Test
    void cancelTrueCancelsTheTaskWhichTheCommandMeetsAtItsNextWeftWaitAsAnInterrupt() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Future<?> running =
                Weft.executor()
                    .submit(
                        () -> {
                          try {
                            Weft.sleep(ofSeconds(2));
                            log.add("finished");
                          } catch (CancelledException e) {
                            log.add("cancelled " + at());
                            throw e;
                          }
                        });
            Weft.sleep(ofSeconds(1));
            running.cancel(true);
            Weft.yieldNow();
          });
      assertThat(log).containsExactly("cancelled @1s");
    }

    @Test
    void cancellingOneTaskThatWaitsInGetLeavesTheWorkOtherTasksWaitFor() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Future<String> shared =
                Weft.executor()
                    .submit(
                        () -> {
                          Weft.sleep(ofSeconds(2));
                          return "shared";
                        });
            Task<String> impatient = Weft.spawn("impatient", () -> shared.get());
            Task<String> patient = Weft.spawn("patient", () -> shared.get());
            Weft.sleep(ofSeconds(1));
            impatient.cancel();
            log.add("impatient: " + catchThrowable(impatient::join).getClass().getSimpleName());
            log.add("shared cancelled: " + shared.isCancelled());
            log.add("patient: " + patient.join() + " " + at());
          });
      assertThat(log)
          .containsExactly(
              "impatient: CancelledException", "shared cancelled: false", "patient: shared @2s");
    }
  }

  @Nested
  @DisplayName("shutdown, shutdownNow, awaitTermination")
  class ShuttingDown {
    @Test
    void shutdownRejectsNewWorkRunsDelayedWorkAndStopsPeriodicWork() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            ScheduledFuture<?> delayed =
                executor.schedule(() -> log.add("delayed " + at()), 5, SECONDS);
            ScheduledFuture<?> periodic =
                executor.scheduleAtFixedRate(() -> log.add("tick " + at()), 0, 1, SECONDS);
            Weft.sleep(Duration.ofMillis(1500));
            executor.shutdown();
            assertThat(executor.isShutdown()).isTrue();
            assertThat(executor.isTerminated()).isFalse();
            assertThat(periodic.isCancelled()).isTrue();
            assertThatThrownBy(() -> executor.submit(() -> 1))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage(
                    "executor 'executor-1' rejected submit(...): it was shut down by Task 'main' at"
                        + " virtual time 1.5s, and a shut-down executor takes no new work"
                        + " (ScheduledThreadPoolExecutor's AbortPolicy).");
            assertThat(executor.awaitTermination(1, SECONDS)).isFalse();
            log.add("not terminated " + at());
            assertThat(executor.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS)).isTrue();
            log.add("terminated " + at() + " " + executor.isTerminated());
            assertThat(delayed.isDone()).isTrue();
          });
      assertThat(log)
          .containsExactly(
              "tick @0s", "tick @1s", "not terminated @2.5s", "delayed @5s", "terminated @5s true");
    }

    @Test
    void shutdownNowReturnsTheWorkNotStartedLeavesItsFuturesPendingAndCancelsTheRunningWork() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Future<?> running =
                executor.submit(
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(10));
                      } catch (CancelledException e) {
                        log.add("running task cancelled " + at());
                        throw e;
                      }
                    });
            ScheduledFuture<?> waiting = executor.schedule(() -> log.add("never"), 5, SECONDS);
            Weft.sleep(ofSeconds(1));
            List<Runnable> notStarted = executor.shutdownNow();
            assertThat(notStarted).containsExactly((Runnable) waiting);
            assertThat(waiting.isDone()).isFalse();
            assertThat(executor.awaitTermination(1, SECONDS)).isTrue();
            assertThat(running.isCancelled()).isTrue();
            assertThat(waiting.isDone()).isFalse(); // as the JDK's: pending until someone acts
            notStarted.get(0).run(); // a stopped executor's work cancels itself when run by hand
            assertThat(waiting.isCancelled()).isTrue();
            log.add("terminated " + at());
          });
      assertThat(log).containsExactly("running task cancelled @1s", "terminated @1s");
    }

    @Test
    void closeOnJava19AndLaterShutsDownAndWaitsInWeft() throws Throwable {
      Assumptions.assumeTrue(
          Runtime.version().feature() >= 19, "ExecutorService.close is Java 19+");
      MethodHandle close =
          MethodHandles.publicLookup()
              .findVirtual(
                  java.util.concurrent.ExecutorService.class,
                  "close",
                  MethodType.methodType(void.class));
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            executor.schedule(() -> log.add("ran " + at()), 1, java.util.concurrent.TimeUnit.HOURS);
            try {
              close.invoke(executor);
            } catch (Throwable e) {
              throw new AssertionError(e);
            }
            log.add("closed " + at() + ", terminated " + executor.isTerminated());
          });
      assertThat(log).containsExactly("ran @3600s", "closed @3600s, terminated true");
    }

    @Test
    void awaitTerminationOfAnExecutorNeverShutDownIsPartOfADeadlockReport() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        ScheduledExecutorService executor = Weft.executor();
                        Promise<String> reply = Weft.promise("reply");
                        executor.submit(reply::join);
                        executor.awaitTermination(Long.MAX_VALUE, SECONDS);
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main               blocked in awaitTermination(executor 'executor-1'), never shut"
                  + " down, tasks not ended: executor-1-task-1\n"
                  + "  executor-1-task-1  blocked in join(Promise 'reply')\n");
    }

    @Test
    void aTaskWaitingInGetIsNamedInADeadlockReport() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Promise<String> reply = Weft.promise("reply");
                        Weft.executor().submit(reply::join).get();
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main               blocked in Future.get(Task 'executor-1-task-1')\n"
                  + "  executor-1-task-1  blocked in join(Promise 'reply')\n");
    }
  }

  @Nested
  @DisplayName("waits that never end")
  class NeverEnding {
    @Test
    void aGetWithATimeoutTooLongForTheClockWaitsForGoodAndSoIsPartOfADeadlock() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Promise<String> reply = Weft.promise("reply");
                        Weft.executor()
                            .submit(reply::join)
                            .get(Long.MAX_VALUE, java.util.concurrent.TimeUnit.DAYS);
                      }))
          .isInstanceOf(DeadlockException.class)
          .hasMessageContaining(
              "  main               blocked in Future.get(Task 'executor-1-task-1')\n");
    }

    @Test
    void workScheduledPastTheEndOfTheVirtualClockIsNeverDue() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      RunOptions.defaults().failOnLeftoverTasks(true),
                      () -> {
                        Weft.executor().schedule(() -> {}, Long.MAX_VALUE, SECONDS);
                        Weft.sleep(ofSeconds(1));
                      }))
          .isInstanceOf(LeftoverTasksException.class)
          .hasMessageContaining(
              "  executor-1-task-1  blocked in schedule on executor 'executor-1', never due (its"
                  + " delay is past the end of the virtual clock)\n");
    }

    @Test
    void aCancelledInvokeAllCancelsItsWork() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Callable<String> slow =
                () -> {
                  try {
                    Weft.sleep(ofSeconds(10));
                    return "slow";
                  } catch (CancelledException e) {
                    log.add(Weft.current().name() + " cancelled at " + at());
                    throw e;
                  }
                };
            Task<List<Future<String>>> caller =
                Weft.spawn("caller", () -> executor.invokeAll(List.of(slow, slow)));
            Weft.sleep(ofSeconds(1));
            caller.cancel();
            assertThat(catchThrowable(caller::join)).isInstanceOf(CancelledException.class);
            executor.shutdown();
            assertThat(executor.awaitTermination(1, SECONDS)).isTrue();
          });
      assertThat(log)
          .containsExactly(
              "executor-1-task-1 cancelled at @1s", "executor-1-task-2 cancelled at @1s");
    }
  }

  @Nested
  @DisplayName("invokeAll and invokeAny wait in Weft")
  class Invoking {
    private Callable<String> after(long seconds, String value) {
      return () -> {
        Weft.sleep(ofSeconds(seconds));
        return value;
      };
    }

    @Test
    void invokeAllWaitsForEveryTaskAndReturnsTheirFuturesInOrder() {
      Weft.run(
          () -> {
            List<Future<String>> futures =
                Weft.executor().invokeAll(List.of(after(3, "a"), after(1, "b")));
            assertThat(Weft.elapsed()).isEqualTo(ofSeconds(3));
            assertThat(futures.get(0).get()).isEqualTo("a");
            assertThat(futures.get(1).get()).isEqualTo("b");
          });
    }

    @Test
    void invokeAllWithATimeoutCancelsWhatHasNotFinished() {
      Weft.run(
          () -> {
            List<Future<String>> futures =
                Weft.executor().invokeAll(List.of(after(1, "a"), after(5, "b")), 2, SECONDS);
            assertThat(Weft.elapsed()).isEqualTo(ofSeconds(2));
            assertThat(futures.get(0).get()).isEqualTo("a");
            assertThat(futures.get(1).isCancelled()).isTrue();
          });
    }

    @Test
    void invokeAnyReturnsTheFirstResultAndCancelsTheRest() {
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Callable<String> fails =
                () -> {
                  throw new IOException("first to end, but failed");
                };
            String first = executor.invokeAny(List.of(after(3, "slow"), fails, after(1, "fast")));
            assertThat(first).isEqualTo("fast");
            assertThat(Weft.elapsed()).isEqualTo(ofSeconds(1));
            executor.shutdown();
            assertThat(executor.awaitTermination(1, SECONDS)).isTrue();
            assertThat(Weft.elapsed()).isEqualTo(ofSeconds(1)); // the slow one was cancelled
          });
    }

    @Test
    void invokeAnyDropsTheFailuresOfTheOtherTasksAsItsCallerCannotReadThem() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Callable<String> failsLater =
                () -> {
                  log.add("second fails " + at());
                  throw new IllegalStateException("after the first result");
                };
            assertThat(executor.invokeAny(List.of(() -> "first", failsLater))).isEqualTo("first");
            log.add("invokeAny returned " + at());
          });
      // Both tasks ran before the caller resumed; the run ends normally, as nothing can read the
      // second task's failure: invokeAny hands out no futures.
      assertThat(log).containsExactly("second fails @0s", "invokeAny returned @0s");
    }

    @Test
    void invokeAnyThrowsTheLastFailureWhenAllFailAndTimesOutInVirtualTime() {
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Callable<String> a =
                () -> {
                  throw new IllegalStateException("a");
                };
            Callable<String> b =
                () -> {
                  Weft.sleep(ofSeconds(1));
                  throw new IllegalStateException("b");
                };
            assertThatThrownBy(() -> executor.invokeAny(List.of(b, a)))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("b");
            assertThatThrownBy(() -> executor.invokeAny(List.of(after(5, "x")), 2, SECONDS))
                .isInstanceOf(TimeoutException.class)
                .hasMessage(
                    "invokeAny(timeout) on executor 'executor-1' timed out at virtual time 3s with"
                        + " no task completed");
          });
    }
  }

  @Nested
  @DisplayName("bad input and misuse")
  class Misuse {
    @Test
    void nullArgumentsAreNullPointerExceptionsAndBadPeriodsIllegalArgumentExceptions() {
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            assertThatThrownBy(() -> executor.execute(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("command must not be null");
            assertThatThrownBy(() -> executor.submit((Callable<String>) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("task must not be null");
            assertThatThrownBy(() -> executor.schedule(() -> {}, 1, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("unit must not be null");
            assertThatThrownBy(() -> executor.invokeAll(null))
                .isInstanceOf(NullPointerException.class);
            List<Callable<String>> withNull = new ArrayList<>();
            withNull.add(() -> "x");
            withNull.add(null);
            assertThatThrownBy(() -> executor.invokeAny(withNull))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("invokeAny: tasks must not contain null, but element 1 is null");
            assertThatThrownBy(() -> executor.invokeAny(List.<Callable<String>>of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invokeAny needs at least one task, but tasks was empty");
            assertThatThrownBy(() -> executor.scheduleAtFixedRate(() -> {}, 0, 0, SECONDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheduleAtFixedRate: period must be positive, but was 0 SECONDS");
            assertThatThrownBy(() -> executor.scheduleWithFixedDelay(() -> {}, 0, -1, SECONDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheduleWithFixedDelay: delay must be positive, but was -1 SECONDS");
            assertThatThrownBy(() -> Weft.executor(" "))
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(executor.isShutdown()).isFalse(); // nothing was started
          });
    }

    @Test
    void outsideARunWeftExecutorSaysSo() {
      assertThatThrownBy(Weft::executor)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Weft.executor needs a running Weft loop");
    }

    @Test
    void anExecutorUsedAfterItsRunEndedOrFromAnotherRunSaysWhichRunsAreInvolved() {
      ScheduledExecutorService kept =
          Weft.run(
              () -> {
                Weft.sleep(ofSeconds(1));
                return Weft.executor();
              });
      assertThatThrownBy(() -> kept.submit(() -> 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "executor 'executor-1': submit(...) was called on thread '"
                  + Thread.currentThread().getName()
                  + "' after the Weft run the executor belongs to had ended (Weft.executor() made"
                  + " it in Task 'main' at virtual time 1s). An executor from Weft.executor() works"
                  + " only in its own run: make one in each run.");
      Future<?> leftover = Weft.run(() -> Weft.executor("left").schedule(() -> {}, 1, SECONDS));
      assertThat(leftover.isCancelled()).isTrue();
      assertThatThrownBy(leftover::get)
          .isInstanceOf(CancellationException.class)
          .hasMessage(
              "The future of Task 'left-task-1' was cancelled by the end of its run at virtual"
                  + " time 0s");
      Future<?> drained =
          Weft.run(
              () -> {
                ScheduledExecutorService executor = Weft.executor("drained");
                ScheduledFuture<?> future = executor.schedule(() -> {}, 1, SECONDS);
                executor.shutdownNow();
                return future;
              });
      assertThatThrownBy(drained::get)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "executor 'drained': Future.get() was called on thread '"
                  + Thread.currentThread().getName()
                  + "' after the Weft run the executor belongs to had ended");
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Weft.sleep(ofSeconds(2));
                        kept.execute(() -> {});
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "executor 'executor-1': execute(...) was called from Task 'main' at virtual time 2s"
                  + " of another Weft run than the one the executor belongs to (Weft.executor()"
                  + " made it in Task 'main' at virtual time 1s, in a run that has ended)."
                  + " Executors cannot be shared between runs: call Weft.executor() in each run.");
    }

    @Test
    void aThreadOutsideTheRunCannotGiveTheExecutorWork() {
      AtomicReference<Throwable> seen = new AtomicReference<>();
      Weft.run(
          () -> {
            ScheduledExecutorService executor = Weft.executor();
            Thread outside =
                new Thread(
                    () -> seen.set(catchThrowable(() -> executor.execute(() -> {}))), "outsider");
            outside.start();
            outside.join(); // blocks outside Weft for a moment: the watchdog allows 30 s
          });
      assertThat(seen.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "executor 'executor-1': execute(...) was called on thread 'outsider', which Weft does"
                  + " not run, while the run the executor belongs to goes on");
    }

    @Test
    void getFromACallbackCannotWait() {
      AtomicReference<Throwable> seen = new AtomicReference<>();
      Weft.run(
          () -> {
            Future<Integer> future = Weft.executor().schedule(() -> 1, 1, SECONDS);
            Weft.callSoon(() -> seen.set(catchThrowable(future::get)));
            future.get();
          });
      assertThat(seen.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "executor 'executor-1': Future.get() must be called from a task, but it was called"
                  + " from a callback");
    }
  }

  /** The README's example, run as {@code @WeftTest} runs it: leftover tasks fail the run. */
  @Nested
  @DisplayName("the README's sessions example")
  class ReadmeSessions {
    /** The README's production class, as shown there. */
    final class Sessions {
      private final java.util.Map<String, java.time.Instant> expiries =
          new java.util.LinkedHashMap<>();
      private final java.time.Clock clock;
      private final Duration ttl;

      Sessions(java.time.Clock clock, ScheduledExecutorService sweeper, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        sweeper.scheduleAtFixedRate(this::sweep, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
      }

      synchronized void open(String id) {
        expiries.put(id, clock.instant().plus(ttl));
      }

      synchronized boolean isOpen(String id) {
        return expiries.containsKey(id);
      }

      private synchronized void sweep() {
        expiries.values().removeIf(at -> !at.isAfter(clock.instant()));
      }
    }

    private final RunOptions asWeftTest = RunOptions.defaults().failOnLeftoverTasks(true);

    @Test
    void sessionsExpireAfterTheirTtlAndTheShutDownSweeperLeavesNoTask() {
      List<Long> sweeperSteps = new ArrayList<>();
      Weft.run(
          asWeftTest.listener(
              event -> {
                if (event.task().equals("sweeper-task-1") && event.kind() == RunEvent.Kind.RAN) {
                  sweeperSteps.add(event.time().toMinutes());
                }
              }),
          () -> {
            ScheduledExecutorService sweeper = Weft.executor("sweeper");
            Sessions sessions = new Sessions(Weft.clock(), sweeper, Duration.ofMinutes(5));
            sessions.open("alice");
            Weft.sleep(Duration.ofMinutes(4));
            assertThat(sessions.isOpen("alice")).isTrue();
            Weft.sleep(Duration.ofMinutes(2));
            assertThat(sessions.isOpen("alice")).isFalse();
            sweeper.shutdown();
            assertThat(sweeper.awaitTermination(1, SECONDS)).isTrue();
            assertThat(Weft.elapsed()).isEqualTo(Duration.ofMinutes(6));
          });
      // its first step, a sweep each minute; at 6 minutes main woke first (its timer was set
      // first) and shut the sweeper down, so that step delivered the cancellation instead
      assertThat(sweeperSteps).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aSweeperNeverShutDownIsALeftoverTaskAsAnyTaskIs() {
      assertThatThrownBy(
              () ->
                  Weft.run(
                      asWeftTest,
                      () -> {
                        ScheduledExecutorService sweeper = Weft.executor("sweeper");
                        new Sessions(Weft.clock(), sweeper, Duration.ofMinutes(5));
                        Weft.sleep(Duration.ofMinutes(2));
                      }))
          .isInstanceOf(LeftoverTasksException.class)
          .hasMessageContaining(
              "  sweeper-task-1  blocked in schedule on executor 'sweeper', due at 180s\n");
    }
  }

  /** The guide's retry with exponential backoff, as shown there. */
  @Nested
  @DisplayName("the guide's retry example")
  class GuideRetrier {
    final class Retrier {
      private final ScheduledExecutorService executor;

      Retrier(ScheduledExecutorService executor) {
        this.executor = executor;
      }

      <T> CompletableFuture<T> retry(Callable<T> call, int attempts, Duration backoff) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(call, attempts, backoff, result);
        return result;
      }

      private <T> void attempt(
          Callable<T> call, int left, Duration backoff, CompletableFuture<T> result) {
        executor.execute(
            () -> {
              try {
                result.complete(call.call());
              } catch (Exception e) {
                if (left == 1) {
                  result.completeExceptionally(e);
                } else {
                  executor.schedule(
                      () -> attempt(call, left - 1, backoff.multipliedBy(2), result),
                      backoff.toMillis(),
                      MILLISECONDS);
                }
              }
            });
      }
    }

    @Test
    void retriesWithExponentialBackoff() {
      Weft.run(
          RunOptions.defaults().failOnLeftoverTasks(true),
          () -> {
            java.time.Clock clock = Weft.clock();
            List<java.time.Instant> calls = new ArrayList<>();
            CompletableFuture<String> reply =
                new Retrier(Weft.executor("retry"))
                    .retry(
                        () -> {
                          calls.add(clock.instant());
                          if (calls.size() < 3) {
                            throw new IOException("unavailable");
                          }
                          return "ok";
                        },
                        5,
                        Duration.ofSeconds(1));
            assertThat(Weft.await(reply)).isEqualTo("ok");
            java.time.Instant epoch = java.time.Instant.EPOCH;
            assertThat(calls).containsExactly(epoch, epoch.plusSeconds(1), epoch.plusSeconds(3));
          });
    }
  }

  @Nested
  @DisplayName("executor tasks are explored")
  class Explored {
    /** Two submitted tasks each read a counter, wait, and write it back: a lost update. */
    private void lostUpdate() throws Exception {
      ScheduledExecutorService executor = Weft.executor();
      int[] counter = {0};
      Runnable increment =
          () -> {
            int read = counter[0];
            Weft.yieldNow();
            counter[0] = read + 1;
          };
      Future<?> a = executor.submit(increment);
      Future<?> b = executor.submit(increment);
      a.get();
      b.get();
      if (counter[0] != 2) {
        throw new AssertionError("lost an update: counter is " + counter[0]);
      }
    }

    @Test
    void anExplorationFindsARaceBetweenTasksOfTheExecutorAndNamesThem() {
      ExplorationResult result = Explorer.explore(this::lostUpdate).tries(200).run();
      assertThat(result.counterexample()).isPresent();
      assertThat(result.counterexample().get().toString())
          .contains("lost an update: counter is 1")
          .contains("executor-1-task-1")
          .contains("executor-1-task-2")
          .contains("Replayed twice more, with identical traces.");
    }
  }
}
