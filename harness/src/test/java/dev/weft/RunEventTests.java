package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Run events carry typed details: what a renderer reads instead of parsing text. */
class RunEventTests {

  private static List<RunEvent> record(RunOptions options, java.util.concurrent.Callable<?> main) {
    List<RunEvent> events = new ArrayList<>();
    Weft.run(options.listener(events::add), main);
    return events;
  }

  @Test
  void aWaitOnAQueueNamesTheOperationThePrimitiveAndItsState() {
    List<RunEvent> events =
        record(
            RunOptions.defaults(),
            () -> {
              Queue<String> items = new Queue<>("items", 1);
              items.put("A0");
              Task<Void> late = Weft.spawn("late", () -> items.put("A1"));
              Weft.yieldNow();
              items.get();
              return Weft.gather(late);
            });

    RunEvent.Wait put =
        events.stream()
            .filter(e -> e.task().equals("late") && e.kind() == RunEvent.Kind.SUSPENDED)
            .map(e -> (RunEvent.Wait) e.detail())
            .findFirst()
            .orElseThrow();
    assertThat(put.operation()).isEqualTo("put");
    assertThat(put.on()).isEqualTo("queue 'items'");
    assertThat(put.tasks()).isEmpty();
    assertThat(put.text()).isEqualTo("put on queue 'items' (full, 1/1)");
    assertThat(put.isYield()).isFalse();

    RunEvent.Wait yield =
        (RunEvent.Wait)
            events.stream()
                .filter(e -> e.task().equals("main") && e.kind() == RunEvent.Kind.SUSPENDED)
                .findFirst()
                .orElseThrow()
                .detail();
    assertThat(yield.isYield()).isTrue();

    List<String> operations =
        events.stream()
            .filter(e -> e.kind() == RunEvent.Kind.OPERATION)
            .map(e -> (RunEvent.Operation) e.detail())
            .map(o -> o.primitive() + "|" + o.name() + "|" + o.operation() + "|" + o.item())
            .collect(Collectors.toList());
    assertThat(operations)
        .containsExactly(
            "queue|queue 'items'|put|A0",
            "queue|queue 'items'|get|A0",
            "queue|queue 'items'|put|A1");
  }

  @Test
  void aGatherWaitListsTheTasksItWaitsFor() {
    List<RunEvent> events =
        record(
            RunOptions.defaults(),
            () -> Weft.gather(Weft.spawn("P0", () -> 1), Weft.spawn("P1", () -> 2)));

    RunEvent.Wait gather = (RunEvent.Wait) events.get(4).detail();
    assertThat(events.get(4).kind()).isEqualTo(RunEvent.Kind.SUSPENDED);
    assertThat(gather.operation()).isEqualTo("gather");
    assertThat(gather.on()).isNull();
    assertThat(gather.tasks()).containsExactly("P0", "P1");
    assertThat(gather.text()).isEqualTo("gather(P0, P1), waiting for P0");
  }

  @Test
  void endingsCarryTheirOutcome() {
    List<RunEvent> events =
        record(
            RunOptions.defaults().failOnUnobservedFailures(false),
            () -> {
              Task<Void> failing =
                  Weft.spawn(
                      "failing",
                      () -> {
                        throw new IllegalStateException("boom");
                      });
              Task<Integer> never = Weft.spawn("never", () -> 1);
              never.cancel();
              Weft.yieldNow();
              return failing.isDone();
            });

    assertThat(events)
        .filteredOn(e -> e.task().equals("failing") && e.kind() == RunEvent.Kind.FAILED)
        .singleElement()
        .extracting(RunEvent::detail)
        .isEqualTo(
            new RunEvent.Failed(
                "java.lang.IllegalStateException", "java.lang.IllegalStateException: boom", false));
    assertThat(events)
        .filteredOn(e -> e.task().equals("never") && e.kind() == RunEvent.Kind.CANCELLED)
        .singleElement()
        .extracting(RunEvent::detail)
        .isEqualTo(new RunEvent.Cancelled(RunEvent.Cancelled.When.BEFORE_START));
    RunEvent last = events.get(events.size() - 1);
    assertThat(last.detail()).isEqualTo(new RunEvent.Returned("true"));
    assertThat(last).hasToString("0s main COMPLETED true");
  }

  @Test
  void choicesSayWhetherTheyDepartFromAsyncioOrder() {
    RunEvent.Choice first = new RunEvent.Choice(RunEvent.Choice.Point.TASK, 0, 3);
    RunEvent.Choice third = new RunEvent.Choice(RunEvent.Choice.Point.TASK, 2, 3);
    RunEvent.Choice data = new RunEvent.Choice(RunEvent.Choice.Point.DATA, 2, 5);
    RunEvent.Choice switched = new RunEvent.Choice(RunEvent.Choice.Point.SWITCH, 1, 2);
    assertThat(first.departs()).isFalse();
    assertThat(third.departs()).isTrue();
    assertThat(data.departs()).isFalse();
    assertThat(switched.departs()).isTrue();
    assertThat(third.text()).isEqualTo("picked 3 of 3 ready");
    assertThat(data.text()).isEqualTo("choose(5) returned 2");
    assertThat(switched.text()).isEqualTo("switched out at an operation");
  }

  @Test
  void anOperationSaysItsVerbInThePastTense() {
    assertThat(new RunEvent.Operation("queue", "queue 'q'", "get", "x").text())
        .isEqualTo("got from queue 'q': x");
    assertThat(new RunEvent.Operation("queue", "queue 'q'", "put", "x").text())
        .isEqualTo("put on queue 'q': x");
    assertThat(new RunEvent.Operation("lock", "lock #1", "acquire", null).text())
        .isEqualTo("acquired lock #1");
    assertThat(new RunEvent.Operation("lock", "lock #1", "release", null).verb())
        .isEqualTo("released");
    assertThat(new RunEvent.Operation("event", "event 'go'", "set", null).text())
        .isEqualTo("set event 'go'");
  }

  @Test
  void anEventRefusesADetailOfAnotherKind() {
    assertThatThrownBy(
            () ->
                new RunEvent(
                    Duration.ZERO, "main", RunEvent.Kind.COMPLETED, new RunEvent.Callback("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a COMPLETED event takes a Returned detail, but got a Callback");
    assertThatThrownBy(() -> new RunEvent(Duration.ZERO, "main", RunEvent.Kind.SPAWNED, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(new RunEvent(Duration.ofMillis(200), "P0", RunEvent.Kind.RAN, RunEvent.NONE))
        .hasToString("0.2s P0 RAN");
  }
}
