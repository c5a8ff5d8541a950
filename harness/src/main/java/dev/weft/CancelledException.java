package dev.weft;

/**
 * Thrown at a task's suspension point when the task is cancelled; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-exceptions.html#asyncio.CancelledError">CancelledError</a>.
 *
 * <p>It extends {@link Error} on purpose, as {@code CancelledError} extends {@code BaseException}
 * in asyncio: a {@code catch (Exception e)} block must not swallow a cancellation by accident.
 * Catch it explicitly when a task has cleanup to do, and rethrow it unless the task really means to
 * go on.
 *
 * <pre>{@code
 * try {
 *   Weft.sleep(Duration.ofSeconds(10));
 * } catch (CancelledException e) {
 *   log.add("cleanup");
 *   throw e;
 * }
 * }</pre>
 *
 * @since 0.1
 */
public class CancelledException extends Error {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a cancellation with a message that names the task or promise and where it was.
   *
   * @param message the message
   */
  public CancelledException(String message) {
    super(message);
  }
}
