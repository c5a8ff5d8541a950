package dev.weft.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The end of a run once main has returned: asyncio.run's cancellation of the tasks left pending
 * (semantics §2.17), and what Weft adds to it so that no task, and no thread, is left behind.
 *
 * <ul>
 *   <li>Every task still pending when main returns is cancelled, in creation order, and the loop
 *       runs on until all of them have ended (their cleanup may take virtual time).
 *   <li>Then, as asyncio's shutdown {@code gather} completes one pass later and stops the loop one
 *       pass after that, two more passes run: callbacks the cleanup scheduled still run.
 *   <li>Tasks that the cleanup spawned run while their spawner is cleaning up. If some are still
 *       pending after those passes (asyncio would drop them), they are cancelled in turn.
 * </ul>
 */
final class Shutdown {
  /** Passes asyncio's shutdown runs after the last leftover ended: its gather, then its stop. */
  private static final int DRAIN_PASSES = 2;

  private final List<Reports.Blocked> leftovers = new ArrayList<>();
  private boolean started;
  private long startedAt;

  /** Tasks cancelled by the shutdown that have not ended yet. */
  private int pending;

  /** Tasks before this index in creation order have been swept. */
  private int swept;

  private int drainPasses;

  /** Main has returned at {@code now}: cancels every task still pending. */
  void begin(long now, List<TaskImpl<?>> tasks) {
    started = true;
    startedAt = now;
    sweep(tasks, "");
    drainPasses = pending > 0 ? DRAIN_PASSES : 0;
  }

  /**
   * Called at each pass boundary once the shutdown has begun.
   *
   * @return whether the run is finished
   */
  boolean finishedAtPassBoundary(List<TaskImpl<?>> tasks, int pendingTasks, boolean readyEmpty) {
    if (pending > 0) {
      return false;
    }
    if (drainPasses > 0 && !readyEmpty) {
      drainPasses--;
      return false;
    }
    if (pendingTasks == 0) {
      return true;
    }
    sweep(tasks, "spawned after main returned; ");
    drainPasses = DRAIN_PASSES;
    return false;
  }

  void taskEnded(TaskImpl<?> task) {
    if (task.cancelledByShutdown) {
      pending--;
    }
  }

  private void sweep(List<TaskImpl<?>> tasks, String note) {
    for (int i = swept; i < tasks.size(); i++) {
      TaskImpl<?> task = tasks.get(i);
      if (!task.isDone()) {
        leftovers.add(new Reports.Blocked(task.name(), note + Reports.where(task)));
        task.cancelledByShutdown = true;
        pending++;
        task.requestCancel();
      }
    }
    swept = tasks.size();
  }

  boolean started() {
    return started;
  }

  long startedAt() {
    return startedAt;
  }

  /** The tasks the shutdown cancelled, with where each stood at that moment. */
  List<Reports.Blocked> leftovers() {
    return Collections.unmodifiableList(leftovers);
  }
}
