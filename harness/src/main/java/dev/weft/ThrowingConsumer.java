package dev.weft;

/**
 * A body that takes one argument, returns nothing and may throw any exception; used by {@link
 * Weft#taskGroup(ThrowingConsumer)}.
 *
 * @param <T> the argument type
 * @since 0.1
 */
@FunctionalInterface
public interface ThrowingConsumer<T> {
  /**
   * Runs the body.
   *
   * @param value the argument
   * @throws Exception anything; it becomes the failure of the code that runs this body
   */
  void accept(T value) throws Exception;
}
