package dev.weft.internal;

import dev.weft.CancelledException;
import dev.weft.RunEvent;
import java.util.concurrent.Callable;

/**
 * A task: a body running on its own carrier thread, advanced one step at a time by the scheduler
 * (semantics §1.1).
 *
 * <p>The task object is also its own step callback: putting it in the ready queue means "resume
 * this task". Its body runs only while it holds the baton; every suspension goes through {@link
 * #park(WaitReason)}, which is where a cancellation is delivered (semantics §1.4, 2.3).
 *
 * @param <T> the result type
 */
final class TaskImpl<T> extends FutureBase<T> implements Runnable {
  private final Callable<T> body;

  /** Position in creation order: leftovers are cancelled, and reports list tasks, in this order. */
  final int index;

  Thread carrier;

  /** The pooled worker whose thread is {@link #carrier}, or null for a thread of its own. */
  CarrierPool.Worker worker;

  boolean bodyEnded;

  /** Whether the end of the run cancelled this task (semantics §2.17). */
  boolean cancelledByShutdown;

  long steps;

  /**
   * The loop's step count when the driver last saw this task's thread blocked (sleeping, waiting)
   * while it held the baton, or -1: a step is warned about as slow only if it was seen so, since a
   * step that merely computes (or loads classes) is not outside Weft.
   */
  volatile long seenBlockedAtStep = -1;

  /**
   * The future this task is blocked on, asyncio's {@code _fut_waiter}; kept until the task runs
   * again.
   */
  private FutureBase<?> waitingOn;

  /** What the task is blocked in, for reports; {@code null} while it runs. */
  private WaitReason blockedIn;

  /** asyncio's {@code _must_cancel}: deliver a cancellation at the next step. */
  private boolean mustCancel;

  /** asyncio's {@code _num_cancels_requested}. */
  private int cancelRequests;

  /**
   * Whether a cancellation of this task was passed on to {@link #waitingOn}, which then got
   * cancelled.
   */
  private boolean cancelForwarded;

  /** Whether a cancellation is being passed on to {@link #waitingOn} right now. */
  private boolean forwardingCancel;

  TaskImpl(Loop loop, String name, Callable<T> body, int index) {
    super(loop, name);
    this.body = body;
    this.index = index;
  }

  @Override
  public String label() {
    return "Task '" + name() + "'";
  }

  @Override
  boolean reportsUnobservedFailure() {
    return true;
  }

  /**
   * Task steps are dispatched by the scheduler, which switches to this task's carrier; never run
   * directly.
   */
  @Override
  public void run() {
    throw new IllegalStateException(label() + ": a task step must be dispatched by its scheduler");
  }

  /** Runs the body on the carrier thread, from its first step to its end. */
  void runBody() {
    T result = null;
    Throwable error = null;
    try {
      loop.resumed(this);
      result = body.call();
    } catch (Throwable e) {
      error = e;
      if (e instanceof VirtualMachineError && WeftFrames.threwInside(e)) {
        // A stack overflow (say) halfway through one of Weft's calls: its state may be half
        // updated.
        loop.ending.brokenBy(this, (VirtualMachineError) e);
      }
    }
    finish(result, error);
  }

  /** Ends a task that was cancelled before its first step: its body never runs (semantics §2.3). */
  void finishUnstarted() {
    mustCancel = false;
    finish(null, null, true);
  }

  private void finish(T result, Throwable error) {
    finish(result, error, false);
  }

  private void finish(T result, Throwable error, boolean cancelledBeforeStart) {
    bodyEnded = true;
    blockedIn = null;
    if (error instanceof RunAbortedError) {
      markFailureObserved();
      setFailure(error);
      loop.ended(
          this,
          RunEvent.Kind.FAILED,
          new RunEvent.Failed(error.getClass().getName(), String.valueOf(error), true));
    } else if (cancelledBeforeStart || error instanceof CancelledException) {
      if (error != null && cancelling() == 0) {
        cancelledBecause(error); // not cancelled itself: it let an awaited cancellation through
      }
      requestCancelOfFuture();
      loop.ended(
          this,
          RunEvent.Kind.CANCELLED,
          new RunEvent.Cancelled(
              cancelledBeforeStart
                  ? RunEvent.Cancelled.When.BEFORE_START
                  : RunEvent.Cancelled.When.WHILE_RUNNING));
    } else if (error != null) {
      setFailure(error);
      loop.ended(
          this,
          RunEvent.Kind.FAILED,
          new RunEvent.Failed(error.getClass().getName(), String.valueOf(error), false));
    } else if (mustCancel) {
      // Cancelled right before the body returned: the task ends cancelled and the value is dropped
      // (semantics §2.3).
      mustCancel = false;
      requestCancelOfFuture();
      loop.ended(
          this,
          RunEvent.Kind.CANCELLED,
          new RunEvent.Cancelled(RunEvent.Cancelled.When.AS_IT_RETURNED));
    } else {
      setResult(result);
      loop.ended(this, RunEvent.Kind.COMPLETED, new RunEvent.Returned(String.valueOf(result)));
    }
  }

