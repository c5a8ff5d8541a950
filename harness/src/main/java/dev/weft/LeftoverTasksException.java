package dev.weft;

/**
 * Thrown by {@link Weft#run} under {@link RunOptions#failOnLeftoverTasks(boolean)
 * failOnLeftoverTasks(true)} when tasks were still pending after the main body returned.
 *
 * <p>By default, as in <a
 * href="https://docs.python.org/3.13/library/asyncio-runner.html#asyncio.run">asyncio.run</a>,
 * leftover tasks are cancelled quietly. Under the strict policy they are still cancelled and driven
 * to their end, so no thread is left behind, and then the run fails with this exception; its
 * message names each leftover task and where it was blocked when main returned.
 *
 * @since 0.1
 */
public class LeftoverTasksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the report
   */
  public LeftoverTasksException(String message) {
    super(message);
  }
}
