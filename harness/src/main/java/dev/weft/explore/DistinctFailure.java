package dev.weft.explore;

import java.util.List;

/**
 * One way an exploration's tries failed, told apart from the others by its kind, its exception type
 * and (for a deadlock) the set of blocked tasks; with how many tries failed this way and the
 * smallest schedule found that does. {@link Explorer#everyFailure(boolean)} collects them all; an
 * exploration that stops at its first failure has at most one.
 *
 * <pre>{@code
 * ExplorationResult result = Explorer.explore(scenario).everyFailure(true).run();
 * for (DistinctFailure failure : result.failures()) {
 *   System.out.println(failure.kind() + " in " + failure.tries() + " of " + result.tries()
 *       + " tries, shortest schedule \"" + failure.counterexample().minimal() + "\"");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface DistinctFailure {
  /**
   * Returns how these tries failed.
   *
   * @return the failure's kind
   */
  FailureKind kind();

  /**
   * Returns the class name of the exception these tries failed with; for an unobserved task
   * failure, the task's exception (the {@link dev.weft.TaskFailedException}'s cause).
   *
   * @return the exception's class name, such as {@code "java.lang.AssertionError"}
   */
  String exceptionType();

  /**
   * Returns, for a deadlock, the tasks that were blocked, in creation order; empty for other kinds.
   *
   * @return the blocked tasks
   */
  List<String> blocked();

  /**
   * Returns how many tries failed this way (counting the schedules tried first, not the discarded
   * tries).
   *
   * @return the number of tries, 1 or more
   */
  int tries();

  /**
   * Returns the first try that failed this way, shrunk to the smallest schedule that fails the same
   * way (same kind, exception type and blocked tasks), with its report.
   *
   * @return the counterexample
   */
  Counterexample counterexample();
}
