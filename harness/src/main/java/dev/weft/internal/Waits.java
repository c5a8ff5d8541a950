package dev.weft.internal;

import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code wait}: suspends until the {@link ReturnWhen} condition holds or the timeout passes, then
 * reports which tasks are done; asyncio's {@code _wait} (semantics §2.6). It never raises the
 * tasks' failures and never cancels them.
 */
final class Waits {
  private Waits() {}

  /**
   * Waits as {@code asyncio.wait}; {@code timeoutNanos < 0} means no timeout.
   *
   * @param futures distinct futures, in argument order
   */
  @SuppressWarnings("unchecked")
  static <T> WaitResult<T> await(
      Loop loop,
      TaskImpl<?> caller,
      List<FutureBase<?>> futures,
      ReturnWhen when,
      long timeoutNanos) {
    InternalFuture<Void> waiter = loop.internalFuture("wait");
    TimerHandleImpl timer =
        timeoutNanos < 0
            ? null
            : loop.callAt(
                VirtualTime.deadline(loop.now(), timeoutNanos),
                () -> waiter.completeIfPending(null),
                "wait timeout (" + VirtualTime.format(timeoutNanos) + ")");
    int[] remaining = {futures.size()};
    Runnable[] callbacks = new Runnable[futures.size()];
    for (int i = 0; i < callbacks.length; i++) {
      FutureBase<?> future = futures.get(i);
      callbacks[i] =
          () -> {
            remaining[0]--;
            if (remaining[0] <= 0
                || when == ReturnWhen.FIRST_COMPLETED
                || (when == ReturnWhen.FIRST_EXCEPTION
                    && !future.isCancelled()
                    && future.failureObserving() != null)) {
              if (timer != null) {
                timer.cancel();
              }
              waiter.completeIfPending(null);
            }
          };
      future.addDoneCallback(callbacks[i]);
    }
    try {
      caller.await(
          waiter,
          WaitReason.of(
              "wait",
              null,
              futures,
              () ->
                  "wait("
                      + when
                      + (timeoutNanos < 0 ? "" : ", timeout " + VirtualTime.format(timeoutNanos))
                      + ": "
                      + WaitReason.list(futures)
                      + ")"));
    } finally {
      if (timer != null) {
        timer.cancel();
      }
      for (int i = 0; i < callbacks.length; i++) {
        futures.get(i).removeDoneCallback(callbacks[i]);
      }
    }
    Set<Task<T>> done = new LinkedHashSet<>();
    Set<Task<T>> pending = new LinkedHashSet<>();
    for (FutureBase<?> future : futures) {
      (future.isDone() ? done : pending).add((Task<T>) future);
    }
    Set<Task<T>> doneView = Collections.unmodifiableSet(done);
    Set<Task<T>> pendingView = Collections.unmodifiableSet(pending);
    return new WaitResult<T>() {
      @Override
      public Set<Task<T>> done() {
        return doneView;
      }

      @Override
      public Set<Task<T>> pending() {
        return pendingView;
      }

      @Override
      public String toString() {
        return "WaitResult[done=" + doneView + ", pending=" + pendingView + "]";
      }
    };
  }
}
