package dev.weft.internal;

import dev.weft.CancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code ScheduledFuture} of one piece of work given to a {@link WeftExecutor}: the JDK's
 * {@code FutureTask} contract, kept by a Weft task that waits for the due time on the virtual clock
 * and then runs the command.
 *
 * <p>The future has its own state, as a {@code FutureTask} does: {@link #cancel} takes effect at
 * once (the future is done and cancelled when it returns, and its waiters wake up), while the Weft
 * task only receives a cancellation request, as every Weft task does. A command that has started
 * keeps running after {@code cancel(false)}; {@code cancel(true)} cancels its task, which reaches
 * the command at its next Weft wait, as an interrupt reaches a thread at its next blocking call.
 *
 * <p>Each {@code get} waits on a future of its own, woken by this one, so that cancelling one
 * waiting task never cancels the work other tasks wait for (a plain {@code join} would pass the
 * cancellation on, as asyncio does).
 *
 * @param <V> the result type
 */
final class ExecutorFuture<V> implements RunnableScheduledFuture<V> {
  private static final int NEW = 0;
  private static final int RUNNING = 1;
  private static final int SUCCEEDED = 2;
  private static final int FAILED = 3;
  private static final int CANCELLED = 4;

  private final WeftExecutor executor;
  private final Callable<V> command;
  private final long sequence;

  /** 0 for one-shot work; positive: a fixed rate; negative: a fixed delay, as the JDK codes it. */
  private final long period;

  /** The virtual time the command is next due; {@link Long#MAX_VALUE}: never. */
  private long time;

  /** The Weft task that runs the command; set right after it is spawned. */
  TaskImpl<V> task;

  private volatile int state = NEW;
  private V value;
  private Throwable failure;
  private String cancelledBy;
  private long cancelledAt;

  /** Whether {@code shutdownNow} drained it: its task was cancelled, the future stays pending. */
  boolean drained;

  /** Run once, on the loop's thread, when the future becomes done: the waiters it wakes. */
  private List<Runnable> listeners;

  ExecutorFuture(
      WeftExecutor executor, Callable<V> command, long time, long period, long sequence) {
    this.executor = executor;
    this.command = command;
    this.time = time;
    this.period = period;
    this.sequence = sequence;
  }

  // ---------------------------------------------------------------- what the Weft task runs

  /** The body of the Weft task: waits until due, runs the command (again, if periodic). */
  V runInTask() throws Exception {
    try {
      for (; ; ) {
        waitUntilDue();
        if (state != NEW) {
          return null; // cancelled while it waited, or run by hand
        }
        state = RUNNING;
        V result;
        try {
          result = command.call();
        } catch (CancelledException cancelled) {
          cancelledWithTask();
          throw cancelled;
        } catch (Exception | Error thrown) {
          if (state == CANCELLED) {
            // FutureTask drops what a cancelled command throws: get() can only say "cancelled".
            task.markFailureObserved();
          }
          settle(FAILED, null, thrown);
          throw thrown;
        }
        if (period == 0) {
          settle(SUCCEEDED, result, null);
          return result;
        }
        if (state != RUNNING) {
          return null; // cancelled while the command ran (shutdown() cancels periodic work too)
        }
        state = NEW;
        long now = executor.loop.now();
        time = period > 0 ? VirtualTime.deadline(time, period) : VirtualTime.deadline(now, -period);
      }
    } catch (CancelledException cancelled) {
      if (!drained) {
        cancelledWithTask();
      }
      throw cancelled;
    }
  }

  private void waitUntilDue() {
    Loop loop = executor.loop;
    if (time <= loop.now()) {
      if (period != 0 && time < loop.now()) {
        task.yieldNow(); // a periodic run that is late goes behind the work already ready
      }
      return;
    }
    InternalFuture<Void> due = loop.internalFuture("schedule");
    TimerHandleImpl timer =
        time == Long.MAX_VALUE
            ? null
            : loop.callAt(time, () -> due.completeIfPending(null), "due time of " + task.label());
    long at = time;
    try {
      task.await(
          due,
          WaitReason.of(
              "schedule",
              executor.label(),
              List.of(),
              () ->
                  "schedule on "
                      + executor.label()
                      + (at == Long.MAX_VALUE
                          ? ", never due (its delay is past the end of the virtual clock)"
                          : ", due at " + VirtualTime.format(at))));
    } finally {
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  /** The Weft task has ended: a future it never settled was cancelled with it. */
  void taskEnded() {
    executor.touch();
    if (state == NEW && !drained) {
      cancelledWithTask();
    }
  }

  /** The task was cancelled by something else than this future's {@code cancel}: say what. */
  private void cancelledWithTask() {
    if (task.cancelledByShutdown && cancelledBy == null) {
      cancelledBy = "the end of its run";
      cancelledAt = executor.loop.now();
    }
    settle(CANCELLED, null, null);
  }

  // ---------------------------------------------------------------- the JDK's Future

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    executor.touch();
    if (state >= SUCCEEDED) {
      return false;
    }
    executor.enter("Future.cancel(...)");
    boolean running = state == RUNNING;
    markCancelled(executor.loop.currentOrNull());
    settle(CANCELLED, null, null);
    if (!task.isDone() && (!running || mayInterruptIfRunning)) {
      task.cancel();
    }
    return true;
  }

  @Override
  public boolean isCancelled() {
    executor.touch();
    return state == CANCELLED;
  }

  @Override
  public boolean isDone() {
    executor.touch();
    return state >= SUCCEEDED;
  }

  @Override
  public V get() throws InterruptedException, ExecutionException {
    executor.touch();
    if (!isDone()) {
      TaskImpl<?> caller = executor.waitingTask("Future.get()");
      awaitDone(caller, Long.MAX_VALUE, -1, null);
    }
    return report();
  }

  @Override
  public V get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    WeftExecutor.requireNonNull(unit, "unit");
    if (!isDone()) {
      executor.enter("Future.get(timeout, unit)");
      long nanos = unit.toNanos(timeout);
      if (nanos > 0) {
        TaskImpl<?> caller = executor.waitingTask("Future.get(timeout, unit)");
        awaitDone(caller, VirtualTime.deadline(executor.loop.now(), nanos), nanos, null);
      }
      if (!isDone()) {
        throw new TimeoutException(
            "Future.get("
                + VirtualTime.format(Math.max(0, nanos))
                + ") of "
                + task.label()
                + " timed out at virtual time "
                + VirtualTime.format(executor.loop.now()));
      }
    }
    return report();
  }

  /**
   * Suspends {@code caller} until this future is done or the virtual time {@code deadline} ({@link
   * Long#MAX_VALUE}: none) has come, on a future of the caller's own.
   *
   * @param operation what the caller is in, for reports ({@code "invokeAll on executor 'e'"}), or
   *     null for {@code Future.get}
   */
  void awaitDone(TaskImpl<?> caller, long deadline, long timeoutNanos, String operation)
      throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(
          caller.label() + " was interrupted before it waited for " + task.label());
    }
    Loop loop = executor.loop;
    InternalFuture<Void> mine = loop.internalFuture("Future.get");
    Runnable wake = () -> mine.completeIfPending(null);
    addListener(wake);
    TimerHandleImpl timer =
        deadline == Long.MAX_VALUE
            ? null
            : loop.callAt(deadline, wake, "Future.get timeout of " + caller.label());
    try {
      caller.await(
          mine,
          WaitReason.of(
              operation == null ? "Future.get" : operation,
              null,
              List.of(task),
              () ->
                  (operation == null
                          ? "Future.get("
                              + task.label()
                              + (timer == null
                                  ? ")"
                                  : ", " + VirtualTime.format(timeoutNanos) + ")")
                          : operation + ", waiting for " + task.label())
                      + (timer == null ? "" : ", until " + VirtualTime.format(deadline))));
    } finally {
      removeListener(wake);
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  /** Whether the command has started (or been run by hand): {@code shutdownNow} leaves it. */
  boolean started() {
    return state != NEW;
  }

  /** Returns the result of a done future, or throws as {@code FutureTask.get} does. */
  private V report() throws ExecutionException {
    switch (state) {
      case SUCCEEDED:
        return value;
      case FAILED:
        if (task.failureForReport() == failure) {
          task.markFailureObserved(); // the JDK way of reading it counts as observing it
        }
        throw new ExecutionException(failure);
      default:
        throw cancellation();
    }
  }

  /** Reads the failure of a future that failed, marking it observed; else null. */
  Throwable failureObserving() {
    if (state != FAILED) {
      return null;
    }
    if (task.failureForReport() == failure) {
      task.markFailureObserved();
    }
    return failure;
  }

  /**
   * Marks a failure of this future's command as read, now or when it comes: {@code invokeAny} hands
   * its futures to no one, so nothing else could ever read it.
   */
  void dropFailure() {
    task.markFailureObserved();
  }

  /** Returns the value of a future that succeeded. */
  V value() {
    return value;
  }

  boolean succeeded() {
    return state == SUCCEEDED;
  }

  CancellationException cancellation() {
    return new CancellationException(
        "The future of "
            + task.label()
            + " was cancelled"
            + (cancelledBy == null
                ? ""
                : " by " + cancelledBy + " at virtual time " + VirtualTime.format(cancelledAt)));
  }

  // ---------------------------------------------------------------- RunnableScheduledFuture

  /**
   * Runs the command in the calling task, as {@code ScheduledFutureTask.run} does when code calls
   * it by hand (a task {@code shutdownNow} returned, say): after {@code shutdownNow} it cancels the
   * future instead; a command that started or a future that is done is left alone.
   */
  @Override
  public void run() {
    executor.enter("Future.run()");
    if (executor.isStopped()) {
      cancel(false);
      return;
    }
    if (state != NEW) {
      return;
    }
    state = RUNNING;
    V result;
    try {
      result = command.call();
    } catch (CancelledException cancelled) {
      settle(CANCELLED, null, null);
      throw cancelled;
    } catch (Throwable thrown) {
      settle(FAILED, null, thrown);
      return;
    }
    if (period == 0) {
      settle(SUCCEEDED, result, null);
      if (!task.isDone()) {
        task.cancel(); // its task was only waiting for the due time
      }
    } else if (state == RUNNING) {
      state = NEW;
    }
  }

  @Override
  public boolean isPeriodic() {
    return period != 0;
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(
        time == Long.MAX_VALUE ? Long.MAX_VALUE : time - executor.loop.now(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed other) {
    if (other == this) {
      return 0;
    }
    if (other instanceof ExecutorFuture) {
      ExecutorFuture<?> that = (ExecutorFuture<?>) other;
      int byTime = Long.compare(time, that.time);
      return byTime != 0 ? byTime : Long.compare(sequence, that.sequence);
    }
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
  }

  // ---------------------------------------------------------------- state

  private void markCancelled(TaskImpl<?> by) {
    if (cancelledBy == null) {
      cancelledBy = by == null ? "a callback" : by.name();
      cancelledAt = executor.loop.now();
    }
  }

  /** Makes the future done unless it is; wakes whoever waits for it, in the order they came. */
  private void settle(int outcome, V result, Throwable error) {
    if (state >= SUCCEEDED) {
      return;
    }
    value = result;
    failure = error;
    state = outcome;
    List<Runnable> waiting = listeners;
    listeners = null;
    if (waiting != null) {
      for (Runnable listener : waiting) {
        listener.run();
      }
    }
  }

  /** Runs {@code listener} when the future is done (now, if it is). */
  void addListener(Runnable listener) {
    if (isDone()) {
      listener.run();
      return;
    }
    if (listeners == null) {
      listeners = new ArrayList<>(2);
    }
    listeners.add(listener);
  }

  void removeListener(Runnable listener) {
    if (listeners != null) {
      listeners.removeIf(registered -> registered == listener);
    }
  }

  String label() {
    return task.label();
  }

  @Override
  public String toString() {
    String what;
    switch (state) {
      case NEW:
        what = drained ? "not run: drained by shutdownNow" : "not started";
        break;
      case RUNNING:
        what = "running";
        break;
      case SUCCEEDED:
        what = "completed normally";
        break;
      case FAILED:
        what = "failed with " + failure;
        break;
      default:
        what = "cancelled";
    }
    return "Future of " + task.label() + " (" + what + ")";
  }
}
