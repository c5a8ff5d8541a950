package dev.weft.internal.search;

import java.util.Objects;

/**
 * One choice a run took at a choice point: which ready callback ran next, whether the running task
 * was switched out at an operation, or a value {@code Weft.choose} returned. A {@code
 * dev.weft.Schedule} is a list of these; a strategy makes them.
 *
 * <p>Internal: public only so that {@code dev.weft} and {@code dev.weft.explore} can use it.
 *
 * @param kind what was decided
 * @param value the value taken; 0 is the default (asyncio's order, no switch, 0 from choose)
 * @param options how many values were possible (candidates, 2, or the bound), or 0 when unknown (a
 *     parsed schedule); bookkeeping, not part of equality
 * @param task for a task choice, the name of the task that ran, or {@code null} (a callback, or
 *     unknown)
 */
public record Choice(Kind kind, int value, int options, String task) {
  /** What a choice decided. */
  public enum Kind {
    /** Which of the ready callbacks ran next: an index in asyncio's order, 0 being the default. */
    TASK,
    /** Whether the running task was switched out at an operation: 1 yes, 0 no (the default). */
    PREEMPT,
    /** A value {@code Weft.choose} returned, 0 being the default. */
    DATA,
    /**
     * A choice point of any kind left at its default (written {@code _}): only in schedules, which
     * write a recorded run's default choices this way; a run never records one.
     */
    DEFAULT
  }

  /**
   * Returns the same choice with another value; a task choice forgets its task name, since the name
   * belonged to the old value.
   *
   * @param newValue the value
   * @return the changed choice
   */
  public Choice withValue(int newValue) {
    return new Choice(kind, newValue, options, newValue == value ? task : null);
  }

  /**
   * Returns whether this choice departs from asyncio's order: a task other than the first ready, or
   * a switch. A data value is never a departure.
   *
   * @return whether it is a context switch asyncio would not make
   */
  public boolean departs() {
    return kind != Kind.DATA && value != 0;
  }

  /** Equal when kind, value and task agree; {@link #options} is bookkeeping, not identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Choice that
        && kind == that.kind
        && value == that.value
        && Objects.equals(task, that.task);
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
