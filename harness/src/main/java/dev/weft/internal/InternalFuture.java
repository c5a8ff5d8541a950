package dev.weft.internal;

/**
 * A future that Weft completes itself: what a sleep, a wait, an {@code asCompleted} step or a
 * {@code waitFor} blocks on, and the mirror that {@code shield} returns. Unlike a {@link
 * PromiseImpl}, user code cannot complete it.
 *
 * @param <T> the result type
 */
final class InternalFuture<T> extends FutureBase<T> {
  private final String label;
  private final boolean reportsFailures;

  InternalFuture(Loop loop, String label, boolean reportsFailures) {
    super(loop, label);
    this.label = label;
    this.reportsFailures = reportsFailures;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  boolean reportsUnobservedFailure() {
    return reportsFailures;
  }

  /** Completes the future unless it is done (asyncio's {@code _set_result_unless_cancelled}). */
  void completeIfPending(T value) {
    if (!isDone()) {
      setResult(value);
    }
  }
}
