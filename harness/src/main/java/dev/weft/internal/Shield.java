package dev.weft.internal;

/**
 * {@code shield}: a future that mirrors a task but whose cancellation does not reach it (semantics
 * §2.9).
 *
 * <p>Weft differs in one point: a failure of the inner task that nobody observed is reported even
 * when the mirror was cancelled (asyncio marks it retrieved).
 */
final class Shield {
  private Shield() {}

  static <T> FutureBase<T> of(Loop loop, FutureBase<T> inner) {
    if (inner.isDone()) {
      return inner;
    }
    // The mirror reports a failure nobody read, as asyncio logs it. Unlike asyncio, a failure of
    // the
    // inner task after the mirror was cancelled stays the inner task's to report: nothing vanishes.
    InternalFuture<T> outer = new InternalFuture<>(loop, "shield(" + inner.label() + ")", true);
    Runnable innerDone =
        () -> {
          if (outer.isCancelled()) {
            return;
          }
          if (inner.isCancelled()) {
            outer.requestCancel();
          } else {
            Throwable failure = inner.failureObserving();
            if (failure != null) {
              outer.setFailure(failure, inner.failureSource());
            } else {
              outer.setResult(inner.value());
            }
          }
        };
    inner.addDoneCallback(innerDone);
    outer.addDoneCallback(
        () -> {
          if (!inner.isDone()) {
            inner.removeDoneCallback(innerDone);
          }
        });
    return outer;
  }
}
