package dev.weft.explore;

import dev.weft.DeadlockException;
import dev.weft.internal.TryRecord;
import java.util.List;
import java.util.Objects;

/**
 * How a run failed, for deciding whether a smaller schedule "fails the same way": the exception's
 * type and the task it came from, or for a deadlock the set of blocked tasks.
 */
final class Signature {
  private final String type;
  private final String task;
  private final List<String> blocked;

  private Signature(String type, String task, List<String> blocked) {
    this.type = type;
    this.task = task;
    this.blocked = blocked;
  }

  static Signature of(TryRecord record) {
    if (record.failure == null) {
      return null;
    }
    boolean deadlock = record.failure instanceof DeadlockException;
    return new Signature(
        record.failure.getClass().getName(),
        deadlock ? null : record.failingTask,
        deadlock ? record.blocked : List.of());
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Signature)) {
      return false;
    }
    Signature that = (Signature) other;
    return type.equals(that.type)
        && Objects.equals(task, that.task)
        && blocked.equals(that.blocked);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, task, blocked);
  }

  @Override
  public String toString() {
    return blocked.isEmpty() ? type + " from " + task : "deadlock of " + String.join(", ", blocked);
  }
}
