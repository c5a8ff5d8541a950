package dev.weft;

import static dev.weft.TestPrograms.attempt;
import static dev.weft.TestPrograms.ms;
import static dev.weft.TestPrograms.sleeper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.TestPrograms.Ended;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("semantics §2.7: Weft.waitFor")
class WaitForTests {

  /** A task that sleeps 10s; when cancelled it logs, takes {@code cleanupMs} and re-raises. */
  static Task<String> slow(String name, List<String> log, long cleanupMs) {
    return Weft.spawn(
        name,
        () -> {
          try {
            Weft.sleep(Duration.ofSeconds(10));
            return "late";
          } catch (CancelledException cancelled) {
            log.add(name + " cancelled at " + Weft.elapsed());
            Weft.sleep(ms(cleanupMs));
            log.add(name + " cleaned up at " + Weft.elapsed());
            throw cancelled;
          }
        });
  }

  @Nested
  @DisplayName("semantics §2.7: timeout > 0")
  class PositiveTimeout {

    @Test
    @DisplayName("semantics §2.7: a task done in time gives its value, and its timer is cancelled")
    void taskDoneInTimeGivesItsValue() {
      List<Object> seen =
          Weft.run(
              () -> {
                Task<String> fast = sleeper("fast", ms(100), "v");
                String value = Weft.waitFor(fast, ms(1000));
                Duration returnedAt = Weft.elapsed();
                Weft.sleep(ms(2000)); // a timer left live would cancel this sleep at 1s
                return List.of(value, returnedAt, Weft.elapsed());
              });
      assertThat(seen).containsExactly("v", ms(100), ms(2100));
    }

