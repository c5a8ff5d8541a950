package dev.weft;

/**
 * Thrown when a Weft timeout expires: {@link Weft#withTimeout}, {@link Weft#waitFor} and the
 * timeout of {@link Weft#asCompleted(java.util.Collection, java.time.Duration)}; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-exceptions.html#asyncio.TimeoutError">TimeoutError</a>.
 *
 * <p>When the timeout cancelled the body, the {@link CancelledException} that ended it is the
 * cause. The message says which timeout expired and at what virtual time.
 *
 * @since 0.1
 */
public class TimedOutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a timeout.
   *
   * @param message what expired and when
   * @param cause the cancellation that the timeout caused, or {@code null}
   */
  public TimedOutException(String message, Throwable cause) {
    super(message, cause);
  }
}
