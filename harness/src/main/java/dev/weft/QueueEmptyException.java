package dev.weft;

/**
 * Thrown when getNowait found the queue empty (spec 2.11): asyncio's {@code QueueEmpty}.
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
