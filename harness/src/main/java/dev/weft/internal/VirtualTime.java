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
   * Returns {@code now + delay}, clamped so that a very long delay means "never" rather than
   * overflowing.
   */
  static long deadline(long now, long delay) {
    long sum = now + delay;
    if (delay > 0 && sum < now) {
      return Long.MAX_VALUE;
    }
    return sum;
  }
}
