package dev.weft.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * The right to run: exactly one participant (a task's carrier thread, or the thread that called
 * {@code Weft.run}) holds it at a time, and only the holder touches the loop's state.
 *
 * <p>Passing the baton is a volatile write followed by an unpark, so everything the previous holder
 * wrote is visible to the next one. A participant waits for its turn by parking until it is the
 * holder.
 */
final class Baton {
  private volatile Object holder;
  private boolean interrupted;

  Baton(Object initialHolder) {
    this.holder = initialHolder;
  }

  boolean isHeldBy(Object participant) {
    return holder == participant;
  }

  Object holder() {
    return holder;
  }

  /**
   * Hands the baton to {@code next}, whose thread is already started and waits in {@link
   * #awaitTurn}.
   */
  void handTo(Object next, Thread thread) {
    holder = next;
    LockSupport.unpark(thread);
  }

  /** Hands the baton to {@code next} and starts its thread, which begins as the holder. */
  void handToNewThread(Object next, Thread thread) {
    holder = next;
    thread.start();
  }

  /** Parks the calling thread until {@code self} holds the baton. */
  void awaitTurn(Object self) {
    while (holder != self) {
      LockSupport.park(this);
    }
  }

  /**
   * Parks the calling thread until {@code self} holds the baton or {@code nanos} of real time have
   * passed. An interrupt does not end the wait (the run must still end cleanly); it is remembered,
   * see {@link #takeInterrupt()}.
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
        interrupted = true;
      }
    }
    return true;
  }

  /** Returns whether the waiting thread was interrupted meanwhile, and forgets it. */
  boolean takeInterrupt() {
    boolean was = interrupted;
    interrupted = false;
    return was;
  }
}
