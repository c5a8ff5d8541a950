package dev.weft;

/**
 * Thrown by {@link Weft#run} when a task kept running without calling into Weft for longer than the
 * watchdog limit of real time ({@link RunOptions#watchdog(java.time.Duration)}, 30 s by default).
 *
 * <p>Weft switches tasks only inside its own calls, so a task that blocks elsewhere ({@code
 * Thread.sleep}, a JDK lock, a {@code CountDownLatch}, I/O, a busy loop) stops the whole run.
 * Rather than hang the build, the run fails with this exception: the message names the task and the
 * virtual time, and the cause carries the task's stack at the moment the watchdog fired. Replace
 * the blocking call with its Weft counterpart ({@link Weft#sleep}, a {@link Promise}, ...).
 *
 * @since 0.1
 */
public class BlockedOutsideWeftException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the report
   * @param stack a throwable whose stack trace is the blocked task's stack
   */
  public BlockedOutsideWeftException(String message, Throwable stack) {
    super(message, stack);
  }
}
