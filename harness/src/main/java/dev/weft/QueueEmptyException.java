package dev.weft;

/**
 * Thrown when getNowait found the queue empty: asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-queue.html#asyncio.QueueEmpty">QueueEmpty</a>.
 *
 * @since 0.1
 */
public class QueueEmptyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names the primitive and says what happened.
   *
   * @param message the message
   */
  public QueueEmptyException(String message) {
    super(message);
  }
}
