package dev.weft;

/** Argument checks shared by the facade and the primitives. */
final class Arguments {
  private Arguments() {}

  /**
   * Throws an {@link IllegalArgumentException} naming {@code argument} if {@code value} is null.
   */
  static void requireNonNull(Object value, String argument) {
    if (value == null) {
      throw new IllegalArgumentException(argument + " must not be null");
    }
  }
}
