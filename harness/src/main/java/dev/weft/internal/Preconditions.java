package dev.weft.internal;

import java.time.Duration;

/**
 * The argument checks that public entry points share, each worded one way: the argument's name, the
 * rule, and the value that broke it ({@code "tries must be 1 or more, but was 0"}). Every check
 * throws {@link IllegalArgumentException}. A rule that needs more words than these (a queue's
 * {@code maxsize}, a promise's failure) is checked where it applies, with its own message.
 *
 * <p>Internal: public only so that {@code dev.weft} and {@code dev.weft.explore} can use it.
 */
public final class Preconditions {
  private Preconditions() {}

  /**
   * Checks that {@code value} is not null.
   *
   * @param <T> the value's type
   * @param value the argument
   * @param argument its name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException "argument must not be null"
   */
  public static <T> T requireNonNull(T value, String argument) {
    if (value == null) {
      throw new IllegalArgumentException(argument + " must not be null");
    }
    return value;
  }

  /**
   * Checks that {@code value} is at least {@code min}.
   *
   * @param value the argument
   * @param min the smallest allowed value
   * @param argument its name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException "argument must be min or more, but was value"
   */
  public static long requireAtLeast(long value, long min, String argument) {
    if (value < min) {
      throw new IllegalArgumentException(
          argument + " must be " + min + " or more, but was " + value);
    }
    return value;
  }

  /**
   * Checks that {@code value} is at least {@code min}.
   *
   * @param value the argument
   * @param min the smallest allowed value
   * @param argument its name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException "argument must be min or more, but was value"
   */
  public static int requireAtLeast(int value, int min, String argument) {
    requireAtLeast((long) value, min, argument);
    return value;
  }

  /**
   * Checks that {@code value} is a positive duration.
   *
   * @param value the argument
   * @param argument its name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException "argument must be a positive duration, but was value"
   */
  public static Duration requirePositive(Duration value, String argument) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(
          argument + " must be a positive duration, but was " + value);
    }
    return value;
  }

  /**
   * Checks that {@code value} is zero or positive.
   *
   * @param value the argument
   * @param argument its name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException "argument must be zero or more, but was value", or "must not
   *     be null"
   */
  public static Duration requireNotNegative(Duration value, String argument) {
    requireNonNull(value, argument);
    if (value.isNegative()) {
      throw new IllegalArgumentException(argument + " must be zero or more, but was " + value);
    }
    return value;
  }
}
