package dev.weft.internal;

import dev.weft.Task;
import dev.weft.TimedOutException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code asCompleted}: yields the given tasks in the order they finish; asyncio's {@code
 * _AsCompletedIterator} (semantics §2.5).
 *
 * <p>Each {@link #next()} suspends the calling task until the next completion. With a timeout, a
 * single deadline is set when {@code asCompleted} is called; once it passes, every remaining {@code
 * next()} throws {@link TimedOutException}, and the tasks still pending are not cancelled.
 */
final class AsCompleted<T> implements Iterable<Task<T>>, Iterator<Task<T>> {
  private static final Object TIMED_OUT = new Object();

  private final Loop loop;
  private final LinkedHashSet<FutureBase<?>> todo;
  private final List<FutureBase<?>> all;
  private final ArrayDeque<Object> finished = new ArrayDeque<>();
  private final ArrayDeque<InternalFuture<Void>> waiters = new ArrayDeque<>();
  private final Runnable[] callbacks;
  private final long timeoutNanos;
  private TimerHandleImpl timeout;
  private int left;
  private boolean iterated;

  /** The number the run gave this iteration: what a step's footprint records of it. */
  private final long serial;

  AsCompleted(Loop loop, List<FutureBase<?>> futures, long timeoutNanos) {
    this.loop = loop;
    this.serial = loop.nextSerial();
    this.todo = new LinkedHashSet<>(futures);
    this.all = List.copyOf(todo);
    this.left = todo.size();
    this.timeoutNanos = timeoutNanos;
    this.callbacks = new Runnable[all.size()];
    for (int i = 0; i < callbacks.length; i++) {
      FutureBase<?> future = all.get(i);
      callbacks[i] = () -> completed(future);
      future.addDoneCallback(callbacks[i]);
    }
    if (!todo.isEmpty() && timeoutNanos >= 0) {
      timeout =
          loop.callAt(
              VirtualTime.deadline(loop.now(), timeoutNanos),
              this::timedOut,
              "asCompleted timeout (" + VirtualTime.format(timeoutNanos) + ")");
    }
  }

  @Override
  public Iterator<Task<T>> iterator() {
    if (iterated) {
      throw new IllegalStateException(
          "the Iterable returned by Weft.asCompleted can be iterated only once; call asCompleted again");
    }
    iterated = true;
    return this;
  }

  @Override
  public boolean hasNext() {
    loop.touch(serial);
    return left > 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Task<T> next() {
    loop.touch(serial);
    if (left == 0) {
      throw new NoSuchElementException("every task given to asCompleted has been returned");
    }
    TaskImpl<?> caller = loop.currentTask("asCompleted(...).next()");
    left--;
    while (finished.isEmpty()) {
      InternalFuture<Void> waiter = loop.internalFuture("asCompleted");
      waiters.add(waiter);
      try {
        caller.await(waiter, WaitReason.of("asCompleted", null, all, this::describe));
      } catch (Throwable e) {
        waiter.requestCancel();
        waiters.remove(waiter);
        if (!finished.isEmpty() && !waiter.isCancelled()) {
          wakeNext();
        }
        throw e;
      }
    }
    Object next = finished.poll();
    if (next == TIMED_OUT) {
      throw new TimedOutException(
          "asCompleted timed out after "
              + VirtualTime.format(timeoutNanos)
              + " at virtual time "
              + VirtualTime.format(loop.now())
              + "; "
              + (left + 1)
              + " of "
              + all.size()
              + " tasks had not been returned",
          null);
    }
    return (Task<T>) next;
  }

  private String describe() {
    return "asCompleted(" + WaitReason.list(all) + ").next()";
  }

  private void completed(FutureBase<?> future) {
    loop.touch(serial);
    if (todo.isEmpty()) {
      return; // the timeout came first
    }
    todo.remove(future);
    put(future);
    if (todo.isEmpty() && timeout != null) {
      timeout.cancel();
    }
  }

  private void timedOut() {
    loop.touch(serial);
    for (int i = 0; i < all.size(); i++) {
      if (todo.contains(all.get(i))) {
        all.get(i).removeDoneCallback(callbacks[i]);
        put(TIMED_OUT);
      }
    }
    todo.clear();
  }

  private void put(Object item) {
    finished.add(item);
    wakeNext();
  }

  private void wakeNext() {
    while (!waiters.isEmpty()) {
      InternalFuture<Void> waiter = waiters.poll();
      if (!waiter.isDone()) {
        waiter.setResult(null);
        return;
      }
    }
  }
}