  private void requestCancelOfFuture() {
    super.requestCancel();
  }

  /**
   * Requests cancellation (semantics §2.3): forwarded to the future this task waits on if that
   * accepts it, otherwise delivered at the task's next step.
   */
  @Override
  boolean requestCancel() {
    if (isDone()) {
      return false;
    }
    cancelRequests++;
    if (waitingOn != null && !forwardingCancel) {
      // Guarded: in a cycle of joins (A joins B, B joins A) the request would come back here.
      forwardingCancel = true;
      try {
        if (waitingOn.requestCancel()) {
          cancelForwarded = true;
          return true;
        }
      } finally {
        forwardingCancel = false;
      }
    }
    mustCancel = true;
    return true;
  }

  /** asyncio's {@code cancelling()}: pending cancellation requests. */
  int cancelling() {
    return cancelRequests;
  }

  /**
   * asyncio's {@code uncancel()}: withdraws one request; at zero a pending delivery is withdrawn
   * too.
   */
  int uncancel() {
    if (cancelRequests > 0) {
      cancelRequests--;
      if (cancelRequests == 0) {
        mustCancel = false;
      }
    }
    return cancelRequests;
  }

  /** Waits for {@code future} (suspending only if it is pending) and returns its outcome. */
  <R> R await(FutureBase<R> future, WaitReason reason) {
    if (!future.isDone()) {
      suspendOn(future, reason);
    }
    return future.outcome();
  }

  /**
   * Suspends until {@code future} is done (or this task is cancelled); does not read its outcome.
   */
  void suspendOn(FutureBase<?> future, WaitReason reason) {
    if (future == this) {
      throw new IllegalStateException(label() + " cannot wait for itself: it would never finish");
    }
    loop.checkCanSuspend(this);
    try {
      future.addDoneCallback(this);
      waitingOn = future;
      if (mustCancel && future.requestCancel()) {
        // A task that cancelled itself cancels what it then awaits, at the suspension point
        // (semantics §1.4).
        mustCancel = false;
      }
      park(reason);
    } catch (VirtualMachineError e) {
      loop.ending.brokenBy(this, e); // registered as a waiter, but not waiting: the run is broken
      throw e;
    }
  }

  /** One bare yield: the task goes to the tail of the ready queue (semantics §2.2). */
  void yieldNow() {
    loop.checkCanSuspend(this);
    try {
      loop.callSoon(this);
      park(WaitReason.YIELD);
    } catch (VirtualMachineError e) {
      loop.ending.brokenBy(
          this, e); // its step may be scheduled while it runs on: the run is broken
      throw e;
    }
  }

  private void park(WaitReason reason) {
    blockedIn = reason;
    loop.suspend(this, reason);
    blockedIn = null;
    FutureBase<?> waited = waitingOn;
    boolean forwarded = cancelForwarded;
    waitingOn = null;
    cancelForwarded = false;
    loop.ending.checkNotAborted();
    if (mustCancel || (forwarded && waited != null && waited.isCancelled())) {
      // Cancelled here, or what it waited on was cancelled because this task was: say where it was.
      mustCancel = false;
      throw new CancelledException(label() + " was cancelled while in " + reason.describe().text());
    }
  }

  /**
   * Returns the future the task waits on (possibly done already, if the task is ready to resume),
   * or null.
   */
  FutureBase<?> waitingOn() {
    return waitingOn;
  }

  /** Returns what the task is blocked in, or {@code null} if it is running or has not started. */
  WaitReason blockedIn() {
    return blockedIn;
  }

  /** Returns whether the task has a cancellation waiting to be delivered at its next step. */
  boolean mustCancel() {
    return mustCancel;
  }
}
