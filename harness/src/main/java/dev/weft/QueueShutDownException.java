package dev.weft;

/**
 * Thrown when a put or get met a queue that was shut down: asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-queue.html#asyncio.QueueShutDown">QueueShutDown</a>.
 * A put is refused as soon as the queue is shut down; a get only once the queue is also empty.
 *
 * @since 0.1
 */
public class QueueShutDownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names the primitive and says what happened.
   *
   * @param message the message
   */
  public QueueShutDownException(String message) {
    super(message);
  }
}
