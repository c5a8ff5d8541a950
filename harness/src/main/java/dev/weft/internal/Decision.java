package dev.weft.internal;

import java.util.Objects;

/**
 * One choice a run took: which ready callback ran next, whether to switch at an operation, or a
 * value {@code Weft.choose} returned. A {@code dev.weft.Schedule} is a list of these.
 *
 * <p>Internal: public only so that {@code dev.weft} and {@code dev.weft.explore} can use it.
 */
public final class Decision {
  /** What a decision decided. */
  public enum Kind {
    /** Which of the ready callbacks ran next: an index in asyncio's order, 0 being the default. */
    TASK,
    /** Whether the running task was switched out at an operation: 1 yes, 0 no (the default). */
    PREEMPT,
    /** A value {@code Weft.choose} returned, 0 being the default. */
    DATA
  }

  /** What was decided. */
  public final Kind kind;

  /** The value taken; 0 is the default. */
  public final int value;

  /**
   * How many values were possible (candidates, 2, or the bound), or 0 when unknown (a parsed
   * schedule).
   */
  public final int options;

  /** For a task decision, the name of the task that ran, or {@code null} (a callback, unknown). */
  public final String task;

  /**
   * Creates a decision.
   *
   * @param kind what was decided
   * @param value the value taken
   * @param options how many values were possible, 0 if unknown
   * @param task the chosen task's name for a task decision, or {@code null}
   */
  public Decision(Kind kind, int value, int options, String task) {
    this.kind = kind;
    this.value = value;
    this.options = options;
    this.task = task;
  }

  /**
   * Returns the same decision with another value; a task decision forgets its task name, since the
   * name belonged to the old value.
   *
   * @param newValue the value
   * @return the changed decision
   */
  public Decision withValue(int newValue) {
    return new Decision(kind, newValue, options, newValue == value ? task : null);
  }

  /** Equal when kind, value and task agree; {@link #options} is bookkeeping, not identity. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Decision)) {
      return false;
    }
    Decision that = (Decision) other;
    return kind == that.kind && value == that.value && Objects.equals(task, that.task);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value, task);
  }

  @Override
  public String toString() {
    return kind + "=" + value + (task == null ? "" : ":" + task) + "/" + options;
  }
}
