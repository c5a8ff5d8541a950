package dev.weft.internal;

import dev.weft.CancelledException;
import dev.weft.Task;
import dev.weft.TaskFailedException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state shared by tasks and promises: asyncio's {@code Future}.
 *
 * <p>A future is pending until it gets a result, a failure, or is cancelled. Completing it never
 * runs its done callbacks directly: each one is scheduled on the ready queue, in registration order
 * (semantics §1.1), which is why a task blocked on a future resumes in a later step than the one
 * that completed it.
 *
 * @param <T> the result type
 */
abstract class FutureBase<T> implements Task<T> {
  private static final byte PENDING = 0;
  private static final byte SUCCEEDED = 1;
  private static final byte FAILED = 2;
  private static final byte CANCELLED = 3;

  final Loop loop;
  private final String name;
  private byte state = PENDING;
  private T value;
  private Throwable failure;

  /**
   * Whose failure this is, for messages: the future itself, or the child a gather or shield
   * mirrors.
   */
  private String failureSource;

  private Runnable singleCallback;
  private List<Runnable> moreCallbacks;
  private boolean failureObserved;

  /** Who first called {@code cancel()} on it, and when, for the message awaiters get; or null. */
  private String cancelledBy;

  private long cancelledAt;

  /**
   * The cancellation that ended a task's body when the task did not cancel by itself being
   * cancelled (it let a cancellation it awaited propagate), so awaiters see where it came from.
   */
  private Throwable cancelCause;

  /** The number the run gave this future when it was made: what a step's footprint records. */
  private final long serial;

  FutureBase(Loop loop, String name) {
    this.loop = loop;
    this.name = name;
    this.serial = loop.nextSerial();
  }

  /** Records that the running step reads or changes this future (see {@link Loop#touch}). */
  final void touch() {
    loop.touch(serial);
  }

  /** Returns how reports name this future: {@code Task 'P0'}, {@code Promise 'reply'}. */
  public abstract String label();

  /** Returns whether a failure nobody observed fails the run: true for tasks and user promises. */
  abstract boolean reportsUnobservedFailure();

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean isDone() {
    touch();
    return state != PENDING;
  }

  @Override
  public final boolean isCancelled() {
    touch();
    return state == CANCELLED;
  }

  @Override
  public final T join() {
    RunningLoop.checkAccess(loop, this, "join()");
    TaskImpl<?> caller = loop.runningTask("join()");
    return caller.await(this, WaitReason.join(this));
  }

  @Override
  public final T result() {
    if (!isDone()) {
      throw new IllegalStateException(
          label() + " is not done yet; call join() from a task to wait for it");
    }
    return outcome();
  }

  @Override
  public boolean cancel() {
    if (isDone()) {
      return false;
    }
    RunningLoop.checkAccess(loop, this, "cancel()");
    if (cancelledBy == null) {
      TaskImpl<?> caller = loop.currentOrNull();
      cancelledBy = caller == null ? "a callback" : caller.name();
      cancelledAt = loop.now();
    }
    return requestCancel();
  }

  /** Keeps the cancellation that ended a task's body, as the cause awaiters will see. */
  final void cancelledBecause(Throwable cause) {
    cancelCause = cause;
  }

  /**
   * Asks the future to cancel, as asyncio's {@code cancel()}: a plain future becomes cancelled at
   * once; a task and a gather override this.
   */
  boolean requestCancel() {
    touch();
    if (isDone()) {
      return false;
    }
    state = CANCELLED;
    scheduleCallbacks();
    return true;
  }

  void setResult(T result) {
    checkPending();
    value = result;
    state = SUCCEEDED;
    scheduleCallbacks();
  }

  void setFailure(Throwable error) {
    setFailure(error, label());
  }

  /**
   * Fails this future with {@code error}, which belongs to {@code source} (a child, for a gather or
   * a shield).
   */
  void setFailure(Throwable error, String source) {
    checkPending();
    failure = error;
    failureSource = source;
    state = FAILED;
    loop.failed(this);
    scheduleCallbacks();
  }

  private void checkPending() {
    touch();
    if (isDone()) {
      throw new IllegalStateException(label() + " is already done: " + describeState());
    }
  }

