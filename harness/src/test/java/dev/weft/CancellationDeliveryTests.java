package dev.weft;

import static dev.weft.TestPrograms.joinFailure;
import static dev.weft.TestPrograms.outcome;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * When a requested cancellation is delivered (semantics §1.4, 2.3): at the task's next suspension,
 * at its end if it returns first (test_cancel_at_end), never if it had not started yet.
 */
class CancellationDeliveryTests {

  @Nested
  @DisplayName("semantics §2.3: a cancellation pending when the body returns (test_cancel_at_end)")
  class CancelAtEnd {
    @Test
    @DisplayName(
        "semantics §2.3: cancel itself, then return without suspending: cancelled, value dropped")
    void selfCancelThenReturnEndsCancelled() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<Integer> ender =
                Weft.spawn(
                    "ender",
                    () -> {
                      log.add("cancel() returned " + Weft.current().cancel());
                      log.add("still running");
                      return 12;
                    });
            log.add("join: " + outcome(ender));
            log.add("isCancelled: " + ender.isCancelled());
            log.add("cancel() afterwards: " + ender.cancel());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "cancel() returned true",
              "still running",
              "join: CancelledException",
              "isCancelled: true",
              "cancel() afterwards: false");
    }

    @Test
    @DisplayName(
        "semantics §1.2, 2.3: joining a done task does not suspend, so it does not deliver it")
    void joiningADoneTaskDoesNotDeliverAPendingCancellation() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> done = Weft.spawn("done", () -> "v");
            Task<String> ender =
                Weft.spawn(
                    "ender",
                    () -> {
                      Weft.yieldNow(); // "done" finishes meanwhile
                      Weft.current().cancel();
                      String v = done.join();
                      log.add("joined " + v);
                      return v;
                    });
            joinFailure(ender);
            log.add("ender cancelled: " + ender.isCancelled());
            return null;
          });
      assertThat(log).containsExactly("joined v", "ender cancelled: true");
    }

    @Test
    @DisplayName(
        "semantics §1.4: cancelled after its wake-up but before it resumes: thrown at its join")
    void cancelledBetweenWakeUpAndResumeThrowsAtTheJoin() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Promise<String> reply = Weft.promise("reply");
            Task<String> waiter =
                Weft.spawn(
                    "waiter",
                    () -> {
                      try {
                        return reply.join();
                      } catch (CancelledException e) {
                        log.add("waiter: CancelledException at join");
                        throw e;
                      }
                    });
            Weft.yieldNow(); // the waiter blocks on the promise
            reply.complete("x"); // the waiter's wake-up is queued
            log.add("cancel() returned " + waiter.cancel());
            joinFailure(waiter);
            log.add("waiter cancelled: " + waiter.isCancelled());
            log.add("reply cancelled: " + reply.isCancelled() + ", result " + reply.result());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "cancel() returned true",
              "waiter: CancelledException at join",
              "waiter cancelled: true",
              "reply cancelled: false, result x");
    }
  }

  @Nested
  @DisplayName("semantics §2.3, 1.4: cancellation before the first step, and self-cancellation")
  class BeforeStartAndSelf {
    @Test
    @DisplayName("semantics §2.3: a task cancelled before its first step never runs its body")
    void cancelledBeforeItsFirstStepNeverRuns() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> never =
                Weft.spawn(
                    "never",
                    () -> {
                      log.add("body ran");
                      return "x";
                    });
            log.add("cancel() returned " + never.cancel());
            log.add("join: " + outcome(never));
            log.add("isCancelled: " + never.isCancelled());
            return null;
          });
      assertThat(log)
          .containsExactly(
              "cancel() returned true", "join: CancelledException", "isCancelled: true");
    }

    @Test
    @DisplayName("semantics §1.4: cancel itself, then sleep(100s): CancelledException at t=0")
    void selfCancelThenSleepEndsAtZero() {
      List<String> log = new ArrayList<>();
      Duration end =
          Weft.run(
              () -> {
                Task<Object> self =
                    Weft.spawn(
                        "self",
                        () -> {
                          Weft.current().cancel();
                          try {
                            Weft.sleep(ofSeconds(100));
                          } catch (CancelledException e) {
                            log.add("cancelled at " + Weft.elapsed());
                            throw e;
                          }
                          return null;
                        });
                joinFailure(self);
                log.add("self cancelled: " + self.isCancelled());
                return Weft.elapsed();
              });
      assertThat(log).containsExactly("cancelled at PT0S", "self cancelled: true");
      assertThat(end).isEqualTo(Duration.ZERO);
    }

    @Test
    @DisplayName("semantics §1.4: a task cancelled while in yieldNow() gets it when it resumes")
    void cancelledInYieldNowGetsItWhenItResumes() {
      List<String> log = new ArrayList<>();
      Weft.run(
          () -> {
            Task<String> yielder =
                Weft.spawn(
                    "yielder",
                    () -> {
                      log.add("yielder yields");
                      try {
                        Weft.yieldNow();
                        return "resumed normally";
                      } catch (CancelledException e) {
                        log.add("yielder: " + e.getMessage());
                        throw e;
                      }
                    });
            Weft.yieldNow(); // the yielder runs up to its yieldNow()
            log.add("cancel() returned " + yielder.cancel());
            joinFailure(yielder);
            log.add("yielder cancelled: " + yielder.isCancelled());
            return null;
          });
      assertThat(log)
          .hasSize(4)
          .startsWith("yielder yields", "cancel() returned true")
          .endsWith("yielder cancelled: true");
      assertThat(log.get(2)).startsWith("yielder: ").contains("yieldNow()");
    }
  }
}
