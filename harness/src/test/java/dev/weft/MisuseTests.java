package dev.weft;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Misuse fails fast, with a message that names what was wrong and what to do instead. */
class MisuseTests {

  @Nested
  @DisplayName("calls outside a running loop")
  class OutsideALoop {
    @Test
    void weftCallsNeedARunningLoop() {
      assertThatThrownBy(() -> Weft.sleep(ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "Weft.sleep needs a running Weft loop, but none is running on thread '")
          .hasMessageContaining("Call it from the code given to Weft.run(() -> ...)");
      assertThatThrownBy(() -> Weft.spawn("x", () -> 1))
          .hasMessageStartingWith("Weft.spawn needs a running Weft loop");
      assertThatThrownBy(Weft::elapsed)
          .hasMessageStartingWith("Weft.elapsed needs a running Weft loop");
    }

    @Test
    void aCallFromAThreadTheProgramStartedDuringARunSaysSo() throws Exception {
      Throwable[] seen = new Throwable[1];
      Weft.run(
          () -> {
            Thread foreign =
                new Thread(
                    () -> {
                      try {
                        Weft.spawn("x", () -> 1);
                      } catch (Throwable e) {
                        seen[0] = e;
                      }
                    },
                    "pool-1-thread-1");
            foreign.start();
            foreign.join(); // blocks outside Weft for a moment: the watchdog allows 30 s
            return null;
          });
      assertThat(seen[0])
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Weft.spawn was called on thread 'pool-1-thread-1', which Weft does not run. Weft calls"
                  + " work only in a run's tasks (the code given to Weft.run, a @WeftTest or @Explore"
                  + " body, and the tasks they spawn) and its callbacks, not on threads started by"
                  + " other means (an executor, CompletableFuture.runAsync, new Thread). Spawn a Weft"
                  + " task for that work instead.");
    }