  /**
   * Returns the result of a done future, or throws its failure: the same instance when unchecked,
   * wrapped in a {@link TaskFailedException} when checked, a new {@link CancelledException} when
   * cancelled.
   */
  final T outcome() {
    Throwable thrown = thrownByAwait();
    if (thrown != null) {
      throw propagate(thrown);
    }
    return value;
  }

  /**
   * Returns what awaiting this done future throws ({@code null} if it succeeded), marking a failure
   * observed.
   */
  final Throwable thrownByAwait() {
    touch();
    switch (state) {
      case SUCCEEDED:
        return null;
      case FAILED:
        failureObserved = true;
        return unchecked(failure, failureSource);
      case CANCELLED:
        CancelledException cancelled =
            new CancelledException(
                label()
                    + " was cancelled"
                    + (cancelledBy == null
                        ? ""
                        : " by "
                            + cancelledBy
                            + " at virtual time "
                            + VirtualTime.format(cancelledAt)));
        if (cancelCause != null) {
          cancelled.initCause(cancelCause);
        }
        return cancelled;
      default:
        throw new IllegalStateException(label() + " is not done yet");
    }
  }

  /**
   * Returns the failure of a done future (marking it observed), or {@code null} if it succeeded or
   * was cancelled.
   */
  final Throwable failureObserving() {
    touch();
    if (state != FAILED) {
      return null;
    }
    failureObserved = true;
    return failure;
  }

  /** Returns the failure of a future that failed, without marking it observed; else null. */
  final Throwable failureForReport() {
    return state == FAILED ? failure : null;
  }

  /** Returns the value of a future that succeeded. */
  final T value() {
    return value;
  }

  final String failureSource() {
    return failureSource;
  }

  final boolean failureObserved() {
    return failureObserved;
  }

  /** Marks the failure as handled without throwing it, as asyncio's {@code exception()} does. */
  final void markFailureObserved() {
    failureObserved = true;
  }

  /**
   * Returns {@code failure} itself when it is unchecked, else a {@link TaskFailedException} saying
   * that {@code source} failed with it (the contract: checked failures arrive wrapped).
   */
  static Throwable unchecked(Throwable failure, String source) {
    if (failure instanceof RuntimeException || failure instanceof Error) {
      return failure;
    }
    return new TaskFailedException(source + " failed with " + failure, failure);
  }

  /** Throws an unchecked throwable that is an {@link Error}, or returns it to be thrown. */
  static RuntimeException propagate(Throwable unchecked) {
    if (unchecked instanceof Error) {
      throw (Error) unchecked;
    }
    return (RuntimeException) unchecked;
  }

  /**
   * Registers a callback to schedule when this future is done; if it is done already, schedules it
   * now.
   */
  final void addDoneCallback(Runnable callback) {
    touch();
    if (isDone()) {
      loop.callSoon(callback);
    } else if (singleCallback == null && moreCallbacks == null) {
      singleCallback = callback;
    } else {
      if (moreCallbacks == null) {
        moreCallbacks = new ArrayList<>(4);
        moreCallbacks.add(singleCallback);
        singleCallback = null;
      }
      moreCallbacks.add(callback);
    }
  }

  /** Removes every registration of {@code callback}; asyncio's {@code remove_done_callback}. */
  final void removeDoneCallback(Runnable callback) {
    touch();
    if (singleCallback == callback) {
      singleCallback = null;
    } else if (moreCallbacks != null) {
      moreCallbacks.removeIf(registered -> registered == callback);
    }
  }

  private void scheduleCallbacks() {
    if (singleCallback != null) {
      loop.callSoon(singleCallback);
      singleCallback = null;
    } else if (moreCallbacks != null) {
      for (Runnable callback : moreCallbacks) {
        loop.callSoon(callback);
      }
      moreCallbacks = null;
    }
  }

  /**
   * Describes the state in a few words: {@code pending}, {@code completed with 42}, {@code failed
   * with ...}.
   */
  final String describeState() {
    switch (state) {
      case PENDING:
        return "pending";
      case SUCCEEDED:
        return "completed with " + value;
      case FAILED:
        return "failed with " + failure;
      default:
        return "cancelled";
    }
  }

  @Override
  public String toString() {
    return label() + " (" + describeState() + ")";
  }
}
