package dev.weft.internal;

import dev.weft.CancelledException;
import dev.weft.TimedOutException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code withTimeout} and {@code waitFor}: asyncio's {@code timeout()} and {@code wait_for()}
 * (semantics §2.7, 2.8).
 */
final class Timeouts {
  private Timeouts() {}

  /**
   * Runs {@code body} in the calling task; if the deadline passes first, the task is cancelled and
   * the cancellation that ends the body becomes a {@link TimedOutException} (semantics §2.8). The
   * deadline is fixed when this is called; a deadline already past fires at the next pass, so a
   * body that never suspends still completes.
   *
   * @param what how the message names this timeout, for example {@code "withTimeout(100ms)"}
   */
  static <T> T withTimeout(
      Loop loop, TaskImpl<?> task, long delayNanos, String what, Callable<T> body) {
    long deadline = VirtualTime.deadline(loop.now(), delayNanos);
    int baseline = task.cancelling();
    boolean[] expiring = {false};
    Runnable expire =
        () -> {
          task.requestCancel();
          expiring[0] = true;
        };
    String description = what + " of " + task.label();
    TimerHandleImpl timer =
        deadline <= loop.now()
            ? loop.callSoonHandle(expire, description)
            : loop.callAt(deadline, expire, description);
    T result;
    try {
      result = body.call();
    } catch (Throwable failure) {
      timer.cancel();
      if (expiring[0] && task.uncancel() <= baseline) {
        if (failure instanceof CancelledException) {
          throw timedOut(loop, task, what, failure);
        }
        // The body turned the timeout's cancellation into another failure, which wins; the timeout
        // is
        // kept beside it, as asyncio puts the TimeoutError in the failure's context.
        failure.addSuppressed(timedOut(loop, task, what, null));
      }
      throw FutureBase.propagate(
          FutureBase.unchecked(failure, "the body of " + what + " in " + task.label()));
    }
    timer.cancel();
    if (expiring[0]) {
      task.uncancel(); // the body caught the cancellation and returned normally: no error
    }
    return result;
  }

  /** Waits for {@code future} for at most {@code timeoutNanos} (semantics §2.7). */
  static <T> T waitFor(Loop loop, TaskImpl<?> task, FutureBase<T> future, long timeoutNanos) {
    String what = "waitFor(" + future.label() + ", " + VirtualTime.format(timeoutNanos) + ")";
    if (timeoutNanos > 0) {
      return withTimeout(
          loop, task, timeoutNanos, what, () -> task.await(future, WaitReason.join(future)));
    }
    if (future.isDone()) {
      return future.outcome();
    }
    cancelAndWait(loop, task, future);
    try {
      return future.outcome();
    } catch (CancelledException cancelled) {
      throw timedOut(loop, task, what, cancelled);
    }
  }

  /**
   * Cancels {@code future} and waits until it has really finished, without being cancelled through
   * it.
   */
  private static void cancelAndWait(Loop loop, TaskImpl<?> task, FutureBase<?> future) {
    InternalFuture<Void> waiter = loop.internalFuture("waitFor");
    Runnable release = () -> waiter.completeIfPending(null);
    future.addDoneCallback(release);
    try {
      future.requestCancel();
      task.await(
          waiter,
          WaitReason.of(
              "waitFor",
              null,
              List.of(future),
              () -> "waitFor(" + future.label() + ") while it is cancelled"));
    } finally {
      future.removeDoneCallback(release);
    }
  }

  private static TimedOutException timedOut(
      Loop loop, TaskImpl<?> task, String what, Throwable cause) {
    return new TimedOutException(
        what + " expired at virtual time " + VirtualTime.format(loop.now()) + " in " + task.label(),
        cause);
  }
}
