package dev.weft.internal;

/**
 * {@code shield}: a future that mirrors a task but whose cancellation does not reach it (spec 2.9).
 */
final class Shield {
  private Shield() {}

  static <T> FutureBase<T> of(Scheduler loop, FutureBase<T> inner) {
    if (inner.isDone()) {
      return inner;
    }
    PromiseImpl<T> outer = loop.internalFuture("shield(" + inner.label() + ")");
    Runnable innerDone =
        () -> {
          if (outer.isCancelled()) {
            inner.markFailureObserved();
          } else if (inner.isCancelled()) {
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
