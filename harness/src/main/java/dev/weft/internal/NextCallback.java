package dev.weft.internal;

/**
 * Decides which ready callback runs next: the scheduler's one choice point.
 *
 * <p>Only the callbacks of the current pass are candidates (spec 1.1): indexes {@code 0} to {@code
 * candidates - 1} of the ready queue, in the order they were scheduled. {@link #FIFO} always takes
 * the first, which reproduces asyncio step for step; schedule exploration replaces it with
 * strategies that choose otherwise.
 */
@FunctionalInterface
interface NextCallback {
  /** asyncio's order: the oldest ready callback first. */
  NextCallback FIFO = candidates -> 0;

  /**
   * Returns the index, in {@code [0, candidates)}, of the callback to run next.
   *
   * @param candidates how many callbacks of the current pass are still waiting to run; at least 1
   */
  int pick(int candidates);
}
