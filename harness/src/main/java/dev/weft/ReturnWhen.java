package dev.weft;

/**
 * When {@link Weft#wait(java.util.Collection, ReturnWhen)} returns: the {@code return_when}
 * argument of asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.wait">wait</a>.
 *
 * @since 0.1
 */
public enum ReturnWhen {
  /** As soon as any task is done, including by cancellation. */
  FIRST_COMPLETED,
  /**
   * As soon as any task fails with an exception; a cancelled task does not count. Without a
   * failure, behaves as {@link #ALL_COMPLETED}.
   */
  FIRST_EXCEPTION,
  /** When every task is done. */
  ALL_COMPLETED
}
