package dev.weft.internal;

/**
 * Moves the {@link Baton} between the loop's participants: to a task's carrier thread (starting
 * one, from the exploration's {@link CarrierPool} or new, at the task's first step), and back to
 * the thread that called {@code Weft.run} when the run is over. The thread that passes the baton on
 * parks until its own turn comes back.
 */
final class Handoff {
  /** The participant that is the thread which called {@code Weft.run}. */
  static final Object DRIVER =
      new Object() {
        @Override
        public String toString() {
          return "the thread that called Weft.run";
        }
      };

  private final Loop loop;
  final Baton baton = new Baton(DRIVER);
  final Thread driverThread;

  /** Reused carrier threads (an exploration's), or null: one new thread per task. */
  private final CarrierPool pool;

  Handoff(Loop loop, Thread driverThread, CarrierPool pool) {
    this.loop = loop;
    this.driverThread = driverThread;
    this.pool = pool;
  }

  /**
   * Hands the baton from {@code self} to {@code task}, starting its carrier at its first step, and
   * parks {@code self} (unless it is the driver, or a task that has ended) until its turn comes.
   */
  void toTask(Object self, TaskImpl<?> task) {
    StackReserve.ensure(); // from here until this thread parks, nothing may fail
    boolean passed;
    if (task.carrier == null && pool != null) {
      CarrierPool.Worker worker;
      try {
        worker = pool.take(task.name()); // a new worker's thread is started (and parked) here
      } catch (Throwable startFailed) {
        threadStartFailed(self, task, startFailed);
        return;
      }
      task.carrier = worker.thread;
      task.worker = worker;
      passed = baton.pass(self, task, null);
      if (passed) {
        worker.start(() -> runCarrier(task)); // only after the baton is the task's
      } else {
        pool.giveBack(worker);
      }
    } else if (task.carrier == null) {
      try {
        Thread carrier = Carriers.newCarrier(task.name(), () -> runCarrier(task));
        task.carrier = carrier;
        passed = baton.passToNewThread(self, task, carrier);
      } catch (Throwable startFailed) {
        task.carrier = null;
        threadStartFailed(self, task, startFailed);
        return;
      }
    } else {
      passed = baton.pass(self, task, task.carrier);
    }
    if (passed) {
      parkUnlessFinished(self);
    }
  }

  private void threadStartFailed(Object self, TaskImpl<?> task, Throwable failure) {
    loop.ending.endBy(Ending.End.THREAD_START_FAILED, failure, task.label());
    toDriver(self);
  }

  /**
   * The run is over (finished, deadlocked or aborted): the baton goes back to the thread that
   * called run. A thread that no longer holds the baton (the watchdog gave up on it) just returns,
   * to be unwound at its next Weft call.
   */
  void toDriver(Object self) {
    if (self == DRIVER) {
      return;
    }
    StackReserve.ensure();
    if (baton.pass(self, DRIVER, driverThread)) {
      parkUnlessFinished(self);
    }
  }

  private void parkUnlessFinished(Object self) {
    if (self != DRIVER && !((TaskImpl<?>) self).bodyEnded) {
      baton.awaitTurn(self);
    }
  }

  /** What a carrier thread runs: the task's body, then the loop until the baton leaves it. */
  private void runCarrier(TaskImpl<?> task) {
    RunningLoop.set(loop);
    try {
      task.runBody();
      loop.runUntilResumed(task);
    } catch (Throwable bug) {
      loop.ending.endBy(Ending.End.INTERNAL_ERROR, bug, null);
    } finally {
      // A thread must never end holding the baton: nobody could take it from there.
      if (baton.holder() == task) {
        loop.ending.endBy(
            Ending.End.INTERNAL_ERROR,
            new IllegalStateException(task.label() + "'s thread ended while it held the baton"),
            null);
        baton.pass(task, DRIVER, driverThread);
      }
      RunningLoop.clear();
    }
  }
}
