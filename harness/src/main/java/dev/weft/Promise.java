package dev.weft;

/**
 * A {@link Task} without a body that is completed by hand; the asyncio <a
 * href="https://docs.python.org/3.13/library/asyncio-future.html#asyncio.Future">Future</a>.
 *
 * <p>Created by {@link Weft#promise()}. Any task may {@link #join()} it; completing it wakes the
 * joiners in the order they started waiting, each in a later scheduler step: as in asyncio,
 * completing a future schedules its waiters with <a
 * href="https://docs.python.org/3.13/library/asyncio-eventloop.html#asyncio.loop.call_soon">call_soon</a>
 * instead of running them at once.
 *
 * <pre>{@code
 * Weft.run(() -> {
 *   Promise<String> reply = Weft.promise();
 *   Weft.callLater(Duration.ofSeconds(1), () -> reply.complete("pong"));
 *   return reply.join();   // "pong", at virtual time 1 s
 * });
 * }</pre>
 *
 * @param <T> the type of the value
 * @since 0.1
 */
public interface Promise<T> extends Task<T> {

  /**
   * Completes the promise with a value.
   *
   * @param value the value; may be {@code null}
   * @throws IllegalStateException if the promise is already done, or if called outside its loop
   */
  void complete(T value);

  /**
   * Completes the promise with a failure; joiners receive it as {@link Task#join()} describes.
   *
   * @param error the failure; not {@code null}. Use {@link #cancel()} to cancel the promise.
   * @throws IllegalStateException if the promise is already done, or if called outside its loop
   * @throws IllegalArgumentException if {@code error} is {@code null} or a {@link
   *     CancelledException}
   */
  void fail(Throwable error);
}
