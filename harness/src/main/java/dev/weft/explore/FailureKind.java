package dev.weft.explore;

/**
 * How a run failed, in the terms a test asserts: a deadlock, an exception thrown by {@code main}, a
 * task failure nobody observed, and so on. {@link Counterexample#kind()} says which; the shrinker
 * keeps a smaller schedule only if it fails with the same kind and exception type, and {@link
 * ExplorationResult#failures()} tells distinct failures apart by it.
 *
 * <pre>{@code
 * Counterexample found = Explorer.explore(scenario).run().counterexample().orElseThrow();
 * assertThat(found.kind()).isIn(FailureKind.DEADLOCK, FailureKind.EXCEPTION);
 * }</pre>
 *
 * @since 0.1
 */
public enum FailureKind {
  /**
   * {@code main} threw: an assertion of the scenario, or any exception it raised or let through
   * from a task it awaited ({@code join}, {@code gather}, ...).
   */
  EXCEPTION,
  /**
   * No task could run and no timer was pending before {@code main} returned: {@link
   * dev.weft.DeadlockException}.
   */
  DEADLOCK,
  /**
   * A task failed and nothing observed the failure (nobody joined it, gathered it or read its
   * result): {@link dev.weft.TaskFailedException} naming the task, under {@link
   * dev.weft.RunOptions#failOnUnobservedFailures(boolean)}.
   */
  UNOBSERVED_TASK_FAILURE,
  /**
   * Tasks were still pending when {@code main} returned, under {@link
   * dev.weft.RunOptions#failOnLeftoverTasks(boolean)}: {@link dev.weft.LeftoverTasksException}.
   */
  LEFTOVER_TASKS,
  /**
   * The run took more steps than {@link dev.weft.RunOptions#maxSteps(long)} allows, usually a
   * livelock: {@link dev.weft.StepLimitExceededException}.
   */
  STEP_LIMIT,
  /**
   * A task blocked outside Weft (a JDK lock, {@code Thread.sleep}) until the watchdog fired: {@link
   * dev.weft.BlockedOutsideWeftException}.
   */
  BLOCKED_OUTSIDE_WEFT;

  /**
   * Returns the kind in a few words, as reports write it: {@code "deadlock"}, {@code "exception
   * thrown by main"}.
   *
   * @return the kind in words
   */
  public String description() {
    switch (this) {
      case EXCEPTION:
        return "exception thrown by main";
      case DEADLOCK:
        return "deadlock";
      case UNOBSERVED_TASK_FAILURE:
        return "unobserved task failure";
      case LEFTOVER_TASKS:
        return "leftover tasks";
      case STEP_LIMIT:
        return "step limit";
      default:
        return "blocked outside Weft";
    }
  }
}
