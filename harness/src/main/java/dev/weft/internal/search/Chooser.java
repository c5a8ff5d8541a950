package dev.weft.internal.search;

import dev.weft.Preemption;
import java.util.List;

/**
 * Decides one run's choice points for a strategy: which ready callback runs next, whether to switch
 * at an operation, and what {@code Weft.choose} returns. A {@link Search} makes one per try; {@link
 * ChoicePoints} asks it and records the {@link Choice}s it makes.
 *
 * <p>Internal: public only so that the loop in {@code dev.weft.internal} can hold one.
 */
public abstract class Chooser {
  Chooser() {}

  /**
   * Returns the index, in {@code [0, candidates)}, of the ready callback to run next; {@code view}
   * shows them, in asyncio's order.
   */
  abstract int pickTask(LoopView view, int candidates);

  /** Returns whether the running task is switched out at an operation that would not suspend. */
  abstract boolean preempt(LoopView view);

  /** Returns a value in {@code [0, bound)} for {@code Weft.choose(bound)}; {@code bound >= 2}. */
  abstract int data(LoopView view, int bound);

  /** Hears, before the run's first choice point, whether operations are choice points in it. */
  void started(boolean everyOperation) {}

  /**
   * Returns whether this chooser wants to hear what each step touched ({@link #stepEnded}): only
   * the exhaustive search under {@code SharedState.DECLARED} does, and the loop records nothing for
   * the others.
   */
  boolean recordsFootprints() {
    return false;
  }

  /** Hears that a pass begins with {@code candidates} ready callbacks. */
  void passBegan(LoopView view, int candidates) {}

  /**
   * Hears that the step that ran last (a task's step or a callback, picked by {@link #pickTask} or
   * the last of its pass) has ended, and what it touched; only for a chooser that {@link
   * #recordsFootprints()}.
   */
  void stepEnded(Footprint footprint) {}

  /**
   * Returns how a replay departed from its schedule, or {@code null} if it did not (or this chooser
   * does not replay). Called when the run has ended, so a strict replay also reports the choices it
   * never used.
   *
   * @return the first departure, in words, or {@code null}
   */
  public String divergence() {
    return null;
  }

  /**
   * Returns whether a departure from the schedule fails the run ({@link #divergence()} is then the
   * failure's message): true for a replay of a user's schedule, false for the shrinker's lenient
   * replays and for choosers that do not replay.
   *
   * @return whether this chooser replays strictly
   */
  public boolean strict() {
    return false;
  }

  /**
   * Returns the preemption mode this chooser's run must use, or {@code null} for the run options'
   * own: a replayed schedule that says its mode replays under it.
   *
   * @return the preemption mode, or {@code null}
   */
  public Preemption preemption() {
    return null;
  }

  /**
   * Returns a chooser that takes {@code choices} in order, then the defaults, and goes on as best
   * it can where they do not fit (a choice of another kind, an index out of range): the lenient
   * replay that only the shrinker (and the failure database, whose schedules are starting points)
   * uses, since its candidates are cut from longer schedules and padded with defaults. It runs
   * under the run options' preemption mode.
   *
   * @param choices the choices to replay
   * @return a new chooser for one run
   */
  public static Chooser replaying(List<Choice> choices) {
    return new ReplayStrategy.ReplayChooser(List.copyOf(choices), null, false);
  }

  /** asyncio's order and the default of every choice: index 0, no switch, value 0. */
  static final Chooser FIFO =
      new Chooser() {
        @Override
        int pickTask(LoopView view, int candidates) {
          return 0;
        }

        @Override
        boolean preempt(LoopView view) {
          return false;
        }

        @Override
        int data(LoopView view, int bound) {
          return 0;
        }
      };
}
