package dev.weft;

import java.util.Set;

/**
 * The outcome of {@link Weft#wait(java.util.Collection, ReturnWhen)}: which tasks were done when
 * the waiting task resumed and which were still pending: the {@code (done, pending)} pair of
 * asyncio's <a href="https://docs.python.org/3.13/library/asyncio-task.html#asyncio.wait">wait</a>.
 *
 * <p>Both sets keep the order of the argument collection (duplicates collapsed), so iterating them
 * is deterministic.
 *
 * @param <T> the result type of the tasks
 * @since 0.1
 */
public interface WaitResult<T> {

  /**
   * Returns the tasks that were done when the waiting task resumed.
   *
   * @return an unmodifiable set in argument order
   */
  Set<Task<T>> done();

  /**
   * Returns the tasks that were not done when the waiting task resumed; {@code wait} never cancels
   * them.
   *
   * @return an unmodifiable set in argument order
   */
  Set<Task<T>> pending();
}
