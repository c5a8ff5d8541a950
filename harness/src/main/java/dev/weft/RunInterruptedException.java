package dev.weft;

/**
 * Thrown by {@link Weft#run} when the thread that called it is interrupted during the run, as a
 * test framework's preemptive timeout or a build tool's cancellation does: at its next step the run
 * cancels every task not done, main included, as at the end of a run, and gives them a minute of
 * virtual time (at most 100,000 steps) to end, so their cleanup may still wait in Weft; tasks that
 * have not ended by then are unwound (their {@code finally} blocks run). A task stuck outside Weft
 * gets one second of real time instead of the watchdog's limit, and is then reported (a suppressed
 * {@link BlockedOutsideWeftException}) and left running. The interrupt stays set on the calling
 * thread.
 *
 * <p>The message gives the virtual time of the interrupt, what each task was doing then, which
 * tasks did not end within the grace period and were unwound, and which were left running outside
 * Weft.
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
