package dev.weft.internal;

/**
 * Decides one run's choice points: which ready callback runs next, whether to switch at an
 * operation, and what {@code Weft.choose} returns. A {@link Search} makes one per try; the
 * scheduler records what it decides.
 */
abstract class Chooser {
  /**
   * Returns the index, in {@code [0, candidates)}, of the ready callback to run next; {@link
   * Scheduler#candidate} shows them, in asyncio's order.
   */
  abstract int pickTask(Scheduler loop, int candidates);

  /** Returns whether {@code running} is switched out at an operation that would not suspend. */
  abstract boolean preempt(Scheduler loop, TaskImpl<?> running);

  /** Returns a value in {@code [0, bound)} for {@code Weft.choose(bound)}; {@code bound >= 2}. */
  abstract int data(Scheduler loop, int bound);

  /** Returns how a replay departed from its schedule, or {@code null} if it did not. */
  String divergence() {
    return null;
  }

  /** asyncio's order and the default of every choice: index 0, no switch, value 0. */
  static final Chooser FIFO =
      new Chooser() {
        @Override
        int pickTask(Scheduler loop, int candidates) {
          return 0;
        }

        @Override
        boolean preempt(Scheduler loop, TaskImpl<?> running) {
          return false;
        }

        @Override
        int data(Scheduler loop, int bound) {
          return 0;
        }
      };
}
