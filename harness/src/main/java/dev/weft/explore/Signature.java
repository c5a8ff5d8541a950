package dev.weft.explore;

import dev.weft.internal.search.TryRecord;
import java.util.List;

/**
 * How a run failed: its kind, the exception's type, and for a deadlock the set of blocked tasks.
 * The shrinker's "fails the same way" is the same kind and type ({@link #sameWay}), whichever task
 * the failure came from, so that in a symmetric bug (two tasks that each check, then act) the
 * minimum is found whichever task fails in it; distinct failures ({@link Explorer#everyFailure})
 * are told apart by all three.
 *
 * @param kind how the run failed
 * @param type the failure's class name
 * @param blocked for a deadlock, the blocked tasks in creation order; else empty
 */
record Signature(FailureKind kind, String type, List<String> blocked) {

  /** Returns how {@code record} failed, or {@code null} if it passed. */
  static Signature of(TryRecord record) {
    Throwable failure = record.failure();
    if (failure == null) {
      return null;
    }
    FailureKind kind = kindOf(record.end());
    // An unobserved failure is always a TaskFailedException: what tells two apart is the task's.
    Throwable typed =
        kind == FailureKind.UNOBSERVED_TASK_FAILURE && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return new Signature(
        kind,
        typed.getClass().getName(),
        kind == FailureKind.DEADLOCK ? record.blocked() : List.of());
  }

  static FailureKind kindOf(TryRecord.End end) {
    switch (end) {
      case DEADLOCK:
        return FailureKind.DEADLOCK;
      case UNOBSERVED_FAILURE:
        return FailureKind.UNOBSERVED_TASK_FAILURE;
      case LEFTOVER_TASKS:
        return FailureKind.LEFTOVER_TASKS;
      case STEP_LIMIT:
        return FailureKind.STEP_LIMIT;
      case BLOCKED_OUTSIDE_WEFT:
        return FailureKind.BLOCKED_OUTSIDE_WEFT;
      default:
        return FailureKind.EXCEPTION;
    }
  }

  /** Returns whether {@code other} fails the same way for the shrinker: same kind and type. */
  boolean sameWay(Signature other) {
    return other != null && kind == other.kind && type.equals(other.type);
  }

  @Override
  public String toString() {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return kind == FailureKind.DEADLOCK
        ? "deadlock of " + String.join(", ", blocked)
        : kind == FailureKind.EXCEPTION
            ? simple + " thrown by main"
            : kind == FailureKind.UNOBSERVED_TASK_FAILURE
                ? simple + " in a task, unobserved"
                : kind.description();
  }
}
