package dev.weft.internal.search;

/**
 * What a strategy may see of the loop when it decides a choice point: the ready callbacks of the
 * current pass, in asyncio's order, and the running task. Tasks are identified by their creation
 * index (0 is {@code main}), which is stable across runs of one schedule.
 *
 * <p>Internal: implemented by the loop in {@code dev.weft.internal}.
 */
public interface LoopView {
  /**
   * Returns how many callbacks are ready, this pass's and the next.
   *
   * @return the number of ready callbacks
   */
  int readyCount();

  /**
   * Returns the creation index of the task whose step is the ready callback at {@code index}, or -1
   * if that callback is a plain callback (a timer, a done callback).
   *
   * @param index a position in the ready queue, from 0
   * @return the task's creation index, or -1
   */
  int candidateTask(int index);

  /**
   * Returns the name of the task whose step is the ready callback at {@code index}, or {@code null}
   * for a plain callback.
   *
   * @param index a position in the ready queue, from 0
   * @return the task's name, or {@code null}
   */
  String candidateName(int index);

  /**
   * Returns the creation index of the running task, or -1 when a plain callback runs.
   *
   * @return the running task's creation index, or -1
   */
  int runningTask();

  /**
   * Returns what the ready callback at {@code index} touches, if it is one of Weft's own callbacks
   * that runs no user code (a sleep's timer, a gather's count of its children): two such callbacks
   * with different footprints (compared by identity) commute. Returns {@code null} for a task's
   * step or a user's callback, which may touch any state, Weft's or the program's.
   *
   * @param index a position in the ready queue, from 0
   * @return the footprint, or {@code null} if the callback may touch anything
   */
  default Object candidateFootprint(int index) {
    return null;
  }
}
