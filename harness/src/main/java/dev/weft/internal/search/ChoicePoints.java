package dev.weft.internal.search;

import dev.weft.internal.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's choice points, as the loop meets them: which of the pass's ready callbacks runs next,
 * whether the running task is switched out at an operation ({@code Preemption.EVERY_OPERATION}),
 * and what {@code Weft.choose} returns. The {@link Chooser} decides; each choice is recorded (when
 * recording) so that it can be replayed and shrunk. The loop reports each one to its listener.
 *
 * <p>A {@code null} chooser is asyncio's FIFO order: every choice takes its default at no cost.
 *
 * <p>Internal: public only so that the loop in {@code dev.weft.internal} can use it.
 */
public final class ChoicePoints {
  private final LoopView view;
  private final Chooser chooser;
  private final boolean everyOperation;

  /** The choices made so far, when they are recorded (exploration); else null. */
  private final List<Choice> choices;

  /**
   * What the running step touched, when the chooser wants footprints ({@link
   * Chooser#recordsFootprints}); else null, and the loop's reports of what it touches cost a field
   * read.
   */
  private final Set<Object> touched;

  /** Whether a step runs whose footprint is being recorded. */
  private boolean stepOpen;

  /** Whether the running step touched state Weft cannot name: it commutes with nothing. */
  private boolean anything;

  /** The first serial number the running step's run gave out: objects the step made itself. */
  private long freshFrom;

  /**
   * Creates the choice points of one run.
   *
   * @param view what the chooser may see of the loop
   * @param chooser who decides, or {@code null} for asyncio's order
   * @param everyOperation whether operations that do not suspend are choice points too
   * @param record whether to record the choices made
   */
  public ChoicePoints(LoopView view, Chooser chooser, boolean everyOperation, boolean record) {
    this.view = view;
    this.chooser = chooser;
    this.everyOperation = everyOperation;
    this.choices = record ? new ArrayList<>() : null;
    this.touched = chooser != null && chooser.recordsFootprints() ? new HashSet<>() : null;
    if (chooser != null) {
      chooser.started(everyOperation);
    }
  }

  /**
   * Returns whether the chooser hears what each step touches.
   *
   * @return whether footprints are recorded
   */
  public boolean recordsFootprints() {
    return touched != null;
  }

  /**
   * Tells the chooser that a pass begins.
   *
   * @param candidates how many callbacks are ready in it
   */
  public void passBegan(int candidates) {
    if (chooser != null) {
      chooser.passBegan(view, candidates);
    }
  }

  /**
   * A step begins (a task's step or a callback); the objects the run numbers from {@code
   * freshSerial} on are made by this step, and touching them is no footprint: no other step of the
   * pass can know them unless this one published them through something both touch.
   *
   * @param freshSerial the next serial number the run will give out
   */
  public void stepBegan(long freshSerial) {
    if (touched != null) {
      stepOpen = true;
      freshFrom = freshSerial;
      touched.clear();
      anything = false;
    }
  }

  /** The running step has ended: a chooser that records footprints hears what it touched. */
  public void stepEnded() {
    if (touched != null && stepOpen) {
      stepOpen = false;
      chooser.stepEnded(anything ? Footprint.ANYTHING : Footprint.of(touched));
    }
  }

  /**
   * Records that the running step touched the Weft object with serial number {@code serial}.
   *
   * @param serial the number its run gave the object when it was made
   */
  public void touch(long serial) {
    if (touched != null && stepOpen && serial < freshFrom) {
      touched.add(serial);
    }
  }

  /** Records that the running step may have touched anything: it commutes with no other step. */
  public void touchAnything() {
    anything = true;
  }

  /**
   * Records that the running step touched the state the program calls {@code name} ({@code
   * Weft.touch}).
   *
   * @param name the name, compared by value
   */
  public void touch(String name) {
    if (touched != null && stepOpen) {
      touched.add(name);
    }
  }

  /**
   * Returns which of the pass's {@code candidates} (2 or more) runs next, and records it.
   *
   * @param candidates how many of the ready callbacks belong to this pass
   * @return the index of the one to run, 0 being asyncio's order
   */
  public int pick(int candidates) {
    if (chooser == null) {
      return 0;
    }
    int index = chooser.pickTask(view, candidates);
    if (index < 0 || index >= candidates) {
      throw new IllegalStateException(
          Messages.internalError(
              "the strategy picked " + index + " of " + candidates + " ready callbacks"));
    }
    if (choices != null) { // the name is looked up only when the choice is kept
      record(Choice.Kind.TASK, index, candidates, view.candidateName(index));
    }
    return index;
  }

  /**
   * Returns whether a strategy decides this run's choice points; without one, each takes its
   * default and no task choice is reported.
   *
   * @return whether there is a chooser
   */
  public boolean decides() {
    return chooser != null;
  }

  /**
   * Returns whether operations that do not suspend can switch tasks in this run: {@code
   * EVERY_OPERATION} with a chooser.
   *
   * @return whether {@link #switchHere} may ever say yes
   */
  public boolean switchesAtOperations() {
    return everyOperation && chooser != null;
  }

  /**
   * Decides, and records, whether the running task yields at an operation before it takes effect.
   * The loop asks only when a task runs and another callback is ready.
   *
   * @return whether to switch
   */
  public boolean switchHere() {
    if (!switchesAtOperations()) {
      return false;
    }
    boolean yes = chooser.preempt(view);
    record(Choice.Kind.PREEMPT, yes ? 1 : 0, 2, null);
    return yes;
  }

  /**
   * Returns {@code Weft.choose(bound)}: a value in {@code [0, bound)} from the chooser, recorded.
   *
   * @param bound 1 or more
   * @return the value
   */
  public int chooseData(int bound) {
    if (bound == 1) {
      return 0;
    }
    int value = chooser == null ? 0 : chooser.data(view, bound);
    if (value < 0 || value >= bound) {
      throw new IllegalStateException(
          Messages.internalError("the strategy chose " + value + " outside [0, " + bound + ")"));
    }
    record(Choice.Kind.DATA, value, bound, null);
    return value;
  }

  private void record(Choice.Kind kind, int value, int options, String task) {
    if (choices != null) {
      choices.add(new Choice(kind, value, options, task));
    }
  }

  /**
   * Returns the choices recorded so far, or an empty list when not recording.
   *
   * @return the choices, in order
   */
  public List<Choice> choices() {
    return choices == null ? List.of() : choices;
  }
}
