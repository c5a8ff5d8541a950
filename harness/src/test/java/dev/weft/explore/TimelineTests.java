package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Lock;
import dev.weft.Queue;
import dev.weft.RunEvent;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Task;
import dev.weft.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How {@link Timeline} draws a list of run events: one row per task, one entry per step. */
class TimelineTests {

  /** Builds an event list by hand; every event happens at the time last set with {@link #at}. */
  private static final class Events {
    private final List<RunEvent> events = new ArrayList<>();
    private Duration now = Duration.ZERO;

    Events at(Duration time) {
      now = time;
      return this;
    }

    private Events add(String task, RunEvent.Kind kind, RunEvent.Detail detail) {
      events.add(new RunEvent(now, task, kind, detail));
      return this;
    }

    Events spawned(String task) {
      return add(task, RunEvent.Kind.SPAWNED, RunEvent.NONE);
    }

    Events ran(String task) {
      return add(task, RunEvent.Kind.RAN, RunEvent.NONE);
    }

    Events waits(String task, String operation, String text) {
      return add(
          task, RunEvent.Kind.SUSPENDED, new RunEvent.Wait(operation, null, List.of(), text));
    }

    Events yields(String task) {
      return waits(task, "yieldNow", "yieldNow()");
    }

    Events returned(String task, String value) {
      return add(task, RunEvent.Kind.COMPLETED, new RunEvent.Returned(value));
    }

    Events failed(String task, String exception, String description) {
      return add(task, RunEvent.Kind.FAILED, new RunEvent.Failed(exception, description, false));
    }

    Events unwound(String task) {
      return add(
          task,
          RunEvent.Kind.FAILED,
          new RunEvent.Failed(
              "dev.weft.internal.RunAbortedError",
              "dev.weft.internal.RunAbortedError: this Weft run has ended (deadlock)",
              true));
    }

    Events cancelled(String task, RunEvent.Cancelled.When when) {
      return add(task, RunEvent.Kind.CANCELLED, new RunEvent.Cancelled(when));
    }

    Events callback(String description) {
      return add("(callback)", RunEvent.Kind.CALLBACK, new RunEvent.Callback(description));
    }

    Events picked(String task, int chosen, int options) {
      return add(
          task,
          RunEvent.Kind.CHOSE,
          new RunEvent.Choice(RunEvent.Choice.Point.TASK, chosen, options));
    }

    Events switched(String task) {
      return add(
          task, RunEvent.Kind.CHOSE, new RunEvent.Choice(RunEvent.Choice.Point.SWITCH, 1, 2));
    }

    Events chose(String task, int value, int bound) {
      return add(
          task, RunEvent.Kind.CHOSE, new RunEvent.Choice(RunEvent.Choice.Point.DATA, value, bound));
    }

    Events operation(String task, String primitive, String name, String operation, String item) {
      return add(
          task, RunEvent.Kind.OPERATION, new RunEvent.Operation(primitive, name, operation, item));
    }

    /** One whole step of {@code task}: it runs and yields. */
    Events yieldingStep(String task) {
      return ran(task).yields(task);
    }

    String timeline() {
      return Timeline.of(events);
    }
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  @Nested
  class Steps {
    @Test
    void noEventsDrawNothing() {
      assertThat(Timeline.of(List.of())).isEmpty();
    }

    @Test
    void stepsAreNumberedInTheRunsOrderAcrossRows() {
      Events run =
          new Events()
              .spawned("main")
              .ran("main")
              .spawned("A")
              .spawned("B")
              .waits("main", "gather", "gather(A, B), waiting for A")
              .ran("A")
              .yields("A")
              .ran("B")
              .returned("B", "null")
              .ran("A")
              .returned("A", "null")
              .ran("main")
              .returned("main", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0s waits in gather(A, B), waiting for A | #5 returned",
                  "  A     #2 @0s yields | #4 returned",
                  "  B     #3 @0s returned"));
    }

