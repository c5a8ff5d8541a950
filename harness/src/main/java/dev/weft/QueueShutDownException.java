package dev.weft;

/**
 * Thrown when a put or get met a queue that was shut down (spec 2.11): asyncio's {@code
 * QueueShutDown}. A put is refused as soon as the queue is shut down; a get only once the queue is
 * also empty.
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
