package dev.weft.internal.search;

import java.util.function.IntToLongFunction;

/** What the strategies that give tasks priorities ({@code pct}, {@code pos}) decide alike. */
final class Priorities {
  private Priorities() {}

  /**
   * Returns whether a ready task has a priority above {@code mine}: then the running task is
   * switched out at its operation. Asks {@code priority} for the ready tasks in asyncio's order and
   * stops at the first that is higher, so a strategy that draws priorities lazily draws the same
   * ones on every replay.
   */
  static boolean readyTaskAbove(LoopView view, long mine, IntToLongFunction priority) {
    for (int i = 0; i < view.readyCount(); i++) {
      int candidate = view.candidateTask(i);
      if (candidate >= 0 && priority.applyAsLong(candidate) > mine) {
        return true;
      }
    }
    return false;
  }
}
