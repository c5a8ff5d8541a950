package dev.weft;

import static dev.weft.TestPrograms.joinFailure;
import static dev.weft.TestPrograms.sleeper;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Where a cancellation goes (semantics §1.4: to the future the task waits on, recursively),
 * cancelling promises, and tasks that catch a cancellation and go on waiting (semantics §2.3).
 */
class CancellationPropagationTests {

  /** A task body that sleeps, logs the cancellation it gets with the time, and rethrows it. */
  static String sleepLoggingCancellation(List<String> log, String name) {
    try {
      Weft.sleep(ofSeconds(100));
      return name + " slept";
    } catch (CancelledException e) {
      log.add(name + " cancelled at " + Weft.elapsed());
      throw e;
    }
  }

  /** Joins {@code task}, logs a cancellation it gets with the time, and rethrows it. */
  static String joinLoggingCancellation(List<String> log, String name, Task<String> task) {
    try {
      return task.join();
    } catch (CancelledException e) {
      log.add(name + " cancelled at " + Weft.elapsed());
      throw e;
    }
  }

  @Nested
  @DisplayName("semantics §1.4: cancelling a task blocked in join(F) cancels F")
  class BlockedInJoin {
    @Test
    @DisplayName("semantics §1.4: cancelling a task blocked in join(other) cancels other too")
    void cancelsTheJoinedTask() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> inner = Weft.spawn("inner", () -> sleepLoggingCancellation(log, "inner"));
            Task<String> outer =
                Weft.spawn("outer", () -> joinLoggingCancellation(log, "outer", inner));
            Weft.sleep(ofSeconds(1));
            outer.cancel();
            joinFailure(outer);
            log.add("inner cancelled: " + inner.isCancelled() + ", outer: " + outer.isCancelled());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "inner cancelled at PT1S",
              "outer cancelled at PT1S",
              "inner cancelled: true, outer: true");
    }

    @Test
    @DisplayName(
        "semantics §1.4, 2.3: if other swallows it and returns v, the joiner resumes with v")
    void joinerResumesWithTheValueOfATaskThatSwallowedIt() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> inner =
                Weft.spawn(
                    "inner",
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(100));
                        return "slept";
                      } catch (CancelledException e) {
                        return "inner recovered";
                      }
                    });
            Task<String> outer = Weft.spawn("outer", () -> "outer got " + inner.join());
            Weft.sleep(ofSeconds(1));
            outer.cancel();
            log.add(outer.join() + " at " + Weft.elapsed());
            log.add("inner cancelled: " + inner.isCancelled() + ", outer: " + outer.isCancelled());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "outer got inner recovered at PT1S", "inner cancelled: false, outer: false");
    }

    @Test
    @DisplayName("semantics §1.4: the innermost pending await receives the error first")
    void innermostPendingAwaitReceivesItFirst() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> v = Weft.spawn("V", () -> sleepLoggingCancellation(log, "V"));
            Task<String> u = Weft.spawn("U", () -> joinLoggingCancellation(log, "U", v));
            Task<String> t = Weft.spawn("T", () -> joinLoggingCancellation(log, "T", u));
            Weft.sleep(ofSeconds(1));
            t.cancel();
            joinFailure(t);
            return null;
          });
      assertThat(log)
          .containsExactly("V cancelled at PT1S", "U cancelled at PT1S", "T cancelled at PT1S");
    }

    @Test
    @DisplayName(
        "semantics §1.4: cancelling a task blocked on a promise cancels the promise itself")
    void cancelsThePromiseItWaitsOn() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Promise<String> reply = Weft.promise("reply");
            Task<String> a = Weft.spawn("a", () -> joinLoggingCancellation(log, "a", reply));
            Task<String> b = Weft.spawn("b", () -> joinLoggingCancellation(log, "b", reply));
            Weft.yieldNow(); // a and b block on the promise
            a.cancel();
            log.add("reply cancelled: " + reply.isCancelled());
            Weft.gatherSettled(List.of(a, b));
            log.add("a cancelled: " + a.isCancelled() + ", b: " + b.isCancelled());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "reply cancelled: true",
              "a cancelled at PT0S",
              "b cancelled at PT0S",
              "a cancelled: true, b: true");
    }
  }

  @Nested
  @DisplayName("semantics §1.1, 2.3: cancelling a promise")
  class Promises {
    @Test
    @DisplayName(
        "semantics §1.1: the promise is cancelled at once; its joiners get it in FIFO order")
    void joinersGetCancelledExceptionInOrder() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Promise<String> reply = Weft.promise("reply");
            Task<String> first =
                Weft.spawn("first", () -> joinLoggingCancellation(log, "first", reply));
            Task<String> second =
                Weft.spawn("second", () -> joinLoggingCancellation(log, "second", reply));
            Weft.yieldNow();
            log.add("cancel() returned " + reply.cancel());
            log.add("done=" + reply.isDone() + " cancelled=" + reply.isCancelled());
            Weft.gatherSettled(List.of(second, first));
            log.add("main: " + joinFailure(reply).getMessage());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "cancel() returned true",
              "done=true cancelled=true",
              "first cancelled at PT0S",
              "second cancelled at PT0S",
              "main: Promise 'reply' was cancelled by main at virtual time 0s");
    }

    @Test
    @DisplayName("semantics §2.3: cancel() on a done promise returns false and leaves it as it was")
    void cancelOnADonePromiseReturnsFalse() {
      List<Object> seen = new ArrayList<>();
      Weft.run(
          () -> {
            Promise<String> reply = Weft.promise("reply");
            reply.complete("pong");
            seen.add(reply.cancel());
            seen.add(reply.isCancelled());
            seen.add(reply.join());
            return null;
          });
      assertThat(seen).containsExactly(false, false, "pong");
    }
  }

  @Nested
  @DisplayName("semantics §2.3: a task that catches the cancellation and waits again")
  class CatchAndContinue {
    @Test
    @DisplayName("semantics §2.3: after catching it, the next sleep runs its full length")
    void nextSleepWorksNormally() {
      List<String> log = new ArrayList<>();
      String result =
          Weft.run(
              () -> {
                Task<String> stubborn =
                    Weft.spawn(
                        "stubborn",
                        () -> {
                          try {
                            Weft.sleep(ofSeconds(100));
                          } catch (CancelledException e) {
                            log.add("caught at " + Weft.elapsed());
                          }
                          Weft.sleep(ofSeconds(10));
                          log.add("slept again until " + Weft.elapsed());
                          return "finished";
                        });
                Weft.sleep(ofSeconds(1));
                stubborn.cancel();
                String joined = stubborn.join();
                log.add("cancelled: " + stubborn.isCancelled());
                return joined;
              });
      assertThat(result).isEqualTo("finished");
      assertThat(log)
          .containsExactly("caught at PT1S", "slept again until PT11S", "cancelled: false");
    }

    @Test
    @DisplayName("semantics §2.3: after catching it, joining another task gets that task's value")
    void nextJoinWorksNormally() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> helper = sleeper("helper", ofSeconds(5), "helper value");
            Task<String> stubborn =
                Weft.spawn(
                    "stubborn",
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(100));
                      } catch (CancelledException e) {
                        log.add("caught at " + Weft.elapsed());
                      }
                      return helper.join() + " at " + Weft.elapsed();
                    });
            Weft.sleep(ofSeconds(1));
            stubborn.cancel();
            log.add(stubborn.join());
            log.add("helper cancelled: " + helper.isCancelled());
            return null;
          });
      assertThat(log)
          .containsExactly("caught at PT1S", "helper value at PT5S", "helper cancelled: false");
    }

    @Test
    @DisplayName(
        "semantics §2.3: two cancel() calls before delivery deliver one CancelledException")
    void twoRequestsBeforeDeliveryDeliverOnce() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> stubborn =
                Weft.spawn(
                    "stubborn",
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(100));
                      } catch (CancelledException e) {
                        log.add("caught at " + Weft.elapsed());
                      }
                      try {
                        Weft.sleep(ofSeconds(10));
                        log.add("second sleep ended at " + Weft.elapsed());
                      } catch (CancelledException e) {
                        log.add("second sleep cancelled at " + Weft.elapsed());
                        throw e;
                      }
                      return "finished";
                    });
            Weft.sleep(ofSeconds(1));
            log.add("cancel() returned " + stubborn.cancel() + ", " + stubborn.cancel());
            log.add(stubborn.join());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "cancel() returned true, true",
              "caught at PT1S",
              "second sleep ended at PT11S",
              "finished");
    }

    @Test
    @DisplayName("semantics §2.3: a task that caught one cancellation can be cancelled again")
    void canBeCancelledAgain() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> stubborn =
                Weft.spawn(
                    "stubborn",
                    () -> {
                      try {
                        Weft.sleep(ofSeconds(100));
                      } catch (CancelledException e) {
                        log.add("first caught at " + Weft.elapsed());
                      }
                      return sleepLoggingCancellation(log, "second sleep");
                    });
            Weft.sleep(ofSeconds(1));
            stubborn.cancel();
            Weft.sleep(ofSeconds(2));
            log.add("stubborn done before the second cancel: " + stubborn.isDone());
            log.add("second cancel() returned " + stubborn.cancel());
            joinFailure(stubborn);
            log.add("cancelled: " + stubborn.isCancelled());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "first caught at PT1S",
              "stubborn done before the second cancel: false",
              "second cancel() returned true",
              "second sleep cancelled at PT3S",
              "cancelled: true");
    }
  }

  @Test
  void aMainThatJoinedATaskCancelledElsewhereSaysWhereTheCancellationCameFrom() {
    Throwable thrown =
        catchThrowable(
            () ->
                Weft.run(
                    () -> {
                      Task<Integer> worker =
                          Weft.spawn(
                              "worker",
                              () -> {
                                Weft.sleep(ofSeconds(5));
                                return 1;
                              });
                      Weft.spawn(
                          "canceller",
                          () -> {
                            Weft.sleep(ofSeconds(1));
                            worker.cancel();
                          });
                      return worker.join();
                    }));
    assertThat(thrown)
        .isInstanceOf(CancelledException.class)
        .hasMessage("Task 'main' was cancelled")
        .cause()
        .isInstanceOf(CancelledException.class)
        .hasMessage("Task 'worker' was cancelled by canceller at virtual time 1s");
  }
}
