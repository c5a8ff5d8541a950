package dev.weft;

/**
 * Thrown by {@link Weft#run} when a run takes more scheduler steps than {@link
 * RunOptions#maxSteps(long)} allows: usually a livelock, where tasks keep yielding or polling and
 * the run never ends.
 *
 * <p>The message gives the virtual time, the tasks that took the most steps, and what each task was
 * doing.
 *
 * @since 0.1
 */
public class StepLimitExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the report
   */
  public StepLimitExceededException(String message) {
    super(message);
  }
}
