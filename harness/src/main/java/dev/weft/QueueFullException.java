package dev.weft;

/**
 * Thrown when putNowait found the queue full: asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-queue.html#asyncio.QueueFull">QueueFull</a>.
 *
 * @since 0.1
 */
public class QueueFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names the primitive and says what happened.
   *
   * @param message the message
   */
  public QueueFullException(String message) {
    super(message);
  }
}
