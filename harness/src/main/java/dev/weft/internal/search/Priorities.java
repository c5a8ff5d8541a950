package dev.weft.internal.search;

import java.util.Arrays;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

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

  /**
   * Returns the index of the candidate with the highest priority: a task's from {@code task} (by
   * creation index), a plain callback's from {@code callbacks}, or, if that is {@code null}, of the
   * task with the highest priority; the first in asyncio's order wins a tie.
   */
  static int highest(
      LoopView view, int candidates, IntToLongFunction task, PassCallbacks callbacks) {
    int best = -1;
    long bestPriority = Long.MIN_VALUE;
    int callback = 0;
    for (int i = 0; i < candidates; i++) {
      int candidate = view.candidateTask(i);
      if (candidate < 0 && callbacks == null) {
        continue;
      }
      long priority = candidate >= 0 ? task.applyAsLong(candidate) : callbacks.priority(callback++);
      if (priority > bestPriority) {
        best = i;
        bestPriority = priority;
      }
    }
    return best;
  }

  /**
   * The priorities of the current pass's plain callbacks (timers, done callbacks), which the view
   * does not name: one per callback, in asyncio's order, drawn when the pass's first decision sees
   * them and kept until the callback runs. A pass's candidates are the head of the ready queue and
   * each pick removes one, so the callbacks of a pick are those of the pass's previous pick less
   * the one that ran, in the same order; a pick whose number of candidates does not follow on from
   * the previous pick's begins a new pass.
   */
  static final class PassCallbacks {
    private final LongSupplier draw;

    /** The priorities of the pass's callbacks not yet run, in asyncio's order. */
    private long[] priorities = new long[8];

    private int size;

    /** How many candidates the pass's next pick will have; a pass's last pick leaves 1. */
    private int nextCandidates;

    PassCallbacks(LongSupplier draw) {
      this.draw = draw;
    }

    /**
     * The loop says a pass begins: its first pick draws the priorities, even where its count of
     * candidates and callbacks would look like the previous pass going on (after a pass cut short).
     */
    void newPass() {
      nextCandidates = 0;
    }

    /** Sees a pick among {@code candidates}: at the start of a pass, draws the priorities. */
    void begin(LoopView view, int candidates) {
      int callbacks = 0;
      for (int i = 0; i < candidates; i++) {
        if (view.candidateTask(i) < 0) {
          callbacks++;
        }
      }
      if (candidates == nextCandidates && callbacks == size) {
        return;
      }
      if (callbacks > priorities.length) {
        priorities = Arrays.copyOf(priorities, Math.max(callbacks, 2 * priorities.length));
      }
      for (int j = 0; j < callbacks; j++) {
        priorities[j] = draw.getAsLong();
      }
      size = callbacks;
    }

    /** Returns the priority of the pick's {@code n}-th callback, from 0, in asyncio's order. */
    long priority(int n) {
      return priorities[n];
    }

    /** The pick among {@code candidates} ran the one at {@code index}. */
    void picked(LoopView view, int candidates, int index) {
      nextCandidates = candidates - 1;
      if (view.candidateTask(index) >= 0) {
        return;
      }
      int n = 0;
      for (int i = 0; i < index; i++) {
        if (view.candidateTask(i) < 0) {
          n++;
        }
      }
      System.arraycopy(priorities, n + 1, priorities, n, size - n - 1);
      size--;
    }
  }
}
