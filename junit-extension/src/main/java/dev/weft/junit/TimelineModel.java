package dev.weft.junit;

import dev.weft.RunEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's events read into what {@link HtmlTimeline} draws: lanes (one per task, in spawn order,
 * then one for callbacks if any ran) and boxes in run order (each task step from its {@code RAN} to
 * how it ended, each callback, each cancellation before a task started). It reads the same typed
 * details as {@link dev.weft.explore.Timeline} and numbers steps the same way ({@code #n} is the
 * run's n-th {@code RAN}), so the page and the text timeline of a report agree.
 */
final class TimelineModel {
  /** The lane of plain callbacks; the events name their task {@code "(callback)"}. */
  static final String CALLBACKS = "(callbacks)";

  private static final String CALLBACK_TASK = "(callback)";

  /** What a box is. */
  enum BoxKind {
    /** A task step: from its {@code RAN} to its suspension or end; it has a step number. */
    STEP,
    /** A callback that ran (a timer, {@code callSoon}, {@code callLater}). */
    CALLBACK,
    /** A task's end outside a step: cancelled before it started. */
    NOTE
  }

  /** One line of a box: an operation or a {@code choose} value, as a verb and its object. */
  record Line(String verb, String object) {
    String text() {
      return object.isEmpty() ? verb : verb + " " + object;
    }
  }

  /** One lane: a task, or the callbacks. */
  static final class Lane {
    final String name;
    boolean failed;
    boolean blocked;

    Lane(String name) {
      this.name = name;
    }
  }

  /** One box, at its own position on the axis. */
  static final class Box {
    final BoxKind kind;
    final Lane lane;
    final int step;
    final Duration time;
    final List<Line> lines = new ArrayList<>();
    String ending = "";

    /** The ending as the box shows it, shorter: "FAILED: AssertionError: ..." */
    String brief = "";

    boolean picked;
    String pickText = "";
    boolean switched;
    boolean failed;
    boolean blocked;
    boolean unwound;

    Box(BoxKind kind, Lane lane, int step, Duration time) {
      this.kind = kind;
      this.lane = lane;
      this.step = step;
      this.time = time;
    }
  }

  final Map<String, Lane> lanes = new LinkedHashMap<>();
  final List<Box> boxes = new ArrayList<>();
  int steps;
  Duration end = Duration.ZERO;
  private Lane callbacks;

  private TimelineModel() {}

  /** Reads a run's events, in order. */
  static TimelineModel of(List<RunEvent> events) {
    TimelineModel model = new TimelineModel();
    model.read(events);
    return model;
  }

  /** The lanes in drawing order: tasks in spawn order, then the callbacks' lane if any ran. */
  List<Lane> lanesInOrder() {
    List<Lane> out = new ArrayList<>(lanes.values());
    if (callbacks != null) {
      out.add(callbacks);
    }
    return out;
  }

  /**
   * Returns a task's lane, made on the task's first event. Callbacks get theirs on the first
   * callback that ran: Weft's internal wake-up callbacks are chosen ({@code CHOSE}) but never run
   * as a {@code CALLBACK} event.
   */
  private Lane lane(RunEvent event) {
    if (event.task().equals(CALLBACK_TASK)) {
      if (callbacks == null && event.kind() == RunEvent.Kind.CALLBACK) {
        callbacks = new Lane(CALLBACKS);
      }
      return callbacks;
    }
    return lanes.computeIfAbsent(event.task(), Lane::new);
  }

  private void read(List<RunEvent> events) {
    Box open = null; // the task step running now
    Box callback = null; // the callback running now
    RunEvent.Choice pick = null; // the choice of what runs next, until it runs
    String picked = null; // the task that choice named
    Map<Lane, Box> waiting = new LinkedHashMap<>(); // each task's last step, if it ended waiting
    for (RunEvent event : events) {
      end = event.time();
      RunEvent.Detail detail = event.detail();
      Lane lane = lane(event);
      if (lane == null && event.kind() != RunEvent.Kind.CHOSE) {
        continue; // an internal callback's doing, before any callback ran
      }
      switch (event.kind()) {
        case SPAWNED:
          break;
        case CHOSE:
          RunEvent.Choice choice = (RunEvent.Choice) detail;
          if (choice.point() == RunEvent.Choice.Point.TASK) {
            pick = choice;
            picked = event.task();
          } else if (open != null && open.lane == lane) {
            if (choice.point() == RunEvent.Choice.Point.SWITCH) {
              open.switched = true;
            } else {
              open.lines.add(
                  new Line("choose(" + choice.options() + ") returned", "" + choice.chosen()));
            }
          }
          break;
        case OPERATION:
          Box target = open != null && open.lane == lane ? open : callback;
          if (target != null && target.lane == lane) {
            target.lines.add(operation((RunEvent.Operation) detail));
          }
          break;
        case CALLBACK:
          callback =
              add(new Box(BoxKind.CALLBACK, lane, 0, event.time()), pickOf(pick, picked, event));
          finish(callback, ((RunEvent.Callback) detail).description());
          pick = null;
          break;
        case RAN:
          callback = null;
          if (open != null) {
            finish(open, "(no end recorded)");
          }
          steps++;
          open = add(new Box(BoxKind.STEP, lane, steps, event.time()), pickOf(pick, picked, event));
          pick = null;
          break;
        default: // SUSPENDED, COMPLETED, FAILED, CANCELLED
          callback = null;
          boolean unwound =
              detail instanceof RunEvent.Failed && ((RunEvent.Failed) detail).unwound();
          if (open != null && open.lane == lane) {
            if (unwound) {
              // The run ended early (deadlock, step limit) and unwound the task: not a failure.
              // An empty unwinding step is not drawn; one that did something is, marked unwound.
              if (open.lines.isEmpty()) {
                boxes.remove(boxes.lastIndexOf(open));
              } else {
                open.unwound = true;
                finish(open, "unwound: the run had ended");
                waiting.remove(lane);
              }
            } else {
              finish(open, open.switched ? "switched out at an operation" : ending(event));
              boolean waits =
                  event.kind() == RunEvent.Kind.SUSPENDED && !open.switched && waits(detail);
              if (waits) {
                waiting.put(lane, open);
              } else {
                waiting.remove(lane);
              }
              if (event.kind() == RunEvent.Kind.FAILED) {
                open.failed = true;
                lane.failed = true;
                brief(open, (RunEvent.Failed) detail);
              }
            }
            open = null;
          } else if (!unwound) {
            Box note = add(new Box(BoxKind.NOTE, lane, 0, event.time()), null);
            finish(
                note,
                event.kind() == RunEvent.Kind.CANCELLED
                    ? "cancelled before it started"
                    : ending(event));
            if (event.kind() == RunEvent.Kind.FAILED) {
              note.failed = true;
              lane.failed = true;
              brief(note, (RunEvent.Failed) detail);
            }
            waiting.remove(lane);
          }
          break;
      }
    }
    if (open != null) {
      finish(open, "(still running when the events end)");
    }
    // A task whose last step ended waiting (not asleep) never resumed: in a deadlock, forever.
    for (Box box : waiting.values()) {
      box.blocked = true;
      box.lane.blocked = true;
    }
  }

  /**
   * Whether a suspension waits for another task or a primitive: not a yield, and not a sleep (whose
   * timer wakes it; a deadlock leaves no timer pending, so no task ends one asleep).
   */
  private static boolean waits(RunEvent.Detail detail) {
    RunEvent.Wait wait = (RunEvent.Wait) detail;
    return !wait.isYield() && !wait.operation().equals("sleep");
  }

  /** The choice that picked what this event runs, if it named it (not an internal callback). */
  private static RunEvent.Choice pickOf(RunEvent.Choice pick, String picked, RunEvent event) {
    return pick != null && event.task().equals(picked) ? pick : null;
  }

  private Box add(Box box, RunEvent.Choice pick) {
    if (pick != null && pick.departs()) {
      box.picked = true;
      box.pickText = pick.text();
    }
    boxes.add(box);
    return box;
  }

  private static void finish(Box box, String ending) {
    box.ending = ending;
    box.brief = ending;
  }

  /** A failure reads with the exception's simple name in a box: "FAILED: AssertionError: x". */
  private static void brief(Box box, RunEvent.Failed failed) {
    String type = failed.exceptionType();
    String description = failed.description();
    if (description.startsWith(type)) {
      box.brief =
          "FAILED: "
              + type.substring(type.lastIndexOf('.') + 1)
              + description.substring(type.length());
    }
  }

  /** An item put or got reads "put A0" / "got A0"; other operations "acquired lock 'm'". */
  private static Line operation(RunEvent.Operation operation) {
    return new Line(
        operation.verb(), operation.item() != null ? operation.item() : operation.name());
  }

  /** How a step ended, in the text timeline's words. */
  private static String ending(RunEvent event) {
    RunEvent.Detail detail = event.detail();
    switch (event.kind()) {
      case SUSPENDED:
        RunEvent.Wait wait = (RunEvent.Wait) detail;
        return wait.isYield() ? "yields" : "waits in " + wait.text();
      case COMPLETED:
        String value = ((RunEvent.Returned) detail).value();
        return "returned" + (value.equals("null") ? "" : " " + value);
      case FAILED:
        return "FAILED: " + ((RunEvent.Failed) detail).description();
      default:
        String when = detail.text();
        return when.isEmpty() ? "cancelled" : "cancelled " + when;
    }
  }

  /** A virtual time as the text timeline writes it: "0s", "0.25s", "3600s". */
  static String format(Duration time) {
    long nanos = time.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
  }
}
