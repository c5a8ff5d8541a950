package dev.weft.internal;

import dev.weft.TimerHandle;

/**
 * A scheduled callback: a {@code callSoon} entry in the ready queue or a timer in the timer heap.
 *
 * <p>Timers are ordered by (deadline, sequence number), so timers due at the same instant fire in
 * the order they were registered: on purpose, where asyncio leaves the order to its heap (semantics
 * §1.3, and "Where Weft differs on purpose").
 */
final class TimerHandleImpl implements TimerHandle, Runnable, Comparable<TimerHandleImpl> {
  private final Runnable callback;
  private final String description;
  final long deadline;
  final long sequence;
  private boolean cancelled;

  /** The number the run gave the handle: what a step that cancels or runs it touches. */
  long serial = -3;

  TimerHandleImpl(Runnable callback, String description, long deadline, long sequence) {
    this.callback = callback;
    this.description = description;
    this.deadline = deadline;
    this.sequence = sequence;
  }

  /** Returns what runs when the timer fires (a user's callback is wrapped to record failures). */
  Runnable callback() {
    return callback;
  }

  @Override
  public void cancel() {
    Loop active = RunningLoop.orNull();
    if (active != null) {
      active.touch(serial);
    }
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  /** Runs the callback unless the handle was cancelled. */
  @Override
  public void run() {
    if (!cancelled) {
      callback.run();
    }
  }

  String description() {
    return description;
  }

  @Override
  public int compareTo(TimerHandleImpl other) {
    int byDeadline = Long.compare(deadline, other.deadline);
    return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return description + (cancelled ? " (cancelled)" : "");
  }
}
