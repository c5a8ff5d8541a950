package dev.weft;

import static dev.weft.TestPrograms.logsName;
import static dev.weft.Weft.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order in which a default run executes tasks and callbacks: asyncio's FIFO passes (semantics
 * §1.1), what suspends (semantics §1.2) and task creation (semantics §2.1). Timers are in {@link
 * TimersAndCallbacksTests}, promises in {@link PromiseTests}.
 */
class SchedulingTests {

  /** A task body that appends {@code name + 1}, yields, appends {@code name + 2}, and so on. */
  private static ThrowingRunnable steps(List<String> log, String name, int count) {
    return () -> {
      for (int i = 1; i <= count; i++) {
        if (i > 1) {
          Weft.yieldNow();
        }
        log.add(name + i);
      }
    };
  }

  /** Spec 1.1: the ready queue, passes, and when woken tasks run. */
  @Nested
  class ReadyQueueAndPasses {

    @Test
    void threeYieldingTasksRunRoundRobin() {
      List<String> log = new ArrayList<>();
      run(
          () -> {
            Weft.gather(
                Weft.spawn("a", steps(log, "a", 3)),
                Weft.spawn("b", steps(log, "b", 3)),
                Weft.spawn("c", steps(log, "c", 3)));
          });

      assertThat(log).containsExactly("a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3");
    }

    @Test
    void callbacksScheduledDuringAPassRunInTheNextPass() {
      // The pass that runs A and B begins with the timer due at 0 moved behind them; C, scheduled
      // by A during that pass, waits for the next pass and so runs after the timer.
      List<String> log = new ArrayList<>();
      run(
          () -> {
            Weft.callSoon(
                () -> {
                  log.add("A");
                  Weft.callSoon(() -> log.add("C"));
                });
            Weft.callSoon(() -> log.add("B"));
            Weft.callLater(Duration.ZERO, () -> log.add("timer"));
            Weft.sleep(Duration.ofSeconds(1));
          });

      assertThat(log).containsExactly("A", "B", "timer", "C");
    }

    @Test
    void completingAPromiseNeverRunsItsJoinersBeforeTheCompleterContinues() {
      List<String> log = new ArrayList<>();
      run(
          () -> {
            Promise<String> reply = Weft.promise();
            Task<Void> waiter =
                Weft.spawn(
                    "waiter",
                    () -> {
                      log.add("waiter got " + reply.join());
                    });
            Weft.yieldNow();

            reply.complete("pong");
            log.add("completer continues");
            assertThat(reply.isDone()).isTrue();
            assertThat(waiter.isDone()).isFalse();
            Weft.yieldNow();
            log.add("completer after yield");
          });

      assertThat(log)
          .containsExactly("completer continues", "waiter got pong", "completer after yield");
    }

    @Test
    void tasksWokenInOneStepResumeInTheOrderTheyWereWoken() {
      List<String> log = new ArrayList<>();
      run(
          () -> {
            List<Promise<String>> promises = new ArrayList<>();
            List<Task<Void>> waiters = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
              Promise<String> promise = Weft.promise();
              promises.add(promise);
              String name = "w" + i;
              waiters.add(
                  Weft.spawn(
                      name,
                      () -> {
                        log.add(name + " " + promise.join());
                      }));
            }
            Weft.yieldNow();

            promises.get(2).complete("third");
            promises.get(0).complete("first");
            promises.get(1).complete("second");
            Weft.gather(waiters);
          });

