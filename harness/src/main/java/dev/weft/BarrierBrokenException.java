package dev.weft;

/**
 * Thrown when a task waits on a barrier that is aborted, or is reset or aborted while the task
 * waits: asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-sync.html#asyncio.BrokenBarrierError">BrokenBarrierError</a>.
 *
 * @since 0.1
 */
public class BarrierBrokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message that names the primitive and says what happened.
   *
   * @param message the message
   */
  public BarrierBrokenException(String message) {
    super(message);
  }
}
