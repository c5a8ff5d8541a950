package dev.weft.internal;

import dev.weft.RunEvent;
import java.util.function.Supplier;

/**
 * The future one task blocks on inside a primitive: what asyncio's queues and locks create with
 * {@code loop.create_future()} and keep in their FIFO waiter lists.
 *
 * <p>Waking a waiter only completes its future; the task resumes in a later step and must re-check
 * the primitive's state then (semantics §2.11: this is why a newcomer can barge in between).
 * Cancelling the waiting task cancels the waiter's future, exactly as asyncio forwards a
 * cancellation to the future a task awaits (semantics §1.4), so a primitive can tell "woken, then
 * cancelled" ({@link #isDone()} but not {@link #isCancelled()}) from "cancelled while waiting".
 *
 * <p>Internal: public only so that the primitives in {@code dev.weft} can use it; not exported.
 */
public final class Waiter {
  private final TaskImpl<?> task;
  private final InternalFuture<Void> future;

  /** Records that the running step touches the primitive the task waits in. */
  private final Runnable touchPrimitive;

  Waiter(TaskImpl<?> task, InternalFuture<Void> future, Runnable touchPrimitive) {
    this.task = task;
    this.future = future;
    this.touchPrimitive = touchPrimitive;
  }

  /**
   * Suspends the task until the waiter is woken or the task is cancelled.
   *
   * @param reason what the task is blocked in, for reports and listeners (see {@link
   *     LoopBinding#waitIn}); evaluated when one asks, so it shows the primitive's state then
   * @throws dev.weft.CancelledException if the task was cancelled while it waited, or after it was
   *     woken but before it ran again
   */
  public void await(Supplier<RunEvent.Wait> reason) {
    try {
      task.await(future, reason::get);
    } finally {
      touchPrimitive.run(); // the step that resumes goes on in the primitive's code
    }
  }

  /**
   * Wakes the waiting task unless the waiter is done already; asyncio's {@code if not fut.done():
   * fut.set_result(...)}.
   *
   * @return whether this call woke it
   */
  public boolean wake() {
    if (future.isDone()) {
      return false;
    }
    future.setResult(null);
    return true;
  }

  /**
   * Returns whether the waiter was woken or cancelled.
   *
   * @return whether it is done
   */
  public boolean isDone() {
    return future.isDone();
  }

  /**
   * Returns whether the waiter was cancelled (its task was cancelled while waiting).
   *
   * @return whether it is cancelled
   */
  public boolean isCancelled() {
    return future.isCancelled();
  }

  /** Cancels the waiter unless it is done; asyncio's {@code fut.cancel()}. */
  public void cancel() {
    future.requestCancel();
  }
}
