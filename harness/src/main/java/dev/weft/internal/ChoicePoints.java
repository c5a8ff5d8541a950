package dev.weft.internal;

import dev.weft.Preemption;
import dev.weft.RunEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's choice points: which of the pass's ready callbacks runs next, whether the running
 * task is switched out at an operation ({@link Preemption#EVERY_OPERATION}), and what {@code
 * Weft.choose} returns. The {@link Chooser} decides; each decision is recorded (when recording) so
 * that it can be replayed and shrunk, and reported to the listener as a {@code CHOSE} event.
 *
 * <p>A {@code null} chooser is asyncio's FIFO order: every choice takes its default at no cost.
 */
final class ChoicePoints {
  private final Scheduler loop;
  private final Chooser chooser;
  private final boolean everyOperation;

  /** The decisions taken so far, when they are recorded (exploration); else null. */
  private final List<Decision> decisions;

  ChoicePoints(Scheduler loop, Chooser chooser, boolean everyOperation, boolean record) {
    this.loop = loop;
    this.chooser = chooser;
    this.everyOperation = everyOperation;
    this.decisions = record ? new ArrayList<>() : null;
  }

  /** Returns which of the pass's {@code candidates} (2 or more) runs next, and records it. */
  int pick(int candidates) {
    if (chooser == null) {
      return 0;
    }
    int index = chooser.pickTask(loop, candidates);
    if (index < 0 || index >= candidates) {
      throw new IllegalStateException(
          "Weft internal error: the strategy picked "
              + index
              + " of "
              + candidates
              + " ready callbacks. This is a bug in Weft; please report it.");
    }
    String name = Scheduler.nameOf(loop.candidate(index));
    record(Decision.Kind.TASK, index, candidates, name);
    if (loop.hasListener()) {
      loop.event(
          name != null ? name : "(callback)",
          RunEvent.Kind.CHOSE,
          "picked " + (index + 1) + " of " + candidates + " ready");
    }
    return index;
  }

  /**
   * A possible switch at a Weft operation that does not suspend: under {@link
   * Preemption#EVERY_OPERATION}, when another callback is ready, the chooser decides whether the
   * running task yields here, before the operation takes effect.
   */
  void preemptionPoint() {
    TaskImpl<?> task = loop.currentOrNull();
    if (!everyOperation || chooser == null || task == null || loop.readySize() == 0) {
      return; // cooperative, FIFO, a callback, or nothing else could run now
    }
    if (loop.over()) {
      return;
    }
    boolean yes = chooser.preempt(loop, task);
    record(Decision.Kind.PREEMPT, yes ? 1 : 0, 2, null);
    if (yes) {
      if (loop.hasListener()) {
        loop.event(task.name(), RunEvent.Kind.CHOSE, "switched out at an operation");
      }
      task.yieldNow();
    }
  }

  /** {@code Weft.choose(bound)}: a value in {@code [0, bound)} from the chooser, recorded. */
  int chooseData(int bound) {
    if (bound == 1) {
      return 0;
    }
    int value = chooser == null ? 0 : chooser.data(loop, bound);
    if (value < 0 || value >= bound) {
      throw new IllegalStateException(
          "Weft internal error: the strategy chose "
              + value
              + " outside [0, "
              + bound
              + "). This is a bug in Weft; please report it.");
    }
    record(Decision.Kind.DATA, value, bound, null);
    if (loop.hasListener()) {
      TaskImpl<?> task = loop.currentOrNull();
      loop.event(
          task == null ? "(callback)" : task.name(),
          RunEvent.Kind.CHOSE,
          "choose(" + bound + ") returned " + value);
    }
    return value;
  }

  private void record(Decision.Kind kind, int value, int options, String task) {
    if (decisions != null) {
      decisions.add(new Decision(kind, value, options, task));
    }
  }

  /** Returns the decisions recorded so far, or an empty list when not recording. */
  List<Decision> decisions() {
    return decisions == null ? List.of() : decisions;
  }
}
