package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.explore.Counterexample;
import dev.weft.explore.Explorer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A replay is strict: a schedule that does not fit the run fails it with {@link
 * ReplayDivergedException}, naming the first departure (the choice, what the schedule said, what
 * the run offered), instead of quietly running another schedule. A schedule recorded under {@link
 * Preemption#EVERY_OPERATION} carries the mode and replays under it.
 */
class StrictReplayTests {

  /** main draws choose(3) and returns it. */
  private static int drawsOne() {
    return Weft.choose(3);
  }

  /** A and B, ready together (semantics §1.1), each logging its name; returns the log. */
  private static List<String> twoTasks() {
    List<String> log = new ArrayList<>();
    Weft.gather(TestPrograms.logsName("A", log), TestPrograms.logsName("B", log));
    return log;
  }

  /**
   * Two tasks each read a shared counter, pass an operation (a switch point under every-operation
   * preemption) and write it back: a lost update only a switch between read and write shows.
   */
  private static void lostUpdate() {
    int[] counter = {0};
    Queue<String> log = new Queue<>("log", 0);
    Weft.gather(
        Weft.spawn(
            "A",
            () -> {
              int read = counter[0];
              log.putNowait("A");
              counter[0] = read + 1;
            }),
        Weft.spawn(
            "B",
            () -> {
              int read = counter[0];
              log.putNowait("B");
              counter[0] = read + 1;
            }));
    if (counter[0] != 2) {
      throw new AssertionError("lost update: counter is " + counter[0]);
    }
  }

  private static RunOptions replaying(String schedule) {
    return RunOptions.defaults().replay(Schedule.parse(schedule));
  }

  @Nested
  @DisplayName("a departure fails the run, naming the choice, the schedule's token and the run's")
  class Departures {

    @Test
    @DisplayName("'d9' against choose(3)")
    void dataValueOutOfRange() {
      assertThat(Weft.run(replaying("d2"), StrictReplayTests::drawsOne)).isEqualTo(2);
      assertThatThrownBy(() -> Weft.run(replaying("d9"), StrictReplayTests::drawsOne))
          .isInstanceOf(ReplayDivergedException.class)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "The replay departed from its schedule at choice 1 of 1 ('d9', at virtual time 0s,"
                  + " while main ran): the schedule says Weft.choose returns 9, but the run offered"
                  + " Weft.choose(3), which returns 0 to 2 (a d token).")
          .hasMessageEndingWith(
              "The run did not follow the schedule, so how it ended (it passed) says nothing about"
                  + " the schedule: record the schedule again (run the exploration that found it),"
                  + " or fix it.");
    }

    @Test
    @DisplayName("'1:Nobody': a task that is not ready, with the ready ones listed")
    void taskNotReady() {
      assertThat(Weft.run(replaying("1:B"), StrictReplayTests::twoTasks)).containsExactly("B", "A");
      assertThatThrownBy(() -> Weft.run(replaying("1:Nobody"), StrictReplayTests::twoTasks))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageStartingWith(
              "The replay departed from its schedule at choice 1 of 1 ('1:Nobody', at virtual time"
                  + " 0s): the schedule says run task Nobody, but the run offered a choice among"
                  + " the 2 ready (A, B, in asyncio's order). Task Nobody was not ready at this"
                  + " point.");
    }

    @Test
    @DisplayName("'5': an index past the ready tasks")
    void indexOutOfRange() {
      assertThatThrownBy(() -> Weft.run(replaying("5"), StrictReplayTests::twoTasks))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining(
              "the schedule says run the ready task at index 5, but the run offered a choice among"
                  + " the 2 ready (A, B, in asyncio's order). Index 5 is past them.");
    }

    @Test
    @DisplayName(
        "'p1 p1' under cooperative preemption: a switch decision where the run picks a task, with"
            + " a hint about the mode")
    void switchUnderCooperative() {
      assertThatThrownBy(() -> Weft.run(replaying("p1 p1"), StrictReplayTests::lostUpdate))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining(
              "at choice 1 of 2 ('p1', at virtual time 0s): the schedule says switch at an"
                  + " operation, but the run offered a choice among the 2 ready (A, B, in asyncio's"
                  + " order). A switch decision (a p token) comes only under"
                  + " Preemption.EVERY_OPERATION: a schedule recorded under it starts with"
                  + " 'every-operation:', or replay it with"
                  + " .preemption(Preemption.EVERY_OPERATION).");
    }

    @Test
    @DisplayName("a token of another kind than the run's choice point: 'd1' where a task is picked")
    void anotherKind() {
      assertThatThrownBy(() -> Weft.run(replaying("d1"), StrictReplayTests::twoTasks))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining(
              "the schedule says Weft.choose returns 1, but the run offered a choice among the 2"
                  + " ready (A, B, in asyncio's order). The program changed since the schedule was"
                  + " recorded, or the schedule was recorded for another program or preemption"
                  + " mode.");
    }

    @Test
    @DisplayName("choices left over when the run ends")
    void leftOver() {
      assertThatThrownBy(() -> Weft.run(replaying("d1 1:B d2"), StrictReplayTests::drawsOne))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining(
              "at choice 2 of 3: the schedule says '1:B d2', but the run ended after 1 choice, so"
                  + " 2 choices were left over.");
    }

    @Test
    @DisplayName("a run that also failed keeps its failure, suppressed; only the first departure")
    void failureIsKept() {
      Throwable thrown =
          catchThrowable(
              () ->
                  Weft.run(
                      replaying("d7 d8"),
                      () -> {
                        Weft.choose(3);
                        throw new IllegalStateException("the program's own failure");
                      }));

      assertThat(thrown)
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining("at choice 1 of 2 ('d7'")
          .hasMessageContaining("(it failed with java.lang.IllegalStateException, attached)");
      assertThat(thrown.getSuppressed())
          .singleElement()
          .satisfies(e -> assertThat(e).hasMessage("the program's own failure"));
    }

    @Test
    @DisplayName("an exploration replaying a schedule that does not fit throws, not shrinks, it")
    void explorerThrows() {
      Throwable thrown =
          catchThrowable(
              () ->
                  Explorer.explore(StrictReplayTests::drawsOne)
                      .strategy(Strategy.replay(Schedule.parse("d9")))
                      .tries(1)
                      .run());

      assertThat(thrown)
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining("the schedule says Weft.choose returns 9");
    }
  }

  @Nested
  @DisplayName("what fits replays as before")
  class Fits {

    @Test
    @DisplayName(
        "a schedule may end before the run: the rest is asyncio's order; blanks fit any choice")
    void shortSchedulesAndBlanks() {
      assertThat(Weft.run(replaying(""), StrictReplayTests::twoTasks)).containsExactly("A", "B");
      assertThat(Weft.run(replaying("_"), StrictReplayTests::twoTasks)).containsExactly("A", "B");
      assertThat(Weft.run(replaying("_"), StrictReplayTests::drawsOne)).isZero();
    }
  }

  @Nested
  @DisplayName("a schedule reads as its departures, and blanks survive edits that positions do not")
  class Blanks {

    /**
     * main spawns X, then draws a value (or, once edited, puts on a queue: under every-operation
     * preemption a switch decision, with X ready), then gathers X, A and B; B running before A
     * fails.
     */
    private void program(boolean edited) {
      List<String> log = new ArrayList<>();
      Queue<String> queue = new Queue<>("q", 0);
      Task<Void> x = Weft.spawn("X", () -> {});
      if (edited) {
        queue.putNowait("x");
      } else {
        Weft.choose(2);
      }
      Weft.gather(x, TestPrograms.logsName("A", log), TestPrograms.logsName("B", log));
      if (log.get(0).equals("B")) {
        throw new AssertionError("B ran first");
      }
    }

    @Test
    @DisplayName(
        "'_ 2:B' still replays after an edit turns the value into a switch decision;"
            + " the positional 'd0 2:B' departs and says where")
    void blanksSurviveAKindChange() {
      RunOptions every = RunOptions.defaults().preemption(Preemption.EVERY_OPERATION);
      Counterexample found =
          Explorer.explore(() -> program(false))
              .preemption(Preemption.EVERY_OPERATION)
              .strategy(Strategy.exhaustive(1))
              .run()
              .counterexample()
              .orElseThrow();

      assertThat(found.minimal()).hasToString("_ 2:B");
      assertThatThrownBy(
              () ->
                  Weft.run(
                      every.replay(found.minimal()),
                      () -> {
                        program(true);
                        return null;
                      }))
          .isInstanceOf(AssertionError.class)
          .hasMessage("B ran first");
      assertThatThrownBy(
              () ->
                  Weft.run(
                      every.replay(Schedule.parse("d0 2:B")),
                      () -> {
                        program(true);
                        return null;
                      }))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining(
              "at choice 1 of 2 ('d0', at virtual time 0s, while main ran): the schedule says"
                  + " Weft.choose returns 0, but the run offered a switch decision at an operation"
                  + " of main.");
    }
  }

  @Nested
  @DisplayName("the preemption mode travels with the schedule")
  class Mode {

    private Counterexample found() {
      return Explorer.explore(StrictReplayTests::lostUpdate)
          .preemption(Preemption.EVERY_OPERATION)
          .strategy(Strategy.exhaustive(1))
          .run()
          .counterexample()
          .orElseThrow();
    }

    @Test
    @DisplayName(
        "a minimal schedule found under EVERY_OPERATION starts with 'every-operation:' and replays"
            + " under it with default options")
    void recordedModeReplays() {
      Counterexample found = found();

      assertThat(found.minimal().toString()).startsWith("every-operation: ");
      assertThat(Schedule.parse(found.minimal().toString())).isEqualTo(found.minimal());
      assertThatThrownBy(
              () ->
                  Weft.run(
                      RunOptions.defaults().replay(found.minimal()),
                      () -> {
                        lostUpdate();
                        return null;
                      }))
          .isInstanceOf(AssertionError.class)
          .hasMessage("lost update: counter is 1");
      // Even options that say cooperative: the schedule's mode wins.
      assertThatThrownBy(
              () ->
                  Weft.run(
                      RunOptions.defaults()
                          .replay(found.minimal())
                          .preemption(Preemption.COOPERATIVE),
                      () -> {
                        lostUpdate();
                        return null;
                      }))
          .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName(
        "schedules recorded under EVERY_OPERATION replay identically: the minimal one gives the"
            + " counterexample's trace event for event, and the try as found replays without a"
            + " departure, under default options")
    void recordedSchedulesReplayIdentically() {
      for (long seed = 0; seed < 5; seed++) {
        Counterexample found =
            Explorer.explore(StrictReplayTests::lostUpdate)
                .preemption(Preemption.EVERY_OPERATION)
                .seed(seed)
                .run()
                .counterexample()
                .orElseThrow();
        List<RunEvent> events = new ArrayList<>();
        Throwable replayed =
            catchThrowable(
                () ->
                    Weft.run(
                        RunOptions.defaults().replay(found.minimal()).listener(events::add),
                        () -> {
                          lostUpdate();
                          return null;
                        }));

        assertThat(replayed).isInstanceOf(AssertionError.class);
        assertThat(events).as("seed %d", seed).isEqualTo(found.trace());
        assertThat(
                catchThrowable(
                    () ->
                        Weft.run(
                            RunOptions.defaults().replay(found.schedule()),
                            () -> {
                              lostUpdate();
                              return null;
                            })))
            .as("seed %d, schedule %s", seed, found.schedule())
            .isInstanceOf(AssertionError.class)
            .hasMessage("lost update: counter is 1");
      }
    }

    @Test
    @DisplayName(
        "an old text without the mode replays under the run's own: under EVERY_OPERATION it fails"
            + " as recorded; under the cooperative default it departs, and says so")
    void oldTextWithoutTheMode() {
      String old = found().minimal().toString().substring("every-operation: ".length());
      Schedule schedule = Schedule.parse(old);

      assertThat(schedule.preemption()).isEmpty();
      assertThatThrownBy(
              () ->
                  Weft.run(
                      RunOptions.defaults().replay(schedule).preemption(Preemption.EVERY_OPERATION),
                      () -> {
                        lostUpdate();
                        return null;
                      }))
          .isInstanceOf(AssertionError.class);
      assertThatThrownBy(
              () ->
                  Weft.run(
                      RunOptions.defaults().replay(schedule),
                      () -> {
                        lostUpdate();
                        return null;
                      }))
          .isInstanceOf(ReplayDivergedException.class)
          .hasMessageContaining("comes only under Preemption.EVERY_OPERATION");
    }
  }
}
