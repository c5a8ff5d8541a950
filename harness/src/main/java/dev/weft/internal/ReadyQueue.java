package dev.weft.internal;

import java.util.Arrays;

/**
 * The ready queue: callbacks and task steps waiting to run, in the order they were scheduled
 * (semantics §1.1).
 *
 * <p>A ring buffer, because the scheduler takes from the head and appends at the tail on every
 * step; {@link #removeAt(int)} lets a strategy take a callback other than the head.
 */
final class ReadyQueue {
  private Runnable[] items = new Runnable[64];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void addLast(Runnable callback) {
    if (size == items.length) {
      grow();
    }
    items[(head + size) & (items.length - 1)] = callback;
    size++;
  }

  Runnable get(int index) {
    return items[(head + index) & (items.length - 1)];
  }

  /**
   * Removes and returns the callback at {@code index} (0 is the head), keeping the others in order.
   */
  Runnable removeAt(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
    int mask = items.length - 1;
    Runnable removed = items[(head + index) & mask];
    if (index == 0) {
      items[head] = null;
      head = (head + 1) & mask;
    } else {
      for (int i = index; i < size - 1; i++) {
        items[(head + i) & mask] = items[(head + i + 1) & mask];
      }
      items[(head + size - 1) & mask] = null;
    }
    size--;
    return removed;
  }

  private void grow() {
    Runnable[] bigger = new Runnable[items.length * 2];
    for (int i = 0; i < size; i++) {
      bigger[i] = get(i);
    }
    Arrays.fill(items, null);
    items = bigger;
    head = 0;
  }
}
