package dev.weft;

import static dev.weft.TestPrograms.joinFailure;
import static dev.weft.TestPrograms.outcome;
import static dev.weft.TestPrograms.sleeper;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a task blocked in sleep (semantics §1.4, 2.2), what {@code cancel()} and {@code
 * isCancelled()} say (semantics §2.3), and {@link CancelledException} itself. When a pending
 * cancellation is delivered is in {@link CancellationDeliveryTests}; where it propagates and how a
 * task recovers from it are in {@link CancellationPropagationTests}.
 */
class CancellationTests {

  @Nested
  @DisplayName("semantics §1.4, 2.2: cancelling a task blocked in sleep")
  class BlockedInSleep {
    @Test
    @DisplayName(
        "semantics §1.4: CancelledException at its sleep, at the current time, in a later step")
    void throwsAtItsSleepAtTheCurrentVirtualTime() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> sleeper =
                Weft.spawn(
                    "sleeper",
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(100));
                        return "slept";
                      } catch (CancelledException e) {
                        log.add("sleeper cancelled at " + Weft.elapsed());
                        throw e;
                      }
                    });
            Weft.sleep(ofSeconds(5));
            log.add("cancel() returned " + sleeper.cancel());
            // Queued after the sleeper's wake-up: it runs after the cancellation is delivered.
            Weft.spawn("late", () -> log.add("late ran"));
            String outcome = outcome(sleeper);
            log.add("main joined at " + Weft.elapsed() + ": " + outcome);
            return null;
          });
      assertThat(log)
          .containsExactly(
              "cancel() returned true",
              "sleeper cancelled at PT5S",
              "late ran",
              "main joined at PT5S: CancelledException");
    }

    @Test
    @DisplayName(
        "semantics §1.3, 2.2: the cancelled sleep's timer is removed and never moves the clock")
    void removesTheSleepsTimer() {
      List<RunEvent> events = new ArrayList<>();
      Duration end =
          Weft.run(
              RunOptions.defaults().listener(events::add),
              () -> {
                Task<Object> sleeper = sleeper("sleeper", ofSeconds(100), null);
                Weft.yieldNow(); // the sleeper starts its 100s sleep
                sleeper.cancel();
                joinFailure(sleeper);
                Weft.sleep(
                    ofSeconds(200)); // a live 100s timer would make the clock stop at 100s first
                return Weft.elapsed();
              });
      assertThat(end).isEqualTo(ofSeconds(200));
      assertThat(events).extracting(RunEvent::time).containsOnly(Duration.ZERO, ofSeconds(200));
    }
  }

  @Nested
  @DisplayName("semantics §2.3: cancel()'s return value")
  class CancelReturnValue {
    @Test
    @DisplayName(
        "semantics §2.3: true every time while the task is not done, false once it is done")
    void trueEveryTimeWhileNotDoneThenFalse() {
      List<Boolean> returned = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> worker = sleeper("worker", ofSeconds(10), "done");
            Weft.yieldNow(); // the worker is blocked in its sleep
            returned.add(worker.cancel());
            returned.add(worker.cancel()); // already cancelling: still true (3.11+)
            joinFailure(worker);
            returned.add(worker.cancel());
            return null;
          });
      assertThat(returned).containsExactly(true, true, false);
    }

    @Test
    @DisplayName("semantics §2.3: cancel() on a done task returns false and does not change it")
    void falseForADoneTaskWhichStaysAsItWas() {
      IllegalStateException boom = new IllegalStateException("boom");
      List<Object> seen = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> ok = Weft.spawn("ok", () -> "value");
            Task<String> failed =
                Weft.spawn(
                    "failed",
                    () -> {
                      throw boom;
                    });
            Task<String> cancelled = Weft.spawn("cancelled", () -> "never");
            cancelled.cancel();
            Weft.gatherSettled(List.of(ok, failed, cancelled));
            seen.add(ok.cancel());
            seen.add(failed.cancel());
            seen.add(cancelled.cancel());
            seen.add(ok.isCancelled() + " " + ok.join());
            seen.add(failed.isCancelled() + " " + joinFailure(failed).getMessage());
            seen.add(cancelled.isCancelled());
            return null;
          });
      assertThat(seen).containsExactly(false, false, false, "false value", "false boom", true);
    }
  }

  @Nested
  @DisplayName("semantics §2.3: isCancelled()")
  class IsCancelled {
    @Test
    @DisplayName(
        "semantics §2.3: false while the cancellation is pending, true once the task ended")
    void onlyOnceTheTaskIsDone() {
      List<String> seen = new ArrayList<>();
      Weft.run(
          () -> {
            Task<Object> worker = sleeper("worker", ofSeconds(10), null);
            Weft.yieldNow();
            worker.cancel();
            seen.add(
                "after cancel: done=" + worker.isDone() + " cancelled=" + worker.isCancelled());
            joinFailure(worker);
            seen.add("after join: done=" + worker.isDone() + " cancelled=" + worker.isCancelled());
            return null;
          });
      assertThat(seen)
          .containsExactly(
              "after cancel: done=false cancelled=false", "after join: done=true cancelled=true");
    }

    @Test
    @DisplayName(
        "semantics §2.3: a CancelledException the body throws itself ends the task cancelled")
    void trueWhenTheBodyThrowsCancelledExceptionItself() {
      List<Object> seen = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> thrower =
                Weft.spawn("thrower", () -> throwing(new CancelledException("mine")));
            seen.add(outcome(thrower));
            seen.add(thrower.isCancelled());
            return null;
          });
      assertThat(seen).containsExactly("CancelledException", true);
    }

    @Test
    @DisplayName(
        "semantics §2.3: a task that catches the cancellation and returns succeeds with it")
    void caughtAndReturnedSucceedsWithThatValue() {
      Task<?>[] kept = new Task<?>[1];
      String joined =
          Weft.run(
              () -> {
                Task<String> stubborn =
                    Weft.spawn(
                        "stubborn",
                        () -> {
                          try {
                            Weft.sleep(ofSeconds(10));
                            return "slept";
                          } catch (CancelledException e) {
                            return "recovered at " + Weft.elapsed();
                          }
                        });
                kept[0] = stubborn;
                Weft.sleep(ofSeconds(1));
                stubborn.cancel();
                return stubborn.join();
              });
      assertThat(joined).isEqualTo("recovered at PT1S");
      assertThat(kept[0].isCancelled()).isFalse();
      assertThat(kept[0].result()).isEqualTo("recovered at PT1S");
    }

    @Test
    @DisplayName("semantics §2.3: a task that catches the cancellation and throws E fails with E")
    void caughtAndThrewSomethingElseFailsWithThat() {
      IllegalStateException boom = new IllegalStateException("boom");
      List<Object> seen = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> converter =
                Weft.spawn(
                    "converter",
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(10));
                        return "slept";
                      } catch (CancelledException e) {
                        throw boom;
                      }
                    });
            Weft.yieldNow();
            converter.cancel();
            seen.add(joinFailure(converter));
            seen.add(converter.isCancelled());
            return null;
          });
      assertThat(seen).containsExactly(boom, false);
    }
  }

  @Nested
  @DisplayName("semantics §2.3: CancelledException and its messages")
  class TheException {
    @Test
    @DisplayName("CancelledException is an Error, so catch (Exception e) does not swallow it")
    void catchExceptionDoesNotSwallowIt() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> careless =
                Weft.spawn(
                    "careless",
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(10));
                        return "slept";
                      } catch (Exception e) {
                        log.add("swallowed " + e);
                        return "swallowed";
                      }
                    });
            Weft.yieldNow();
            careless.cancel();
            log.add("join: " + outcome(careless));
            log.add("isCancelled: " + careless.isCancelled());
            return null;
          });
      assertThat(log).containsExactly("join: CancelledException", "isCancelled: true");
      assertThat(new CancelledException("x")).isInstanceOf(Error.class);
    }

    @Test
    @DisplayName("semantics §2.3: the joiner's CancelledException names the cancelled task")
    void joinersMessageNamesTheTask() {
      Throwable failure =
          Weft.run(
              () -> {
                Task<Object> worker = sleeper("worker", ofSeconds(10), null);
                Weft.yieldNow();
                worker.cancel();
                return joinFailure(worker);
              });
      assertThat(failure).isInstanceOf(CancelledException.class).hasMessageContaining("'worker'");
    }

    @Test
    @DisplayName(
        "semantics §2.3: the cancelled task's own CancelledException names where it was blocked")
    void ownMessageNamesWhereItWasBlocked() {
      List<Throwable> caught = new ArrayList<>();
      Weft.run(
          () -> {
            Task<Object> sleeper =
                Weft.spawn(
                    "sleeper",
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(100));
                      } catch (CancelledException e) {
                        caught.add(e);
                        throw e;
                      }
                      return null;
                    });
            Weft.yieldNow();
            sleeper.cancel();
            return joinFailure(sleeper);
          });
      assertThat(caught)
          .singleElement()
          .extracting(Throwable::getMessage)
          .asString()
          .contains("sleep(");
    }
  }

  @Test
  @DisplayName("semantics §2.3: result() of a cancelled task throws CancelledException")
  void resultOfACancelledTaskThrows() {
    Task<?> cancelled =
        Weft.run(
            () -> {
              Task<String> t = Weft.spawn("t", () -> "x");
              t.cancel();
              joinFailure(t);
              return t;
            });
    assertThatThrownBy(cancelled::result)
        .isInstanceOf(CancelledException.class)
        .hasMessageContaining("'t'");
  }

  private static <T> T throwing(Error error) {
    throw error;
  }
}
