package dev.weft.explore;

import dev.weft.DeadlockException;
import dev.weft.internal.search.TryRecord;
import java.util.List;

/**
 * How a run failed, for deciding whether a smaller schedule "fails the same way": the exception's
 * type and the task it came from, or for a deadlock the set of blocked tasks.
 *
 * @param type the failure's class name
 * @param task the task it came from, or {@code null} for a deadlock
 * @param blocked for a deadlock, the blocked tasks in creation order; else empty
 */
record Signature(String type, String task, List<String> blocked) {

  /** Returns how {@code record} failed, or {@code null} if it passed. */
  static Signature of(TryRecord record) {
    Throwable failure = record.failure();
    if (failure == null) {
      return null;
    }
    boolean deadlock = failure instanceof DeadlockException;
    return new Signature(
        failure.getClass().getName(),
        deadlock ? null : record.failingTask(),
        deadlock ? record.blocked() : List.of());
  }

  @Override
  public String toString() {
    return blocked.isEmpty() ? type + " from " + task : "deadlock of " + String.join(", ", blocked);
  }
}
