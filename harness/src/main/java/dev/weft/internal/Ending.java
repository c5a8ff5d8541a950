package dev.weft.internal;

/**
 * How a run ended, or why it is ending: the first reason wins. Set by the loop (finished, deadlock,
 * step limit, a failing listener or thread start, Weft's own bug) and by the driver (the watchdog,
 * unwinding after an early end), read by {@link Runner} to make the run's result or exception.
 */
final class Ending {
  /** Why the loop stopped. */
  enum End {
    FINISHED,
    DEADLOCK,
    STEP_LIMIT,
    WATCHDOG,
    INTERRUPTED,
    LISTENER_FAILED,
    THREAD_START_FAILED,
    /** A thread outside the run touched it (see {@link Inbox}). */
    FROM_OUTSIDE,
    /**
     * A {@code VirtualMachineError} (a stack overflow, most often) was thrown inside Weft's code.
     */
    BROKEN_INSIDE_WEFT,
    INTERNAL_ERROR
  }

  private End end;
  private Throwable cause;
  private String detail;
  private TaskImpl<?> brokenTask;

  /**
   * The first misuse of Weft seen in this run (a nested run, a call from a foreign thread or
   * another run), which an exploration reports as the usage error it is, not as a failing schedule.
   */
  private final java.util.concurrent.atomic.AtomicReference<IllegalStateException> misuse =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** Set by the driver when it unwinds the run; read by task threads at their next Weft call. */
  private volatile String abortReason;

  /** Ends the run for {@code reason} unless it has ended already; the first reason wins. */
  void endBy(End reason, Throwable failure, String about) {
    if (end == null) {
      end = reason;
      cause = failure;
      detail = about;
    }
  }

  /** Returns why the loop stopped, or {@code null} while it runs. */
  End end() {
    return end;
  }

  /** Returns what made the run end early (the listener's or the thread's failure, Weft's bug). */
  Throwable cause() {
    return cause;
  }

  /**
   * Returns more about the end: the event a listener failed on, the task whose thread did not
   * start.
   */
  String detail() {
    return detail;
  }

  /**
   * Ends the run because {@code error} was thrown inside Weft's own code on the thread of {@code
   * task}: Weft's state may be half updated, so nothing more runs and every task that calls Weft
   * from now on is unwound. The first reason to end the run wins.
   *
   * @param task the task whose thread it was, or {@code null} for a callback or the driver
   * @param error the error
   */
  void brokenBy(TaskImpl<?> task, VirtualMachineError error) {
    if (end == null) {
      end = End.BROKEN_INSIDE_WEFT;
      cause = error;
      brokenTask = task;
    }
    abortReason = "an error was thrown inside Weft's own code";
  }

  /** The task on whose thread {@link End#BROKEN_INSIDE_WEFT} happened, or {@code null}. */
  TaskImpl<?> brokenTask() {
    return brokenTask;
  }

  /** Ends the run from the driver's side: every task that suspends from now on is unwound. */
  void abort(String reason) {
    abortReason = reason;
  }

  /** Returns whether the driver is unwinding the run: nothing more may be scheduled. */
  boolean aborted() {
    return abortReason != null;
  }

  /** Returns whether the run has ended or is being torn down: no more choices then. */
  boolean over() {
    return abortReason != null || end != null;
  }

  /** Unwinds the calling task if the driver is tearing the run down. */
  void checkNotAborted() {
    String reason = abortReason;
    if (reason != null) {
      throw new RunAbortedError(reason);
    }
  }

  /** Notes a misuse of Weft in this run; the first one is kept. Any thread may call it. */
  void misused(IllegalStateException error) {
    misuse.compareAndSet(null, error);
  }

  /** Returns the first misuse of Weft seen in this run, or {@code null}. */
  IllegalStateException misuse() {
    return misuse.get();
  }
}
