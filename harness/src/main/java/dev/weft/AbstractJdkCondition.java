package dev.weft;

import dev.weft.internal.Adapters;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@link java.util.concurrent.locks.Condition} methods on two waits a subclass provides,
 * one untimed and one timed, for the conditions of {@link JdkLock} and of {@link
 * JdkReadWriteLock}'s write lock: the interrupt check on entry, timeouts in virtual time, and what
 * each method returns.
 */
abstract class AbstractJdkCondition implements java.util.concurrent.locks.Condition {

  /** How reports name the condition: {@code condition 2 of lock 'buffer'}. */
  abstract String label();

  /** Starts {@code operation}: one preemption point, and the caller must hold the lock. */
  abstract Task<?> enter(String operation);

  /** Releases the lock, waits for a signal, and takes the lock back; {@code shown} for reports. */
  abstract void awaitFor(Task<?> task, String shown);

  /**
   * Waits as {@link #awaitFor}, but for a signal for at most {@code nanos} (positive) of virtual
   * time, and returns whether it came in time; taking the lock back is not timed.
   */
  abstract boolean timedAwait(Task<?> task, long nanos, String shown);

  @Override
  public final void await() throws InterruptedException {
    JdkWaits.checkInterrupt("await()", label());
    awaitFor(enter("await"), "await()");
  }

  @Override
  public final void awaitUninterruptibly() {
    awaitFor(enter("awaitUninterruptibly"), "awaitUninterruptibly()");
  }

  @Override
  public final long awaitNanos(long nanosTimeout) throws InterruptedException {
    JdkWaits.checkInterrupt("awaitNanos()", label());
    Task<?> task = enter("awaitNanos");
    if (nanosTimeout <= 0) {
      return nanosTimeout;
    }
    long start = Adapters.now("awaitNanos");
    timedAwait(task, nanosTimeout, JdkWaits.timed("awaitNanos", nanosTimeout));
    return nanosTimeout - (Adapters.now("awaitNanos") - start);
  }

  @Override
  public final boolean await(long time, TimeUnit unit) throws InterruptedException {
    long nanos = JdkWaits.nanos(time, unit);
    JdkWaits.checkInterrupt("await()", label());
    Task<?> task = enter("await");
    return nanos > 0 && timedAwait(task, nanos, JdkWaits.timed("await", nanos));
  }

  @Override
  public final boolean awaitUntil(Date deadline) throws InterruptedException {
    Objects.requireNonNull(deadline, "awaitUntil(): the deadline must not be null");
    JdkWaits.checkInterrupt("awaitUntil()", label());
    Task<?> task = enter("awaitUntil");
    long nanos = JdkWaits.untilDeadline(deadline, Adapters.now("awaitUntil"));
    return nanos > 0 && timedAwait(task, nanos, "awaitUntil(" + deadline.toInstant() + ")");
  }

  /**
   * Describes the condition for debugging.
   *
   * @return for example {@code condition 1 of lock 'buffer'}
   */
  @Override
  public String toString() {
    return label();
  }
}
