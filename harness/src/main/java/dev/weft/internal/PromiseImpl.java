package dev.weft.internal;

import dev.weft.CancelledException;
import dev.weft.Promise;

/**
 * A future completed by hand: the user's {@link Promise}, and the internal futures that sleeps,
 * waits and shields block on.
 *
 * @param <T> the result type
 */
final class PromiseImpl<T> extends FutureBase<T> implements Promise<T> {
  PromiseImpl(Loop loop, String name) {
    super(loop, name);
  }

  @Override
  public String label() {
    return "Promise '" + name() + "'";
  }

  @Override
  boolean reportsUnobservedFailure() {
    return true;
  }

  @Override
  public void complete(T value) {
    RunningLoop.checkAccess(loop, this, "complete()");
    setResult(value);
  }

  @Override
  public void fail(Throwable error) {
    if (error == null) {
      throw new IllegalArgumentException(
          "error must not be null; call fail(someException) to fail " + label());
    }
    if (error instanceof CancelledException) {
      throw new IllegalArgumentException(
          "error must not be a CancelledException; call cancel() to cancel " + label());
    }
    RunningLoop.checkAccess(loop, this, "fail()");
    setFailure(error);
  }
}
