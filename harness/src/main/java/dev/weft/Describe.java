package dev.weft;

/** Short descriptions of user values for reports and messages. */
final class Describe {
  private static final int LIMIT = 40;

  private Describe() {}

  /** Returns {@code String.valueOf(value)}, cut to 40 characters with "..." if longer. */
  static String brief(Object value) {
    String text;
    try {
      text = String.valueOf(value);
    } catch (RuntimeException e) {
      text = value.getClass().getSimpleName() + " (toString failed: " + e + ")";
    }
    return text.length() <= LIMIT ? text : text.substring(0, LIMIT - 3) + "...";
  }

  /**
   * Throws an {@link IllegalArgumentException} naming {@code argument} if {@code value} is null.
   */
  static void requireNonNull(Object value, String argument) {
    if (value == null) {
      throw new IllegalArgumentException(argument + " must not be null");
    }
  }
}
