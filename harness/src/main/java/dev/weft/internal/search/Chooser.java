package dev.weft.internal.search;

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

  /**
   * Returns how a replay departed from its schedule, or {@code null} if it did not (or this chooser
   * does not replay).
   *
   * @return the first departure, in words, or {@code null}
   */
  public String divergence() {
    return null;
  }

  /**
   * Returns a chooser that takes {@code choices} in order, then the defaults: a replay of a choice
   * list, which the shrinker uses without going through a public {@code Schedule}.
   *
   * @param choices the choices to replay
   * @return a new chooser for one run
   */
  public static Chooser replaying(List<Choice> choices) {
    return new ReplayStrategy.ReplayChooser(List.copyOf(choices));
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
