package dev.weft.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The right to run: exactly one participant (a task's carrier thread, or the thread that called
 * {@code Weft.run}) holds it at a time, and only the holder touches the loop's state.
 *
 * <p>Passing the baton is a compare-and-set from the current holder followed by an unpark, so
 * everything the previous holder wrote is visible to the next one, and a participant that has lost
 * the baton (a thread the watchdog gave up on) can never pass it on again. A participant waits for
 * its turn by parking until it is the holder.
 */
final class Baton {
  private static final VarHandle HOLDER;

  static {
    try {
      HOLDER = MethodHandles.lookup().findVarHandle(Baton.class, "holder", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through HOLDER
  private volatile Object holder;

  private boolean driverInterrupted;

  Baton(Object initialHolder) {
    this.holder = initialHolder;
  }

  Object holder() {
    return holder;
  }

  /**
   * Passes the baton from {@code from} to {@code next}, whose thread is already started and waits
   * in {@link #awaitTurn}.
   *
   * @return {@code false} if {@code from} no longer held the baton, so nothing was passed
   */
  boolean pass(Object from, Object next, Thread thread) {
    if (!HOLDER.compareAndSet(this, from, next)) {
      return false;
    }
    if (thread != null) {
      LockSupport.unpark(thread);
    }
    return true;
  }

  /**
   * Passes the baton from {@code from} to {@code next} and starts its thread, which begins as the
   * holder.
   *
   * @return {@code false} if {@code from} no longer held the baton, so the thread was not started
   * @throws Error or RuntimeException if the thread could not start; {@code from} keeps the baton
   */
  boolean passToNewThread(Object from, Object next, Thread thread) {
    if (!HOLDER.compareAndSet(this, from, next)) {
      return false;
    }
    try {
      thread.start();
    } catch (Throwable startFailed) {
      holder = from;
      throw startFailed;
    }
    return true;
  }

  /**
   * Takes the baton from {@code from}, if it still holds it: the driver's last resort after the
   * watchdog gave up on {@code from}. A compare-and-set, like {@link #pass}, so that a participant
   * that holds the baton by right never loses it.
   *
   * @return whether the baton was taken
   */
  boolean seize(Object from, Object self) {
    return HOLDER.compareAndSet(this, from, self);
  }

  /**
   * Parks the calling thread until {@code self} holds the baton. An interrupt does not end the wait
   * (parking would otherwise return at once, again and again); it is restored before returning, so
   * the task's own code still sees it.
   */
  void awaitTurn(Object self) {
    boolean interrupted = false;
    while (holder != self) {
      try {
        LockSupport.park(this);
        if (Thread.interrupted()) {
          interrupted = true;
        }
      } catch (VirtualMachineError noRoom) {
        // Parking failed (no stack left, say): this thread must still not run before its turn, so
        // it spins, calling nothing. Handoff checks for room first, so this is a last resort.
        while (holder != self) {
          // wait
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Parks the calling thread until {@code self} holds the baton or {@code nanos} of real time have
   * passed. Used by the driver only. An interrupt ends the wait early, so that the driver can stop
   * the run; it is remembered, see {@link #driverInterrupted()} and {@link #takeDriverInterrupt()}.
   *
   * @return whether {@code self} holds the baton
   */
  boolean awaitTurn(Object self, long nanos) {
    long deadline = System.nanoTime() + nanos;
    while (holder != self) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        driverInterrupted = true;
        return holder == self;
      }
    }
    return true;
  }

  /** Returns whether the driver was interrupted while it waited, without forgetting it. */
  boolean driverInterrupted() {
    return driverInterrupted;
  }

  /** Returns whether the driver was interrupted while it waited, and forgets it. */
  boolean takeDriverInterrupt() {
    boolean was = driverInterrupted;
    driverInterrupted = false;
    return was;
  }
}
