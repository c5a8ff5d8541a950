package dev.weft;

import java.util.Objects;

/**
 * How a task ended, as returned by {@link Weft#gatherSettled(java.util.Collection)}: a value or a
 * failure.
 *
 * <p>A cancelled task is a {@link Failure} holding a {@link CancelledException}. A checked
 * exception is held as is, not wrapped.
 *
 * <pre>{@code
 * for (Outcome<Integer> outcome : Weft.gatherSettled(tasks)) {
 *   if (outcome instanceof Outcome.Success<Integer> s) total += s.value();
 *   else errors.add(((Outcome.Failure<Integer>) outcome).exception());
 * }
 * }</pre>
 *
 * @param <T> the result type
 * @since 0.1
 */
public sealed interface Outcome<T> {

  /**
   * A task that returned a value.
   *
   * @param value the value; may be {@code null}
   * @param <T> the result type
   */
  record Success<T>(T value) implements Outcome<T> {}

  /**
   * A task that failed or was cancelled.
   *
   * @param exception the failure, never {@code null}
   * @param <T> the result type
   */
  record Failure<T>(Throwable exception) implements Outcome<T> {
    /**
     * Creates a failure.
     *
     * @param exception the failure, never {@code null}
     */
    public Failure {
      Objects.requireNonNull(exception, "exception");
    }
  }
}
