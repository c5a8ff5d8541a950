package dev.weft;

import static dev.weft.TestPrograms.logsName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.explore.Counterexample;
import dev.weft.explore.Explorer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * a run under a recorded schedule replays exactly; past its end every choice is the default
 * (asyncio's order, semantics §1.1), so the empty schedule is the plain FIFO run. A task choice
 * that names its task survives edits that move the task to another index.
 */
class ReplayTests {

  /**
   * A hand-off with a missing wait: the reader assumes the writer, which was spawned first, has put
   * its item by the time the reader's second step runs. True in asyncio's order (semantics §1.1:
   * both yield in pass 1, then writer, reader in pass 2), false if pass 2 runs the reader first.
   */
  static List<String> handOff() {
    List<String> log = new ArrayList<>();
    List<String> box = new ArrayList<>();
    Task<Void> writer =
        Weft.spawn(
            "writer",
            () -> {
              log.add("w1");
              Weft.yieldNow();
              box.add("item");
              log.add("w2");
            });
    Task<Void> reader =
        Weft.spawn(
            "reader",
            () -> {
              log.add("r1");
              Weft.yieldNow();
              if (box.isEmpty()) {
                throw new IllegalStateException("reader found the box empty after " + log);
              }
              log.add("r2 " + box.get(0));
            });
    Task<Void> noise =
        Weft.spawn(
            "noise",
            () -> {
              log.add("n1");
              Weft.yieldNow();
              log.add("n2");
            });
    Weft.gather(writer, reader, noise);
    return log;
  }

  /** Runs {@code program} under {@code options}, returning its events and what it threw. */
  private static Recorded record(RunOptions options, java.util.concurrent.Callable<?> program) {
    List<RunEvent> events = new ArrayList<>();
    Throwable thrown = catchThrowable(() -> Weft.run(options.listener(events::add), program));
    return new Recorded(events, thrown);
  }

  record Recorded(List<RunEvent> events, Throwable thrown) {
    List<RunEvent> without(RunEvent.Kind kind) {
      return events.stream().filter(e -> e.kind() != kind).collect(Collectors.toList());
    }

    List<String> only(RunEvent.Kind kind) {
      return events.stream()
          .filter(e -> e.kind() == kind)
          .map(RunEvent::toString)
          .collect(Collectors.toList());
    }
  }

  private static Counterexample findHandOffBug() {
    return Explorer.explore(ReplayTests::handOff)
        .strategy(Strategy.random())
        .tries(200)
        .run()
        .counterexample()
        .orElseThrow();
  }

  @Nested
  @DisplayName("replaying a counterexample")
  class FromCounterexample {

    @Test
    @DisplayName(
        "the plain run passes; replaying minimal() fails with the same message"
            + " and the same events as the counterexample's trace")
    void minimalReplaysExactly() {
      // semantics §1.1: pass 1 runs writer, reader, noise (each yields); pass 2 the same order.
      assertThat(Weft.run(ReplayTests::handOff))
          .containsExactly("w1", "r1", "n1", "w2", "r2 item", "n2");

      Counterexample found = findHandOffBug();
      Recorded replay = record(RunOptions.defaults().replay(found.minimal()), ReplayTests::handOff);

      assertThat(found.failure())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("reader found the box empty after [")
          .message()
          .doesNotContain("w2");
      assertThat(replay.thrown())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(found.failure().getMessage());
      assertThat(replay.events()).isEqualTo(found.trace());
      assertThat(replay.only(RunEvent.Kind.CHOSE)).isNotEmpty();
    }

    @Test
    @DisplayName(
        "replaying schedule() (as found) fails the same way every time and takes"
            + " exactly the choices of the schedule")
    void foundScheduleReplaysExactly() {
      Counterexample found = findHandOffBug();
      Schedule schedule = Schedule.parse(found.schedule().toString()); // through the text form

      Recorded first = record(RunOptions.defaults().replay(schedule), ReplayTests::handOff);
      Recorded second = record(RunOptions.defaults().replay(schedule), ReplayTests::handOff);

      assertThat(first.thrown())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("reader found the box empty");
      assertThat(second.thrown()).hasMessage(first.thrown().getMessage());
      assertThat(second.events()).isEqualTo(first.events());

      // Explored under its own replay, the failing try records the very same schedule.
      Counterexample again =
          Explorer.explore(ReplayTests::handOff)
              .strategy(Strategy.replay(schedule))
              .tries(1)
              .run()
              .counterexample()
              .orElseThrow();
      assertThat(again.schedule()).isEqualTo(found.schedule());
      assertThat(again.minimal()).isEqualTo(found.minimal());
    }
  }

  @Nested
  @DisplayName("past its end, every choice is the default")
  class PastTheEnd {

    /** semantics §1.1 round-robin: three tasks each logging, yielding, logging. */
    private List<String> roundRobin() {
      List<String> log = new ArrayList<>();
      List<Task<Void>> tasks = new ArrayList<>();
      for (String name : List.of("a", "b", "c")) {
        tasks.add(
            Weft.spawn(
                name,
                () -> {
                  log.add(name + "1");
                  Weft.yieldNow();
                  log.add(name + "2");
                }));
      }
      Weft.gather(tasks);
      return log;
    }

    @Test
    @DisplayName(
        "semantics §1.1: the empty schedule is the plain FIFO run, event for event"
            + " (plus CHOSE events that all pick the first ready)")
    void emptyScheduleIsThePlainRun() {
      Recorded plain = record(RunOptions.defaults(), this::roundRobin);
      Recorded empty = record(RunOptions.defaults().replay(Schedule.empty()), this::roundRobin);

      assertThat(Weft.run(RunOptions.defaults().replay(Schedule.empty()), this::roundRobin))
          .containsExactly("a1", "b1", "c1", "a2", "b2", "c2");
      assertThat(plain.thrown()).isNull();
      assertThat(empty.thrown()).isNull();
      assertThat(empty.without(RunEvent.Kind.CHOSE)).isEqualTo(plain.events());
      assertThat(empty.only(RunEvent.Kind.CHOSE))
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e).containsPattern(" CHOSE picked 1 of \\d+ ready$"));
    }

    @Test
    @DisplayName(
        "semantics §1.1: after replaying '2' (c first in pass 1), the run goes on in"
            + " asyncio's order: pass 2 runs the tasks in the order they yielded")
    void defaultsAfterAPrefix() {
      // Pass 1: c, then a and b in order; each yields to the tail, so pass 2 is c, a, b.
      assertThat(Weft.run(RunOptions.defaults().replay(Schedule.parse("2")), this::roundRobin))
          .containsExactly("c1", "a1", "b1", "c2", "a2", "b2");
      // A second choice applies to the next choice point: pass 1 after c is [a, b].
      assertThat(Weft.run(RunOptions.defaults().replay(Schedule.parse("2 1")), this::roundRobin))
          .containsExactly("c1", "b1", "a1", "c2", "b2", "a2");
    }
  }

  @Nested
  @DisplayName("a task choice that names its task")
  class NamedChoices {

    /** Spawns the named tasks in order, each logging its name, and waits for them all. */
    private List<String> spawnInOrder(String... names) {
      List<String> log = new ArrayList<>();
      List<Task<Void>> tasks = new ArrayList<>();
      for (String name : names) {
        tasks.add(logsName(name, log));
      }
      Weft.gather(tasks);
      return log;
    }

    @Test
    @DisplayName(
        "'1:B' still picks B after an edit spawns X between A and B; the bare"
            + " index '1' now picks X")
    void nameWinsOverIndex() {
      RunOptions named = RunOptions.defaults().replay(Schedule.parse("1:B"));
      RunOptions bare = RunOptions.defaults().replay(Schedule.parse("1"));

      // Before the edit, both mean B.
      assertThat(Weft.run(named, () -> spawnInOrder("A", "B"))).containsExactly("B", "A");
      assertThat(Weft.run(bare, () -> spawnInOrder("A", "B"))).containsExactly("B", "A");
      // After it, index 1 is X; the name still finds B, now at index 2.
      assertThat(Weft.run(bare, () -> spawnInOrder("A", "X", "B"))).containsExactly("X", "A", "B");
      Recorded edited = record(named, () -> spawnInOrder("A", "X", "B"));
      assertThat(edited.only(RunEvent.Kind.CHOSE))
          .first()
          .isEqualTo("0s B CHOSE picked 3 of 3 ready");
      assertThat(Weft.run(named, () -> spawnInOrder("A", "X", "B"))).containsExactly("B", "A", "X");
    }
  }

  @Nested
  @DisplayName("RunEvent.Kind.CHOSE: only when the run is explored or replayed")
  class ChoseEvents {

    private List<String> threeTasks() {
      List<String> log = new ArrayList<>();
      List<Task<Void>> tasks = new ArrayList<>();
      for (String name : List.of("A", "B", "C")) {
        tasks.add(logsName(name, log));
      }
      Weft.gather(tasks);
      return log;
    }

    @Test
    @DisplayName("RunEvent CHOSE: a plain run and an explicit fifo() report no choice")
    void noChoseUnderFifo() {
      assertThat(record(RunOptions.defaults(), this::threeTasks).only(RunEvent.Kind.CHOSE))
          .isEmpty();
      assertThat(
              record(RunOptions.defaults().strategy(Strategy.fifo()), this::threeTasks)
                  .only(RunEvent.Kind.CHOSE))
          .isEmpty();
    }

    @Test
    @DisplayName(
        "RunEvent CHOSE: random and replay report each choice point, naming the task picked")
    void choseUnderOtherStrategies() {
      Recorded replay =
          record(RunOptions.defaults().replay(Schedule.parse("2:C 1:B")), this::threeTasks);
      assertThat(replay.only(RunEvent.Kind.CHOSE))
          .startsWith("0s C CHOSE picked 3 of 3 ready", "0s B CHOSE picked 2 of 2 ready");

      Recorded random =
          record(RunOptions.defaults().strategy(Strategy.random()).seed(7), this::threeTasks);
      assertThat(random.only(RunEvent.Kind.CHOSE))
          .isNotEmpty()
          .first()
          .asString()
          .matches("0s [ABC] CHOSE picked [123] of 3 ready");
    }
  }
}