    @Test
    void aSleepPastTheEndOfTheVirtualClockIsRefusedNotCut() {
      Duration threeHundredYears = Duration.ofDays(300 * 365L);
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Weft.sleep(threeHundredYears);
                        return null;
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Weft.sleep(PT2628000H) at virtual time 0s would wake up past the end of the virtual"
                  + " clock, about 292 years after the run started. Wait for less; to wait for good,"
                  + " wait on something that never happens, or use a timeout, which may be as long as"
                  + " you like.");
      Duration twoHundredYears = Duration.ofDays(200 * 365L);
      assertThatThrownBy(
              () ->
                  Weft.run(
                      () -> {
                        Weft.sleep(twoHundredYears);
                        Weft.callLater(twoHundredYears, () -> {});
                        return null;
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "Weft.callLater(PT1752000H) at virtual time 6307200000s would wake up past the end");
      assertThat(
              Weft.run(
                  () -> {
                    Weft.sleep(twoHundredYears);
                    return Weft.elapsed();
                  }))
          .isEqualTo(twoHundredYears);
    }

    @Test
    void runsDoNotNest() {
      assertThatThrownBy(() -> Weft.run(() -> Weft.run(() -> 1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Weft.run was called inside a running Weft.run (from Task 'main'). Runs cannot be nested:"
                  + " spawn a task with Weft.spawn, or call the code directly.");
    }

    @Test
    void aTaskOfOneRunCannotBeAwaitedInAnother() {
      Task<Integer> fromFirstRun = Weft.run(() -> Weft.spawn("worker", () -> 1));
      assertThatThrownBy(() -> Weft.run(fromFirstRun::join))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Task 'worker'.join() was called from a different Weft run than the one Task 'worker' belongs"
                  + " to. Tasks and promises cannot be shared between runs.");
      assertThatThrownBy(() -> Weft.run(() -> Weft.gather(fromFirstRun)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Weft.gather: Task 'worker' belongs to a different Weft run. Tasks and promises cannot be"
                  + " shared between runs.");
    }

    @Test
    void aPromiseCannotBeCompletedFromAnotherThread() {
      AtomicReference<Throwable> seen = new AtomicReference<>();
      Weft.run(
          () -> {
            Promise<String> promise = Weft.promise("reply");
            Thread other =
                new Thread(
                    () -> {
                      try {
                        promise.complete("from another thread");
                      } catch (Throwable e) {
                        seen.set(e);
                      }
                    },
                    "intruder");
            other.start();
            other.join(); // blocks outside Weft briefly; no Weft call happens meanwhile
            return null;
          });
      assertThat(seen.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "Promise 'reply'.complete() was called on thread 'intruder', outside the Weft run it belongs to.");
    }

    @Test
    void aDoneTaskCanBeReadAfterTheRun() {
      Task<Integer> task =
          Weft.run(
              () -> {
                Task<Integer> t = Weft.spawn("worker", () -> 7);
                t.join();
                return t;
              });
      assertThat(task.isDone()).isTrue();
      assertThat(task.result()).isEqualTo(7);
      assertThat(task.cancel()).isFalse();
    }
  }

  @Nested
  @DisplayName("waiting where one cannot wait")
  class WaitingInTheWrongPlace {
    @Test
    void callbacksCannotWait() {
      List<Throwable> seen = new ArrayList<>();
      Weft.run(
          () -> {
            Task<Integer> worker = Weft.spawn("worker", () -> 1);
            Weft.callSoon(
                () -> {
                  try {
                    worker.join();
                  } catch (IllegalStateException e) {
                    seen.add(e);
                  }
                });
            return worker.join();
          });
      assertThat(seen)
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e)
                      .hasMessageStartingWith(
                          "join() must be called from a task, but it was called from a callback"));
    }

    @Test
    void aTaskCannotJoinItself() {
      assertThatThrownBy(() -> Weft.run(() -> Weft.current().join()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Task 'main' cannot wait for itself: it would never finish");
    }

    @Test
    void resultOfAPendingTaskSaysToJoin() {
      assertThatThrownBy(() -> Weft.run(() -> Weft.spawn("worker", () -> 1).result()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Task 'worker' is not done yet; call join() from a task to wait for it");
    }
  }

  @Nested
  @DisplayName("bad arguments name the argument and the rule")
  class BadArguments {
    @Test
    void nulls() {
      assertThatThrownBy(() -> Weft.run((java.util.concurrent.Callable<Object>) null))
          .hasMessage("main must not be null");
      assertThatThrownBy(() -> Weft.run((ThrowingRunnable) null))
          .hasMessage("main must not be null");
      assertThatThrownBy(() -> Weft.run(null, () -> 1)).hasMessage("options must not be null");
      Weft.run(
          () -> {
            assertThatThrownBy(() -> Weft.spawn("x", (java.util.concurrent.Callable<Integer>) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("body must not be null");
            assertThatThrownBy(() -> Weft.sleep(null)).hasMessage("duration must not be null");
            assertThatThrownBy(() -> Weft.gather((List<Task<Integer>>) null))
                .hasMessage("tasks must not be null");
            assertThatThrownBy(() -> Weft.gather(Weft.spawn(() -> 1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Weft.gather: tasks must not contain null, but element 1 is null");
            assertThatThrownBy(() -> Weft.wait(List.of(Weft.spawn(() -> 1)), null))
                .hasMessage("when must not be null");
            assertThatThrownBy(() -> Weft.callSoon(null)).hasMessage("callback must not be null");
            return null;
          });
    }

    @Test
    void names() {
      Weft.run(
          () -> {
            assertThatThrownBy(() -> Weft.spawn(" ", () -> 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be a non-blank string, but was ' '");
            assertThatThrownBy(() -> Weft.spawn((String) null, () -> 1))
                .hasMessage("name must be a non-blank string, but was null");
            return null;
          });
    }

    @Test
    void negativeDurationsWhereTheyMeanNothing() {
      Weft.run(
          () -> {
            Task<Integer> t = Weft.spawn(() -> 1);
            assertThatThrownBy(() -> Weft.callLater(Duration.ofMillis(-1), () -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay must be zero or more, but was PT-0.001S");
            assertThatThrownBy(() -> Weft.wait(List.of(t), ReturnWhen.ALL_COMPLETED, ofSeconds(-1)))
                .hasMessage("timeout must be zero or more, but was PT-1S");
            assertThatThrownBy(() -> Weft.asCompleted(List.of(t), ofSeconds(-1)))
                .hasMessage("timeout must be zero or more, but was PT-1S");
            assertThatThrownBy(() -> Weft.wait(List.<Task<Integer>>of(), ReturnWhen.ALL_COMPLETED))
                .hasMessage("Weft.wait needs at least one task, but tasks was empty");
            return t.join();
          });
    }

    @Test
    void runOptions() {
      assertThatThrownBy(() -> RunOptions.defaults().maxSteps(0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("maxSteps must be 1 or more, but was 0");
      assertThatThrownBy(() -> RunOptions.defaults().watchdog(Duration.ZERO))
          .hasMessage("watchdog limit must be a positive duration, but was PT0S");
      assertThatThrownBy(() -> RunOptions.defaults().watchdog(null))
          .hasMessage("watchdog limit must be a positive duration, but was null");
    }

    @Test
    void runOptionsAreImmutable() {
      RunOptions defaults = RunOptions.defaults();
      RunOptions strict = defaults.failOnLeftoverTasks(true).maxSteps(5);
      assertThat(defaults.failOnLeftoverTasks()).isFalse();
      assertThat(defaults.maxSteps()).isEqualTo(1_000_000);
      assertThat(strict.failOnLeftoverTasks()).isTrue();
      assertThat(strict.maxSteps()).isEqualTo(5);
      assertThat(defaults.watchdog()).isEqualTo(ofSeconds(30));
      assertThat(defaults.failOnUnobservedFailures()).isTrue();
    }
  }
}
