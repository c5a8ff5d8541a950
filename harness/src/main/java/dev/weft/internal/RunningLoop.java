package dev.weft.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which loop runs on the calling thread, asyncio's {@code get_running_loop()}: set on a carrier
 * thread while it runs a task, and on the driver while it drives. Every Weft call starts here, and
 * so do the checks that a task, promise or primitive is used from its own run.
 */
final class RunningLoop {
  private static final ThreadLocal<Loop> ACTIVE = new ThreadLocal<>();

  /** How many runs are going on in this JVM: a call from a thread of none of them is foreign. */
  private static final AtomicInteger RUNS = new AtomicInteger();

  private RunningLoop() {}

  /** Returns the loop running on this thread, or throws an error that says how to get one. */
  static Loop require(String operation) {
    Loop loop = ACTIVE.get();
    if (loop == null) {
      throw new IllegalStateException(
          RUNS.get() > 0
              ? Messages.fromForeignThread(operation)
              : Messages.noRunningLoop(operation));
    }
    return loop;
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
  }

  static void clear() {
    ACTIVE.remove();
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
      throw new IllegalStateException(Messages.outsideOwnRun(what));
    }
    throw new IllegalStateException(
        Messages.fromOtherRun(what, owner == null ? null : owner.label()));
  }
}
