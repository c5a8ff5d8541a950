package dev.weft.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which loop runs on the calling thread, asyncio's {@code get_running_loop()}: set on a carrier
 * thread while it runs a task, and on the driver while it drives. Every Weft call starts here, and
 * so do the checks that a task, promise or primitive is used from its own run.
 */
final class RunningLoop {
  private static final ThreadLocal<Loop> ACTIVE = new ThreadLocal<>();

  /**
   * The loop whose task or driver started this thread, inherited by threads that a task starts
   * itself (new Thread, an executor's first thread), so that their Weft calls are reported to the
   * run as the misuse they are.
   */
  private static final InheritableThreadLocal<Loop> ORIGIN = new InheritableThreadLocal<>();

  /** How many runs are going on in this JVM: a call from a thread of none of them is foreign. */
  private static final AtomicInteger RUNS = new AtomicInteger();

  private RunningLoop() {}

  /** Returns the loop running on this thread, or throws an error that says how to get one. */
  static Loop require(String operation) {
    Loop loop = ACTIVE.get();
    if (loop == null) {
      if (RUNS.get() > 0) {
        throw misuse(ORIGIN.get(), Messages.fromForeignThread(operation));
      }
      throw new IllegalStateException(Messages.noRunningLoop(operation));
    }
    return loop;
  }

  /**
   * Returns the error for a misuse of Weft, noted on {@code loop} (the run it happened in, or
   * {@code null} if unknown) so that an exploration reports it as a usage error on its first try
   * even when the program catches it.
   */
  static IllegalStateException misuse(Loop loop, String message) {
    IllegalStateException error = new IllegalStateException(message);
    if (loop != null) {
      loop.ending.misused(error);
    }
    return error;
  }

  /** Counts a run that starts; {@link #runEnded} counts it out. */
  static void runStarted() {
    RUNS.incrementAndGet();
  }

  static void runEnded() {
    RUNS.decrementAndGet();
  }

  /** Returns the loop running on this thread, or {@code null}. */
  static Loop orNull() {
    return ACTIVE.get();
  }

  static void set(Loop loop) {
    ACTIVE.set(loop);
    ORIGIN.set(loop);
  }

  static void clear() {
    ACTIVE.remove();
    ORIGIN.remove();
  }

  /**
   * Throws unless the calling thread runs {@code loop}; {@code owner} is the future being used, if
   * any.
   */
  static void checkAccess(Loop loop, FutureBase<?> owner, String operation) {
    Loop active = ACTIVE.get();
    if (active == loop) {
      return;
    }
    String what = owner == null ? operation : owner.label() + "." + operation;
    if (active == null) {
      throw misuse(loop, Messages.outsideOwnRun(what));
    }
    throw misuse(active, Messages.fromOtherRun(what, owner == null ? null : owner.label()));
  }
}
