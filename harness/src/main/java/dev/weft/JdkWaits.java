package dev.weft;

import dev.weft.internal.Adapters;
import dev.weft.internal.VirtualTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What the JDK-interface adapters ({@link Jdk}) share: the JDK's interrupt check on entry, timeouts
 * in virtual time, and the texts of their misuse errors.
 */
final class JdkWaits {
  private JdkWaits() {}

  /**
   * Throws {@link InterruptedException} if the calling thread's interrupt flag is set, clearing it,
   * as the JDK's interruptible methods do on entry. A Weft task is interrupted by cancelling it
   * (see {@link Jdk}); this only honours an interrupt that the task's own code set.
   */
  static void checkInterrupt(String operation, String label) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(
          operation
              + " on "
              + label
              + ": the calling task's thread had its interrupt flag set (by Thread.interrupt());"
              + " the flag is now cleared, as the JDK does. To stop a task on the loop, cancel it.");
    }
  }

  /** Converts a JDK timeout to nanoseconds, saturating as {@link TimeUnit#toNanos} does. */
  static long nanos(long time, TimeUnit unit) {
    Objects.requireNonNull(unit, "unit must not be null");
    return unit.toNanos(time);
  }

  /** Formats a timeout for a wait's description: {@code "poll(1.5s)"}. */
  static String timed(String operation, long nanos) {
    return operation + "(" + VirtualTime.format(nanos) + ")";
  }

  /**
   * Runs {@code body}, a wait in Weft, for at most {@code nanos} (positive) of virtual time, and
   * returns its value, or {@code onTimeout} if the time ran out first. The wait is ended as {@link
   * Weft#withTimeout} ends one, by cancelling it, so the primitives' cancellation rules hold: a
   * queue's item or a lock's turn is passed on, and a condition's lock is taken back.
   */
  static <T> T within(long nanos, Callable<T> body, T onTimeout) {
    try {
      return Weft.withTimeout(Duration.ofNanos(nanos), body);
    } catch (TimedOutException expired) {
      return onTimeout;
    }
  }

  /**
   * Returns the nanoseconds from virtual time {@code now} to {@code deadline} on the virtual clock.
   */
  static long untilDeadline(java.util.Date deadline, long now) {
    try {
      return Math.subtractExact(Math.multiplyExact(deadline.getTime(), 1_000_000L), now);
    } catch (ArithmeticException overflow) {
      return deadline.getTime() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }

  /** Throws {@code failure} as it is: an unchecked one, or a checked one the caller declares. */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> E rethrow(Throwable failure) throws E {
    throw (E) failure;
  }

  /**
   * Returns the task that calls {@code shown} ({@code "tryLock()"}) on the lock {@code label}, or
   * throws: a lock is held by a task, and a callback is none.
   */
  static Task<?> lockingTask(String shown, String label) {
    Task<?> task = Adapters.currentTaskOrNull();
    if (task == null) {
      throw new IllegalStateException(
          shown
              + " on "
              + label
              + " was called from a callback (callSoon/callLater): a lock is held by a task, and"
              + " a callback is none. Call it from a task.");
    }
    return task;
  }

  /** The name of {@code task} for messages, or "a callback" when no task runs. */
  static String who(Task<?> task) {
    return task == null ? "a callback (callSoon/callLater)" : task.name();
  }
}