      assertThat(log).containsExactly("w3 third", "w1 first", "w2 second");
    }
  }

  /** Spec 1.2: which operations suspend the calling task and which do not. */
  @Nested
  class WhatSuspends {

    @Test
    void spawnDoesNotRunTheChild() {
      List<String> log = new ArrayList<>();
      run(
          () -> {
            Task<Void> child =
                Weft.spawn(
                    "child",
                    () -> {
                      log.add("child");
                    });
            log.add("after spawn");
            assertThat(child.isDone()).isFalse();
            child.join();
          });

      assertThat(log).containsExactly("after spawn", "child");
    }

    @Test
    void joiningADoneTaskDoesNotSuspend() {
      List<String> log = new ArrayList<>();
      run(
          () -> {
            Task<String> done = Weft.spawn("done", () -> "result");
            Weft.yieldNow();
            assertThat(done.isDone()).isTrue();

            Weft.spawn(
                "child",
                () -> {
                  log.add("child");
                });
            log.add("joined " + done.join());
            log.add("before yield");
            Weft.yieldNow();
            log.add("after yield");
          });

      assertThat(log).containsExactly("joined result", "before yield", "child", "after yield");
    }

    @ParameterizedTest(name = "sleep({0} ms)")
    @ValueSource(longs = {0, -1, -60_000})
    void sleepOfZeroOrLessIsOneBareYield(long millis) {
      // A timer due "now" would only be moved to the ready queue at the next pass, so "other" would
      // take its second step before main resumed; a bare yield puts main right behind "other".
      List<String> log = new ArrayList<>();
      List<String> events = new ArrayList<>();
      List<String> yieldEvents = new ArrayList<>();

      runRecording(events, () -> Weft.sleep(Duration.ofMillis(millis)), log);
      runRecording(yieldEvents, Weft::yieldNow, new ArrayList<>());

      assertThat(log).containsExactly("other1", "main at PT0S", "other2");
      assertThat(events).isEqualTo(yieldEvents);
    }

    private void runRecording(List<String> events, ThrowingRunnable pause, List<String> log) {
      run(
          RunOptions.defaults().listener(event -> events.add(event.toString())),
          () -> {
            Task<Void> other = Weft.spawn("other", steps(log, "other", 2));
            pause.run();
            log.add("main at " + Weft.elapsed());
            other.join();
          });
    }
  }

  /** Spec 2.1: creating tasks, their names, and the task that is running. */
  @Nested
  class CreatingTasks {

    @Test
    void tasksCreatedBackToBackStartInCreationOrder() {
      List<String> log = new ArrayList<>();
      run(
          () -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (String name : List.of("e", "b", "d", "a", "c")) {
              tasks.add(logsName(name, log));
            }
            Weft.gather(tasks);
          });

      assertThat(log).containsExactly("e", "b", "d", "a", "c");
    }

    @Test
    void aTaskSpawnedBeforeAPromiseIsCompletedRunsBeforeItsJoiners() {
      // CPython's EventTests.test_wait, with a promise for the event: T3's first step is queued
      // before complete() schedules the wake-ups of T1 and T2.
      List<Integer> order = new ArrayList<>();
      run(
          () -> {
            Promise<Void> event = Weft.promise("event");
            Weft.spawn(
                "T1",
                () -> {
                  event.join();
                  order.add(1);
                });
            Weft.spawn(
                "T2",
                () -> {
                  event.join();
                  order.add(2);
                });
            Weft.yieldNow();

            Weft.spawn(
                "T3",
                () -> {
                  order.add(3);
                });
            event.complete(null);
            Weft.yieldNow();
            assertThat(order).containsExactly(3, 1, 2);
          });
    }

    @Test
    void unnamedTasksAreNumberedAndMainIsCalledMain() {
      List<String> names = new ArrayList<>();
      run(
          () -> {
            names.add(Weft.current().name());
            names.add(Weft.spawn(() -> 1).name());
            names.add(Weft.spawn("named", () -> 2).name());
            names.add(Weft.spawn(() -> 3).name());
            Weft.yieldNow();
          });

      assertThat(names).containsExactly("main", "Task-1", "named", "Task-2");
    }

    @Test
    void currentReturnsTheRunningTask() {
      List<String> log = new ArrayList<>();
      List<Task<?>> seen = new ArrayList<>();
      run(
          () -> {
            ThrowingRunnable body =
                () -> {
                  Task<?> self = Weft.current();
                  seen.add(self);
                  Weft.yieldNow();
                  log.add(self.name() + (Weft.current() == self ? " still current" : " lost"));
                };
            Task<Void> a = Weft.spawn("a", body);
            Task<Void> b = Weft.spawn("b", body);
            Weft.gather(a, b);
            assertThat(seen.get(0)).isSameAs(a);
            assertThat(seen.get(1)).isSameAs(b);
            log.add(Weft.current().name());
          });

      assertThat(log).containsExactly("a still current", "b still current", "main");
    }

    @Test
    void aTaskJoiningItselfIsRejected() {
      Throwable thrown = catchThrowable(() -> run(() -> Weft.current().join()));

      assertThat(thrown)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Task 'main'")
          .hasMessageContaining("cannot wait for itself");
    }
  }
}
