package dev.weft.internal;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Formats and computes virtual times (nanoseconds since the loop started) the way reports show
 * them.
 */
public final class VirtualTime {
  private VirtualTime() {}

  /**
   * Formats nanoseconds as seconds with only the digits needed: {@code 0s}, {@code 0.2s}, {@code
   * 1.5s}, {@code 3600s}, {@code 0.000001s}.
   *
   * @param nanos a time or duration in nanoseconds
   * @return the text
   */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
  }

  /**
   * Formats a duration as {@link #format(long)} does, saturating durations beyond the nanosecond
   * range.
   */
  static String format(Duration duration) {
    return format(saturatedNanos(duration));
  }

  /** Returns the duration in nanoseconds, clamped to the range of a {@code long}. */
  static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException overflow) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * Returns when a sleep or a delayed callback of {@code delay} from {@code now} wakes up; a
   * wake-up past the end of the clock (a {@code long} of nanoseconds: about 292 years) is refused,
   * never silently moved to that end.
   *
   * @throws IllegalArgumentException naming the operation, the delay and the virtual time
   */
  static long wakeUp(long now, Duration delay, String operation) {
    long nanos = saturatedNanos(delay);
    long sum = now + nanos;
    if (nanos == Long.MAX_VALUE || (nanos > 0 && sum < now)) {
      throw new IllegalArgumentException(
          operation
              + "("
              + delay
              + ") at virtual time "
              + format(now)
              + " would wake up past the end of the virtual clock, about 292 years after the run"
              + " started. Wait for less; to wait for good, wait on something that never happens,"
              + " or use a timeout, which may be as long as you like.");
    }
    return sum;
  }

  /**
   * Returns {@code now + delay}, clamped so that a very long timeout means "never" rather than
   * overflowing: a deadline only bounds a wait, so one past the clock's end is never reached.
   */
  static long deadline(long now, long delay) {
    long sum = now + delay;
    if (delay > 0 && sum < now) {
      return Long.MAX_VALUE;
    }
    return sum;
  }
}
