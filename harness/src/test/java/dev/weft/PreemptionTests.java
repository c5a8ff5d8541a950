package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code Preemption.COOPERATIVE} switches only where a task suspends (semantics §1.2); {@code
 * Preemption.EVERY_OPERATION} also lets the strategy switch the running task out at every Weft
 * operation that does not suspend, and at {@code Weft.checkpoint()}.
 */
class PreemptionTests {

  private static RunOptions options(Preemption preemption, String schedule) {
    return RunOptions.defaults()
        .preemption(preemption)
        .strategy(Strategy.replay(Schedule.parse(schedule)));
  }

  /**
   * main checkpoints with nothing else ready, spawns A, checkpoints with A ready, then joins A; A
   * checkpoints between its two log lines.
   */
  private static List<String> checkpoints() {
    List<String> log = new ArrayList<>();
    log.add("m1");
    Weft.checkpoint(); // nothing else is ready: never a choice
    Task<Void> a =
        Weft.spawn(
            "A",
            () -> {
              log.add("a1");
              Weft.checkpoint();
              log.add("a2");
            });
    log.add("m2");
    Weft.checkpoint(); // A is ready: a choice under EVERY_OPERATION
    log.add("m3");
    a.join();
    log.add("m4");
    return log;
  }

  @Nested
  @DisplayName("checkpoint does not suspend")
  class Cooperative {

    @Test
    @DisplayName(
        "semantics §1.2: a cooperative run ignores checkpoint, even under a random strategy: main"
            + " runs to its join before A starts; a schedule that says switch there does not fit")
    void checkpointDoesNothing() {
      List<String> expected = List.of("m1", "m2", "m3", "a1", "a2", "m4");

      assertThat(Weft.run(PreemptionTests::checkpoints)).isEqualTo(expected);
      for (long seed = 0; seed < 5; seed++) {
        List<RunEvent> events = new ArrayList<>();
        List<String> log =
            Weft.run(
                RunOptions.defaults().strategy(Strategy.random()).seed(seed).listener(events::add),
                PreemptionTests::checkpoints);
        assertThat(log).isEqualTo(expected);
        assertThat(events).noneMatch(e -> e.kind() == RunEvent.Kind.CHOSE);
      }
      assertThatThrownBy(
              () -> Weft.run(options(Preemption.COOPERATIVE, "p1*3"), PreemptionTests::checkpoints))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining("so 3 choices were left over");
    }

    @Test
    @DisplayName(
        "Public API contract (misuse): checkpoint outside a run is an IllegalStateException")
    void checkpointOutsideARun() {
      assertThatThrownBy(Weft::checkpoint)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Weft.checkpoint")
          .hasMessageContaining("Weft.run");
    }
  }

  @Nested
  @DisplayName("a switch at an operation")
  class EveryOperation {

    @Test
    @DisplayName(
        "under replay 'p1' main is switched out at its first operation with A ready (not at"
            + " the first checkpoint, where nothing else was ready); A runs, then main resumes")
    void switchedOutAtFirstOperationWithAnotherTaskReady() {
      List<RunEvent> events = new ArrayList<>();
      List<String> log =
          Weft.run(
              options(Preemption.EVERY_OPERATION, "p1").listener(events::add),
              PreemptionTests::checkpoints);

      // main yields to the tail: A (ahead of it) runs both its lines, then main goes on.
      assertThat(log).containsExactly("m1", "m2", "a1", "a2", "m3", "m4");
      assertThat(
              events.stream()
                  .filter(e -> e.kind() == RunEvent.Kind.CHOSE)
                  .map(RunEvent::toString)
                  .collect(Collectors.toList()))
          .containsExactly(
              "0s main CHOSE switched out at an operation",
              // then A and main are ready; past the schedule's end the default is A, ahead of main
              "0s A CHOSE picked 1 of 2 ready");
    }

    @Test
    @DisplayName("under EVERY_OPERATION the default (fifo, empty replay, 'p0') never switches")
    void defaultNeverSwitches() {
      List<String> expected = List.of("m1", "m2", "m3", "a1", "a2", "m4");
      RunOptions every = RunOptions.defaults().preemption(Preemption.EVERY_OPERATION);

      assertThat(Weft.run(every, PreemptionTests::checkpoints)).isEqualTo(expected);
      assertThat(Weft.run(options(Preemption.EVERY_OPERATION, ""), PreemptionTests::checkpoints))
          .isEqualTo(expected);
      assertThat(Weft.run(options(Preemption.EVERY_OPERATION, "p0"), PreemptionTests::checkpoints))
          .isEqualTo(expected);
    }