    @Test
    void rowsFollowTheOrderTasksWereSpawnedInNotTheOrderTheyRan() {
      Events run =
          new Events()
              .spawned("main")
              .spawned("first")
              .spawned("second")
              .ran("second")
              .returned("second", "null")
              .ran("first")
              .returned("first", "null");

      assertThat(run.timeline())
          .isEqualTo(lines("  main    ", "  first   #2 @0s returned", "  second  #1 @0s returned"));
    }

    @Test
    void theTimeIsShownOnATasksFirstStepAndWhenItChangedForThatTask() {
      Events run =
          new Events()
              .spawned("main")
              .spawned("A")
              .ran("main")
              .waits("main", "sleep", "sleep(0.25s), until 0.25s")
              .ran("A")
              .waits("A", "sleep", "sleep(1s), until 1s")
              .at(Duration.ofMillis(250))
              .callback("sleep timer of Task 'main'")
              .ran("main")
              .yields("main")
              .ran("main")
              .waits("main", "sleep", "sleep(2s), until 2.25s")
              .at(Duration.ofSeconds(1))
              .ran("A")
              .returned("A", "null")
              .at(Duration.ofMillis(2250))
              .ran("main")
              .returned("main", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0s waits in sleep(0.25s), until 0.25s | #3 @0.25s yields"
                      + " | #4 waits in sleep(2s), until 2.25s",
                  "        #6 @2.25s returned",
                  "  A     #2 @0s waits in sleep(1s), until 1s | #5 @1s returned"));
    }

