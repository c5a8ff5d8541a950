package dev.weft.internal;

import java.util.PriorityQueue;

/** The timer heap of one loop, ordered by (deadline, registration sequence) (semantics §1.3). */
final class Timers {
  /** Returned by {@link #nextDeadline()} when no live timer exists. */
  static final long NONE = Long.MIN_VALUE;

  private final PriorityQueue<TimerHandleImpl> heap = new PriorityQueue<>();
  private long sequence;

  TimerHandleImpl schedule(long deadline, Runnable callback, String description) {
    TimerHandleImpl timer = new TimerHandleImpl(callback, description, deadline, sequence++);
    heap.add(timer);
    return timer;
  }

  /**
   * Returns the earliest deadline of a timer that was not cancelled, or {@link #NONE}. Cancelled
   * timers at the head are dropped, so they never make the clock jump.
   */
  long nextDeadline() {
    dropCancelledHead();
    TimerHandleImpl head = heap.peek();
    return head == null ? NONE : head.deadline;
  }

  /**
   * Moves every live timer due at {@code now} to the tail of the ready queue, in (deadline,
   * sequence) order.
   */
  void moveDue(long now, ReadyQueue ready) {
    for (dropCancelledHead(); !heap.isEmpty() && heap.peek().deadline <= now; dropCancelledHead()) {
      ready.addLast(heap.poll());
    }
  }

  private void dropCancelledHead() {
    while (!heap.isEmpty() && heap.peek().isCancelled()) {
      heap.poll();
    }
  }
}
