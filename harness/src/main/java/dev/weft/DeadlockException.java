package dev.weft;

/**
 * Thrown by {@link Weft#run} when no task can make progress: nothing is ready to run, no timer is
 * pending, and the run has not finished. asyncio's event loop would wait forever, and the program
 * hang; Weft stops at once.
 *
 * <p>The message lists every blocked task with what it waits on, and the virtual time, for example:
 *
 * <pre>
 * Deadlock at virtual time 0.2s: no task can run and no timer is pending, but main has not returned.
 * Blocked tasks (3), in creation order:
 *   main  blocked in gather(P0, P1)
 *   P0    blocked in join(Promise 'reply')
 *   P1    blocked in join(Task 'P0')
 * </pre>
 *
 * @since 0.1
 */
public class DeadlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the report
   */
  public DeadlockException(String message) {
    super(message);
  }
}
