package dev.weft;

/**
 * A callback scheduled with {@link Weft#callSoon(Runnable)} or {@link
 * Weft#callLater(java.time.Duration, Runnable)}; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-eventloop.html#asyncio.Handle">Handle</a> / <a
 * href="https://docs.python.org/3.13/library/asyncio-eventloop.html#asyncio.TimerHandle">TimerHandle</a>.
 *
 * @since 0.1
 */
public interface TimerHandle {

  /**
   * Cancels the callback if it has not run yet; a cancelled timer never fires and never makes the
   * virtual clock jump. Cancelling twice, or after the callback ran, does nothing.
   */
  void cancel();

  /**
   * Returns whether {@link #cancel()} was called.
   *
   * @return {@code true} once cancelled
   */
  boolean isCancelled();
}
