package dev.weft.internal;

import dev.weft.CancelledException;
import dev.weft.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The future behind {@code gather} and {@code gatherSettled}: asyncio's {@code _GatheringFuture}
 * (semantics §2.4).
 *
 * <p>It completes with the children's results in argument order once all are done; without {@code
 * settled}, the first child to fail (or be cancelled) completes it at once with that failure while
 * the others keep running. Cancelling it cancels the children; it then completes when they have
 * reacted, with a cancellation.
 */
final class Gather extends FutureBase<List<Object>> {
  private final List<FutureBase<?>> children;
  private final boolean settled;
  private final int distinct;
  private int finished;
  private boolean cancelRequested;

  private Gather(Loop loop, List<FutureBase<?>> children, boolean settled, int distinct) {
    super(loop, "gather");
    this.children = children;
    this.settled = settled;
    this.distinct = distinct;
  }

  /**
   * Starts gathering. Children that are already done are taken into account before this returns, so
   * gathering children that are all done completes at once, without a suspension (semantics §1.2).
   */
  static Gather start(Loop loop, List<FutureBase<?>> children, boolean settled) {
    LinkedHashSet<FutureBase<?>> unique = new LinkedHashSet<>(children);
    Gather gather = new Gather(loop, children, settled, unique.size());
    List<FutureBase<?>> doneAlready = new ArrayList<>();
    for (FutureBase<?> child : unique) {
      if (child.isDone()) {
        doneAlready.add(child);
      } else {
        child.addDoneCallback(new OwnCallback(gather, () -> gather.childDone(child)));
      }
    }
    for (FutureBase<?> child : doneAlready) {
      gather.childDone(child);
    }
    return gather;
  }

  @Override
  public String label() {
    return (settled ? "gatherSettled(" : "gather(") + WaitReason.list(children) + ")";
  }

  @Override
  boolean reportsUnobservedFailure() {
    return false;
  }

  WaitReason reason() {
    return WaitReason.of(
        settled ? "gatherSettled" : "gather",
        null,
        children,
        () -> label() + WaitReason.firstPending(children));
  }

  private void childDone(FutureBase<?> child) {
    touch();
    finished++;
    if (isDone()) {
      child.markFailureObserved();
      return;
    }
    if (!settled) {
      if (child.isCancelled()) {
        setFailure(new CancelledException(child.label() + " was cancelled"), child.label());
        return;
      }
      Throwable failure = child.failureObserving();
      if (failure != null) {
        setFailure(failure, child.failureSource());
        return;
      }
    }
    if (finished == distinct) {
      List<Object> results = new ArrayList<>(children.size());
      for (FutureBase<?> each : children) {
        results.add(settled ? outcomeOf(each) : each.value());
      }
      if (cancelRequested) {
        setFailure(new CancelledException(label() + " was cancelled"), label());
      } else {
        setResult(Collections.unmodifiableList(results));
      }
    }
  }

  private static Outcome<Object> outcomeOf(FutureBase<?> child) {
    if (child.isCancelled()) {
      return new Outcome.Failure<>(new CancelledException(child.label() + " was cancelled"));
    }
    Throwable failure = child.failureObserving();
    return failure != null ? new Outcome.Failure<>(failure) : new Outcome.Success<>(child.value());
  }

  /**
   * Cancels every child that is not done; the gather itself completes when they have reacted
   * (semantics §2.4).
   */
  @Override
  boolean requestCancel() {
    if (isDone()) {
      return false;
    }
    boolean accepted = false;
    for (FutureBase<?> child : children) {
      if (child.requestCancel()) {
        accepted = true;
      }
    }
    if (accepted) {
      cancelRequested = true;
    }
    return accepted;
  }
}
