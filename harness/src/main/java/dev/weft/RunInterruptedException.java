package dev.weft;

/**
 * Thrown by {@link Weft#run} when the thread that called it is interrupted during the run, as a
 * test framework's preemptive timeout or a build tool's cancellation does: the run stops at once,
 * its tasks are unwound (their {@code finally} blocks run), and the interrupt stays set on the
 * calling thread.
 *
 * <p>The message gives the virtual time and what each task that had not ended was doing.
 *
 * @since 0.1
 */
public class RunInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the report
   */
  public RunInterruptedException(String message) {
    super(message);
  }
}