    @Test
    void timesAreSecondsWithoutTrailingZeros() {
      Events run =
          new Events()
              .spawned("main")
              .at(Duration.ofNanos(1))
              .yieldingStep("main")
              .at(Duration.ofMillis(1500))
              .yieldingStep("main")
              .at(Duration.ofSeconds(100))
              .yieldingStep("main")
              .at(Duration.ofHours(1))
              .yieldingStep("main");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0.000000001s yields | #2 @1.5s yields | #3 @100s yields"
                      + " | #4 @3600s yields"));
    }
  }

  @Nested
  class Choices {
    @Test
    void aDepartingTaskPickMarksTheStepItPickedWithAStar() {
      Events run =
          new Events()
              .spawned("main")
              .ran("main")
              .spawned("A")
              .spawned("B")
              .waits("main", "gather", "gather(A, B), waiting for A")
              .picked("B", 1, 2)
              .ran("B")
              .returned("B", "null")
              .ran("A")
              .returned("A", "null")
              .ran("main")
              .returned("main", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0s waits in gather(A, B), waiting for A | #4 returned",
                  "  A     #3 @0s returned",
                  "  B     #2* @0s returned"));
    }

    @Test
    void aPickInAsynciosOrderIsNotMarked() {
      Events run =
          new Events()
              .spawned("A")
              .spawned("B")
              .picked("A", 0, 2)
              .ran("A")
              .returned("A", "null")
              .ran("B")
              .returned("B", "null");

      assertThat(run.timeline()).isEqualTo(lines("  A  #1 @0s returned", "  B  #2 @0s returned"));
    }

    @Test
    void dataChoicesAreShownWhereTheyWereDrawn() {
      Events run =
          new Events()
              .spawned("main")
              .ran("main")
              .chose("main", 2, 3)
              .operation("main", "queue", "queue 'q'", "put", "A0")
              .chose("main", 0, 10)
              .yields("main")
              .ran("main")
              .returned("main", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0s choose(3) returned 2; put A0; choose(10) returned 0; yields"
                      + " | #2 returned"));
    }

    @Test
    void aSwitchAtAnOperationReadsSwitchedOutOnceThenYieldsAgain() {
      Events run =
          new Events()
              .spawned("main")
              .spawned("A")
              .ran("main")
              .switched("main")
              .yields("main")
              .picked("A", 0, 2)
              .ran("A")
              .returned("A", "null")
              .ran("main")
              .yields("main")
              .ran("main")
              .returned("main", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0s switched out | #3 yields | #4 returned",
                  "  A     #2 @0s returned"));
    }

    @Test
    void aDepartingPickOfACallbackDoesNotMarkTheNextTaskStep() {
      Events run =
          new Events()
              .spawned("main")
              .ran("main")
              .spawned("A")
              .waits("main", "join", "join(Task 'A')")
              .picked("(callback)", 1, 3)
              .callback("callSoon from Task 'main'")
              .picked("A", 0, 2)
              .ran("A")
              .returned("A", "null")
              .ran("main")
              .returned("main", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0s waits in join(Task 'A') | #3 returned",
                  "  A     #2 @0s returned"));
    }
  }

  @Nested
  class Operations {
    @Test
    void itemsPutAndGotAndOtherOperationsAreShownInTheStepThatDidThem() {
      Events run =
          new Events()
              .spawned("A")
              .spawned("B")
              .ran("A")
              .operation("A", "queue", "queue 'q'", "put", "A0")
              .operation("A", "lock", "lock 'm'", "acquire", null)
              .yields("A")
              .ran("B")
              .operation("B", "queue", "queue 'q'", "get", "B1")
              .operation("B", "event", "event 'e'", "set", null)
              .yields("B")
              .ran("A")
              .operation("A", "lock", "lock 'm'", "release", null)
              .returned("A", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  A  #1 @0s put A0; acquired lock 'm'; yields | #3 released lock 'm'; returned",
                  "  B  #2 @0s got B1; set event 'e'; yields"));
    }

    @Test
    void operationsOfACallbackBetweenStepsLeaveNoEntryAndNoRow() {
      Events run =
          new Events()
              .spawned("A")
              .ran("A")
              .waits("A", "wait", "wait on event 'e'")
              .callback("callLater(...)")
              .operation("(callback)", "event", "event 'e'", "set", null)
              .ran("A")
              .returned("A", "null");

      assertThat(run.timeline())
          .isEqualTo(lines("  A  #1 @0s waits in wait on event 'e' | #2 returned"));
    }
  }

  @Nested
  class Endings {
    @Test
    void returnedShowsTheValueButNotNull() {
      Events run =
          new Events()
              .spawned("A")
              .spawned("B")
              .ran("A")
              .returned("A", "[x, y]")
              .ran("B")
              .returned("B", "null");

      assertThat(run.timeline())
          .isEqualTo(lines("  A  #1 @0s returned [x, y]", "  B  #2 @0s returned"));
    }

    @Test
    void aFailureShowsTheException() {
      Events run =
          new Events()
              .spawned("main")
              .ran("main")
              .failed(
                  "main",
                  "java.lang.IllegalStateException",
                  "java.lang.IllegalStateException: boom");

      assertThat(run.timeline())
          .isEqualTo(lines("  main  #1 @0s FAILED: java.lang.IllegalStateException: boom"));
    }

    @Test
    void tasksUnwoundAtTheEndOfTheRunLeaveNoEntry() {
      Events run =
          new Events()
              .spawned("main")
              .ran("main")
              .spawned("A")
              .waits("main", "join", "join(Promise 'never')")
              .ran("A")
              .waits("A", "join", "join(Promise 'never')")
              .ran("main")
              .unwound("main")
              .ran("A")
              .unwound("A");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0s waits in join(Promise 'never')",
                  "  A     #2 @0s waits in join(Promise 'never')"));
    }

    @Test
    void aTaskCancelledBeforeItStartedAndOneCancelledWhileItWaited() {
      Events run =
          new Events()
              .spawned("main")
              .ran("main")
              .spawned("A")
              .spawned("B")
              .yields("main")
              .cancelled("A", RunEvent.Cancelled.When.BEFORE_START)
              .ran("B")
              .waits("B", "sleep", "sleep(1s), until 1s")
              .ran("main")
              .yields("main")
              .ran("B")
              .cancelled("B", RunEvent.Cancelled.When.WHILE_RUNNING)
              .ran("main")
              .returned("main", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  main  #1 @0s yields | #3 yields | #5 returned",
                  "  A     cancelled before it started",
                  "  B     #2 @0s waits in sleep(1s), until 1s | #4 cancelled"));
    }
  }

  @Nested
  class Layout {
    /** One step of {@code task} that waits in a sleep described by a text of {@code length}. */
    private Events waitingStep(Events run, String task, int length) {
      return run.ran(task).waits(task, "sleep", "s".repeat(length));
    }

    @Test
    void rowsWrapAt110ColumnsUnderTheFirstEntry() {
      // Indent 5 ("  T  "); "#1 @0s waits in " is 16 wide and "#n waits in " 12, " | " 3.
      Events run = new Events().spawned("T");
      waitingStep(run, "T", 34); // column 5 + 50 = 55
      waitingStep(run, "T", 40); // + 3 + 52 = 110: still fits
      waitingStep(run, "T", 1); // would reach 126: wraps
      waitingStep(run, "T", 78); // 5 + 13 + 3 + 90 = 111: wraps

      String timeline = run.timeline();

      assertThat(timeline)
          .isEqualTo(
              lines(
                  "  T  #1 @0s waits in " + "s".repeat(34) + " | #2 waits in " + "s".repeat(40),
                  "     #3 waits in s",
                  "     #4 waits in " + "s".repeat(78)));
      assertThat(Arrays.stream(timeline.split("\n")).map(String::length))
          .containsExactly(110, 18, 95);
    }

    @Test
    void anEntryWiderThanTheRowStaysWhole() {
      Events run = new Events().spawned("T");
      waitingStep(run, "T", 120);

      assertThat(run.timeline()).isEqualTo(lines("  T  #1 @0s waits in " + "s".repeat(120)));
    }

    @Test
    void seventeenStepsAreAllShown() {
      Events run = new Events().spawned("T");
      for (int i = 0; i < 17; i++) {
        run.yieldingStep("T");
      }

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  T  #1 @0s yields | #2 yields | #3 yields | #4 yields | #5 yields | #6 yields"
                      + " | #7 yields | #8 yields",
                  "     #9 yields | #10 yields | #11 yields | #12 yields | #13 yields | #14 yields"
                      + " | #15 yields | #16 yields",
                  "     #17 yields"));
    }

    @Test
    void aRowOfMoreThan17StepsShowsItsFirstAndLastEight() {
      Events run = new Events().spawned("T").spawned("U");
      for (int i = 0; i < 20; i++) {
        run.yieldingStep("T");
      }
      run.ran("U").returned("U", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  T  #1 @0s yields | #2 yields | #3 yields | #4 yields | #5 yields | #6 yields"
                      + " | #7 yields | #8 yields",
                  "     ... 4 more steps ... | #13 yields | #14 yields | #15 yields | #16 yields"
                      + " | #17 yields | #18 yields",
                  "     #19 yields | #20 yields",
                  "  U  #21 @0s returned"));
    }

    @Test
    void theNameColumnIsAsWideAsTheLongestNameUpTo20() {
      Events run =
          new Events()
              .spawned("A")
              .spawned("a-task-with-a-long-name")
              .yieldingStep("A")
              .ran("a-task-with-a-long-name")
              .returned("a-task-with-a-long-name", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  A" + " ".repeat(21) + "#1 @0s yields",
                  "  a-task-with-a-long-name  #2 @0s returned"));
    }

    @Test
    void aLongNameWrapsUnderItsOwnFirstEntry() {
      String name = "a-task-with-a-long-name"; // 23 characters; the column is 20
      Events run = new Events().spawned(name).spawned("B");
      waitingStep(run, name, 80);
      waitingStep(run, name, 1);
      run.ran("B").returned("B", "null");

      assertThat(run.timeline())
          .isEqualTo(
              lines(
                  "  " + name + "  #1 @0s waits in " + "s".repeat(80),
                  " ".repeat(27) + "#2 waits in s",
                  "  B" + " ".repeat(21) + "#3 @0s returned"));
    }
  }

  @Nested
  class RecordedRuns {
    /** Runs {@code program} with a listener and returns its timeline. */
    private String timelineOf(RunOptions options, dev.weft.ThrowingRunnable program) {
      List<RunEvent> events = new ArrayList<>();
      Weft.run(options.listener(events::add), program);
      return Timeline.of(events);
    }

    @Test
    void aRealRunIsDrawnStepByStep() {
      String timeline =
          timelineOf(
              RunOptions.defaults(),
              () -> {
                Queue<String> q = new Queue<>("q", 1);
                Lock m = new Lock("m");
                Task<Integer> a =
                    Weft.spawn(
                        "A",
                        () -> {
                          q.put("A0");
                          q.put("A1");
                          Weft.sleep(Duration.ofMillis(500));
                          return 7;
                        });
                Task<Void> b =
                    Weft.spawn(
                        "B",
                        () -> {
                          m.acquire();
                          Weft.yieldNow();
                          m.release();
                          q.get();
                        });
                Weft.choose(3);
                Weft.gather(a, b);
                q.get();
              });

      assertThat(timeline)
          .isEqualTo(
              lines(
                  "  main  #1 @0s choose(3) returned 0; waits in gather(A, B), waiting for A"
                      + " | #7 @0.5s got A1; returned",
                  "  A     #2 @0s put A0; waits in put on queue 'q' (full, 1/1)"
                      + " | #5 put A1; waits in sleep(0.5s), until 0.5s",
                  "        #6 @0.5s returned 7",
                  "  B     #3 @0s acquired lock 'm'; yields"
                      + " | #4 released lock 'm'; got A0; returned"));
    }

    @Test
    void aReplayedDepartureIsStarred() {
      String timeline =
          timelineOf(
              RunOptions.defaults().replay(Schedule.parse("1:B")),
              () -> {
                Task<String> a = Weft.spawn("A", () -> "a");
                Task<String> b = Weft.spawn("B", () -> "b");
                Weft.gather(a, b);
              });

      assertThat(timeline)
          .isEqualTo(
              lines(
                  "  main  #1 @0s waits in gather(A, B), waiting for A | #4 returned",
                  "  A     #3 @0s returned a",
                  "  B     #2* @0s returned b"));
    }

    @Test
    void aDepartingPickOfATaskCancelledBeforeItStartedDoesNotMarkTheNextStep() {
      // Ready after main yields: A, B, C, main. "1" picks B, which ends at once (cancelled);
      // then A is picked first of the three left: in asyncio's order.
      String timeline =
          timelineOf(
              RunOptions.defaults().replay(Schedule.parse("1")),
              () -> {
                Weft.spawn("A", () -> {});
                Weft.spawn("B", () -> {}).cancel();
                Weft.spawn("C", () -> {});
                Weft.yieldNow();
              });

      assertThat(timeline)
          .isEqualTo(
              lines(
                  "  main  #1 @0s yields | #4 returned",
                  "  A     #2 @0s returned",
                  "  B     cancelled before it started",
                  "  C     #3 @0s returned"));
    }
  }

  @Test
  void aMultiLineFailureShowsItsFirstLineSoThatRowsStayAligned() {
    List<RunEvent> events = new ArrayList<>();
    try {
      Weft.run(
          RunOptions.defaults().listener(events::add),
          () -> {
            throw new AssertionError("\nExpecting empty but was:\n  [A0]\n");
          });
    } catch (AssertionError expected) {
      // the run's failure; its timeline is what is checked
    }
    assertThat(Timeline.of(events))
        .isEqualTo("  main  #1 @0s FAILED: java.lang.AssertionError: ...\n");
  }
}
