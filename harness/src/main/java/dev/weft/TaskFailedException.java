package dev.weft;

/**
 * Carries a task's failure to whoever observes it when the failure cannot be rethrown as is.
 *
 * <p>Thrown in two situations:
 *
 * <ul>
 *   <li>a task failed with a checked exception and another task joins it, or reads its {@link
 *       Task#result()}: the cause is the original exception;
 *   <li>a task failed and nobody observed the failure before the run ended: {@link Weft#run} throws
 *       this exception, naming the task, so the failure does not vanish (see {@link
 *       RunOptions#failOnUnobservedFailures(boolean)}).
 * </ul>
 *
 * @since 0.1
 */
public class TaskFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which task failed, in the program's words
   * @param cause the task's original failure
   */
  public TaskFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