    @Test
    @DisplayName(
        "semantics §2.7: at the deadline the task is cancelled and TimedOutException is raised")
    void timesOutAtTheDeadline() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> task = slow("slow", log, 0);
            Ended ended = attempt(() -> Weft.waitFor(task, ms(500)));
            assertThat(ended.error()).isInstanceOf(TimedOutException.class);
            assertThat(ended.error().getCause()).isInstanceOf(CancelledException.class);
            assertThat(ended.at()).isEqualTo(ms(500));
            assertThat(task.isCancelled()).isTrue();
            return null;
          });
      assertThat(log).containsExactly("slow cancelled at PT0.5S", "slow cleaned up at PT0.5S");
    }

    @Test
    @DisplayName("semantics §2.7: waitFor waits until the cancelled task's cleanup has finished")
    void waitsForTheCleanupOfTheCancelledTask() {
      List<String> log = new ArrayList<>();
      Ended ended =
          Weft.run(
              () -> {
                Task<String> task = slow("slow", log, 100);
                Ended result = attempt(() -> Weft.waitFor(task, ms(500)));
                log.add("waitFor ended, slow cancelled: " + task.isCancelled());
                return result;
              });
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.error().getCause()).isInstanceOf(CancelledException.class);
      assertThat(ended.at()).isEqualTo(ms(600));
      assertThat(log)
          .containsExactly(
              "slow cancelled at PT0.5S",
              "slow cleaned up at PT0.6S",
              "waitFor ended, slow cancelled: true");
    }

    @Test
    @DisplayName(
        "semantics §2.7: a task that swallows the cancellation and returns v gives v, no error")
    void taskSwallowingTheCancellationGivesItsValue() {
      List<Object> seen =
          Weft.run(
              () -> {
                Task<String> task =
                    Weft.spawn(
                        "swallower",
                        () -> {
                          try {
                            Weft.sleep(Duration.ofSeconds(10));
                            return "normal";
                          } catch (CancelledException cancelled) {
                            Weft.sleep(ms(100));
                            return "swallowed";
                          }
                        });
                String value = Weft.waitFor(task, ms(100));
                Duration returnedAt = Weft.elapsed();
                Weft.sleep(ms(1000)); // no stray cancellation left in main
                return List.of(value, returnedAt, task.isCancelled(), Weft.elapsed());
              });
      // CPython's SlowTask: timeout 0.1, cleanup 0.1 -> returns normally at 0.2.
      assertThat(seen).containsExactly("swallowed", ms(200), false, ms(1200));
    }

    @Test
    @DisplayName("semantics §2.7: a task that turns the cancellation into E makes waitFor raise E")
    void taskTurningTheCancellationIntoAnErrorRaisesIt() {
      IllegalStateException boom = new IllegalStateException("cleanup failed");
      Ended ended =
          Weft.run(
              () -> {
                Task<String> task =
                    Weft.spawn(
                        "converter",
                        () -> {
                          try {
                            Weft.sleep(Duration.ofSeconds(10));
                            return "normal";
                          } catch (CancelledException cancelled) {
                            throw boom;
                          }
                        });
                return attempt(() -> Weft.waitFor(task, ms(500)));
              });
      assertThat(ended.error()).isSameAs(boom);
      assertThat(ended.at()).isEqualTo(ms(500));
    }

    @Test
    @DisplayName(
        "semantics §2.7: cancelling the caller cancels the task; the caller gets CancelledException")
    void cancellingTheCallerCancelsTheTask() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> inner = slow("inner", log, 0);
            Task<Object> caller =
                Weft.spawn(
                    "caller",
                    () -> {
                      Ended ended = attempt(() -> Weft.waitFor(inner, Duration.ofSeconds(10)));
                      log.add(
                          "caller got "
                              + ended.error().getClass().getSimpleName()
                              + " at "
                              + ended.at());
                      throw (CancelledException) ended.error();
                    });
            Weft.sleep(ms(1000));
            caller.cancel();
            Weft.gatherSettled(List.of(caller));
            assertThat(caller.isCancelled()).isTrue();
            assertThat(inner.isCancelled()).isTrue();
            assertThat(Weft.elapsed()).isEqualTo(ms(1000));
            return null;
          });
      assertThat(log)
          .containsExactly(
              "inner cancelled at PT1S",
              "inner cleaned up at PT1S",
              "caller got CancelledException at PT1S");
    }

    @Test
    @DisplayName("semantics §2.7: waitFor(shield(t), d) times out at d while t keeps running")
    void shieldedTaskKeepsRunning() {
      List<Object> seen =
          Weft.run(
              () -> {
                Task<String> saver = sleeper("saver", ms(1000), "saved");
                Task<String> shielded = Weft.shield(saver);
                Ended ended = attempt(() -> Weft.waitFor(shielded, ms(300)));
                assertThat(ended.error()).isInstanceOf(TimedOutException.class);
                assertThat(shielded.isCancelled()).isTrue();
                List<Object> result = new ArrayList<>();
                result.add(ended.at());
                result.add(saver.isDone());
                result.add(saver.join());
                result.add(Weft.elapsed());
                return result;
              });
      assertThat(seen).containsExactly(ms(300), false, "saved", ms(1000));
    }

    @Test
    @DisplayName(
        "semantics §2.7: tie, a task not yet started that would finish at the deadline times out")
    void tieWithATaskNotYetStarted() {
      Weft.run(
          () -> {
            // The task registers its timer when it starts, after waitFor registered its own.
            Task<String> task = sleeper("exact", ms(500), "just in time");
            Ended ended = attempt(() -> Weft.waitFor(task, ms(500)));
            assertThat(ended.error()).isInstanceOf(TimedOutException.class);
            assertThat(ended.at()).isEqualTo(ms(500));
            assertThat(task.isCancelled()).isTrue();
            return null;
          });
    }

    @Test
    @DisplayName("semantics §2.7: tie, a task whose timer was registered first still times out")
    void tieWithATaskAlreadySleeping() {
      Weft.run(
          () -> {
            Task<String> task = sleeper("exact", ms(500), "just in time");
            Weft.yieldNow(); // the task starts and registers its timer before waitFor's
            Ended ended = attempt(() -> Weft.waitFor(task, ms(500)));
            assertThat(ended.error()).isInstanceOf(TimedOutException.class);
            assertThat(ended.at()).isEqualTo(ms(500));
            assertThat(task.isCancelled()).isTrue();
            return null;
          });
    }

    @Test
    @DisplayName("semantics §2.7: the TimedOutException names the task and the virtual time")
    void messageNamesTheTaskAndTheTime() {
      List<String> log = new ArrayList<>();
      Throwable error =
          Weft.run(
              () -> {
                Weft.sleep(ms(1000));
                Task<String> task = slow("slow", log, 0);
                return attempt(() -> Weft.waitFor(task, ms(500))).error();
              });
      assertThat(error).isInstanceOf(TimedOutException.class);
      assertThat(error.getMessage()).contains("Task 'slow'").contains("1.5s");
    }
  }

  @Nested
  @DisplayName("semantics §2.7: timeout <= 0")
  class NonPositiveTimeout {

    @ParameterizedTest(name = "timeout {0} ms")
    @ValueSource(longs = {0, -1000})
    @DisplayName("semantics §2.7: a done task gives its result at once, without suspending")
    void doneTaskGivesItsResult(long timeoutMs) {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> done = Weft.spawn("done", () -> "v");
            Weft.yieldNow();
            assertThat(done.isDone()).isTrue();
            Weft.spawn("other", () -> log.add("other ran"));
            log.add("waitFor gave " + Weft.waitFor(done, ms(timeoutMs)));
            Weft.yieldNow();
            return null;
          });
      assertThat(log).containsExactly("waitFor gave v", "other ran");
    }

    @Test
    @DisplayName("semantics §2.7: a done task that failed raises its failure")
    void doneFailedTaskRaisesItsFailure() {
      IllegalStateException boom = new IllegalStateException("boom");
      Ended ended =
          Weft.run(
              () -> {
                Task<String> failed =
                    Weft.spawn(
                        "failed",
                        () -> {
                          throw boom;
                        });
                Weft.yieldNow();
                return attempt(() -> Weft.waitFor(failed, Duration.ZERO));
              });
      assertThat(ended.error()).isSameAs(boom);
      assertThat(ended.at()).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest(name = "timeout {0} ms")
    @ValueSource(longs = {0, -1000})
    @DisplayName(
        "semantics §2.7: a pending task is cancelled, awaited to its end, then TimedOutException")
    void pendingTaskIsCancelledAndAwaited(long timeoutMs) {
      List<String> log = new ArrayList<>();
      Ended ended =
          Weft.run(
              () -> {
                Task<String> task = slow("slow", log, 100);
                Weft.yieldNow(); // the task is now sleeping
                Ended result = attempt(() -> Weft.waitFor(task, ms(timeoutMs)));
                log.add("slow cancelled: " + task.isCancelled());
                return result;
              });
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.error().getCause()).isInstanceOf(CancelledException.class);
      assertThat(ended.at()).isEqualTo(ms(100));
      assertThat(log)
          .containsExactly(
              "slow cancelled at PT0S", "slow cleaned up at PT0.1S", "slow cancelled: true");
    }

    @Test
    @DisplayName("semantics §2.7: with timeout 0 a task that has not started never runs its body")
    void unstartedTaskNeverRuns() {
      List<String> log = new ArrayList<>();
      Ended ended =
          Weft.run(
              () -> {
                Task<Boolean> task = Weft.spawn("unstarted", () -> log.add("body ran"));
                Ended result = attempt(() -> Weft.waitFor(task, Duration.ZERO));
                assertThat(task.isCancelled()).isTrue();
                return result;
              });
      assertThat(ended.error()).isInstanceOf(TimedOutException.class);
      assertThat(ended.at()).isEqualTo(Duration.ZERO);
      assertThat(log).isEmpty();
    }

    @Test
    @DisplayName(
        "semantics §2.7: with timeout 0 a task that swallows the cancellation gives its value")
    void swallowedCancellationGivesTheValue() {
      Ended ended =
          Weft.run(
              () -> {
                Task<String> task =
                    Weft.spawn(
                        "swallower",
                        () -> {
                          try {
                            Weft.sleep(Duration.ofSeconds(10));
                            return "normal";
                          } catch (CancelledException cancelled) {
                            Weft.sleep(ms(100));
                            return "swallowed";
                          }
                        });
                Weft.yieldNow();
                return attempt(() -> Weft.waitFor(task, Duration.ZERO));
              });
      assertThat(ended.error()).isNull();
      assertThat(ended.value()).isEqualTo("swallowed");
      assertThat(ended.at()).isEqualTo(ms(100));
    }

    @Test
    @DisplayName(
        "semantics §2.7: with timeout 0 a task that turns the cancellation into E raises E")
    void convertedCancellationRaisesTheError() {
      IllegalStateException boom = new IllegalStateException("cleanup failed");
      Ended ended =
          Weft.run(
              () -> {
                Task<String> task =
                    Weft.spawn(
                        "converter",
                        () -> {
                          try {
                            Weft.sleep(Duration.ofSeconds(10));
                            return "normal";
                          } catch (CancelledException cancelled) {
                            throw boom;
                          }
                        });
                Weft.yieldNow();
                return attempt(() -> Weft.waitFor(task, Duration.ZERO));
              });
      assertThat(ended.error()).isSameAs(boom);
      assertThat(ended.at()).isEqualTo(Duration.ZERO);
    }
  }
}