    @Test
    @DisplayName(
        "a put on a queue with room is a switch point; the switch comes before the put, so"
            + " A finds the queue still empty")
    void queuePutIsASwitchPoint() {
      java.util.concurrent.Callable<List<String>> program =
          () -> {
            List<String> lines = new ArrayList<>();
            Queue<String> queue = new Queue<>();
            Task<Void> a =
                Weft.spawn(
                    "A",
                    () -> {
                      lines.add("A sees " + queue.size());
                    });
            queue.putNowait("x");
            lines.add("main put, size " + queue.size());
            a.join();
            return lines;
          };

      assertThat(Weft.run(options(Preemption.EVERY_OPERATION, "p1"), program))
          .containsExactly("A sees 0", "main put, size 1");
      // cooperative: the put does not suspend (semantics §1.2), so main goes on first, and a
      // schedule that says to switch there does not fit the run: strict replay says so
      assertThat(Weft.run(program)).containsExactly("main put, size 1", "A sees 1");
      assertThatThrownBy(() -> Weft.run(options(Preemption.COOPERATIVE, "p1"), program))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining("at choice 1 of 1: the schedule says 'p1'")
          .hasMessageContaining("the run ended after 0 choices, so 1 choice was left over")
          .hasMessageContaining("comes only under Preemption.EVERY_OPERATION");
    }

    @Test
    @DisplayName("checkpoint in a callback does nothing; the switch waits for a task")
    void checkpointInACallbackDoesNothing() {
      List<String> log =
          Weft.run(
              // two task choices (A of A, callback, main; callback of callback, main), then p1
              options(Preemption.EVERY_OPERATION, "0 0 p1"),
              () -> {
                List<String> lines = new ArrayList<>();
                Task<Void> a =
                    Weft.spawn(
                        "A",
                        () -> {
                          lines.add("A");
                        });
                Weft.callSoon(
                    () -> {
                      Weft.checkpoint(); // main is ready, but a callback is not a task
                      lines.add("callback");
                    });
                Weft.yieldNow(); // pass: A, callback, then main
                lines.add("m1");
                Task<Void> b =
                    Weft.spawn(
                        "B",
                        () -> {
                          lines.add("B");
                        });
                Weft.checkpoint(); // B is ready: the p1 is still unused and applies here
                lines.add("m2");
                Weft.gather(a, b);
                return lines;
              });

      assertThat(log).containsExactly("A", "callback", "m1", "B", "m2");
    }
  }

  @Nested
  @DisplayName("a primitive operation is one switch point, not one per internal step")
  class Atomic {

    /**
     * W takes the only item, marks it done (which releases main's join, semantics §2.11),
     * checkpoints and logs; O only logs. The schedule declines the switches at main's join (p0),
     * picks W first (0), declines at getNowait and taskDone (p0 p0), and switches at the next point
     * (p1).
     */
    @Test
    @DisplayName(
        "semantics §2.11 + taskDone and the release of join are one step: the switch after"
            + " taskDone finds main already woken, so main's join returns before W goes on")
    void taskDoneReleasesJoinAtomically() {
      List<String> log =
          Weft.run(
              options(Preemption.EVERY_OPERATION, "p0 0 p0 p0 p1"),
              () -> {
                List<String> lines = new ArrayList<>();
                Queue<String> queue = new Queue<>();
                queue.putNowait("x"); // nothing else ready: no choice
                Task<Void> w =
                    Weft.spawn(
                        "W",
                        () -> {
                          lines.add("W takes " + queue.getNowait());
                          queue.taskDone();
                          Weft.checkpoint();
                          lines.add("W after");
                        });
                Task<Void> o =
                    Weft.spawn(
                        "O",
                        () -> {
                          lines.add("O");
                        });
                queue.join();
                lines.add("main joined");
                Weft.gather(w, o);
                return lines;
              });

      // Had taskDone switched between its count and the join event, the p1 would fall there:
      // O, then W after (which sets the event), then main joined.
      assertThat(log).containsExactly("W takes x", "O", "main joined", "W after");
    }
  }
}
