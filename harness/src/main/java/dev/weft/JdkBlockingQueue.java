package dev.weft;

import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BlockingQueue} whose waits are Weft waits: a FIFO {@link Queue} behind the JDK's
 * interface. See {@link Jdk#blockingQueue(String, int)}.
 */
final class JdkBlockingQueue<T> extends AbstractQueue<T> implements BlockingQueue<T> {
  private final Queue<T> queue;
  private final int capacity;

  JdkBlockingQueue(String name, int capacity) {
    this.capacity = capacity;
    this.queue = new Queue<>(name, capacity == Integer.MAX_VALUE ? 0 : capacity, "blocking queue");
  }

  private String label() {
    return queue.binding.label();
  }

  private T requireItem(T item, String operation) {
    if (item == null) {
      throw new NullPointerException(
          operation + " on " + label() + ": the item is null, and a BlockingQueue holds no nulls");
    }
    return item;
  }

  // ---------------------------------------------------------------- adding

  @Override
  public void put(T item) throws InterruptedException {
    requireItem(item, "put()");
    JdkWaits.checkInterrupt("put()", label());
    queue.putAs("put", "put()", item);
  }

  @Override
  public boolean offer(T item) {
    requireItem(item, "offer()");
    queue.binding.enter("offer");
    if (queue.isFull()) {
      return false;
    }
    queue.putNow(item, "offer()");
    return true;
  }

  @Override
  public boolean add(T item) {
    requireItem(item, "add()");
    if (!offer(item)) {
      throw new IllegalStateException(
          "add() on "
              + label()
              + ": the queue is full ("
              + queue.size()
              + "/"
              + capacity
              + "). Use put() to wait for room, or offer() to get false instead.");
    }
    return true;
  }

  @Override
  public boolean offer(T item, long timeout, TimeUnit unit) throws InterruptedException {
    requireItem(item, "offer()");
    long nanos = JdkWaits.nanos(timeout, unit);
    JdkWaits.checkInterrupt("offer()", label());
    if (nanos <= 0) {
      return offer(item);
    }
    String shown = JdkWaits.timed("offer", nanos);
    return JdkWaits.within(
        nanos,
        () -> {
          queue.putAs("offer", shown, item);
          return true;
        },
        false);
  }

  // ---------------------------------------------------------------- taking

  @Override
  public T take() throws InterruptedException {
    JdkWaits.checkInterrupt("take()", label());
    return queue.getAs("take", "take()");
  }

  @Override
  public T poll() {
    queue.binding.enter("poll");
    return queue.isEmpty() ? null : queue.getNow();
  }

  @Override
  public T poll(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = JdkWaits.nanos(timeout, unit);
    JdkWaits.checkInterrupt("poll()", label());
    if (nanos <= 0) {
      return poll();
    }
    String shown = JdkWaits.timed("poll", nanos);
    return JdkWaits.within(nanos, () -> queue.getAs("poll", shown), null);
  }

  @Override
  public T peek() {
    queue.binding.read();
    return queue.isEmpty() ? null : queue.items.peekFirst();
  }

  @Override
  public int drainTo(Collection<? super T> target) {
    return drainTo(target, Integer.MAX_VALUE);
  }

  @Override
  public int drainTo(Collection<? super T> target, int maxElements) {
    Objects.requireNonNull(target, "drainTo(): the target collection must not be null");
    if (target == this) {
      throw new IllegalArgumentException(
          "drainTo() on " + label() + ": the target collection is this queue itself");
    }
    queue.binding.enter("drainTo");
    int n = Math.min(Math.max(maxElements, 0), queue.size());
    for (int i = 0; i < n; i++) {
      target.add(queue.getNow());
    }
    return n;
  }

  // ---------------------------------------------------------------- removing others, reading

  @Override
  public boolean remove(Object item) {
    if (item == null) {
      return false;
    }
    queue.binding.enter("remove");
    if (!queue.items.removeFirstOccurrence(item)) {
      return false;
    }
    queue.binding.trace("remove", item);
    queue.slotsFreedNow(1);
    return true;
  }

  @Override
  public void clear() {
    queue.binding.enter("clear");
    int n = queue.size();
    queue.items.clear();
    queue.slotsFreedNow(n);
  }

  @Override
  public boolean contains(Object item) {
    queue.binding.read();
    return item != null && queue.items.contains(item);
  }

  @Override
  public int size() {
    return queue.size();
  }

  @Override
  public int remainingCapacity() {
    return capacity == Integer.MAX_VALUE ? Integer.MAX_VALUE : capacity - queue.size();
  }

  /**
   * Returns an iterator over the items as they are now, first to be taken first; like the JDK's, it
   * is weakly consistent: it never throws {@code ConcurrentModificationException}, and its {@code
   * remove} removes that very item if it is still in the queue.
   */
  @Override
  public Iterator<T> iterator() {
    queue.binding.read();
    List<T> snapshot = new ArrayList<>(queue.items);
    return new Iterator<T>() {
      private int next;
      private T last;

      @Override
      public boolean hasNext() {
        return next < snapshot.size();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        last = snapshot.get(next++);
        return last;
      }

      @Override
      public void remove() {
        if (last == null) {
          throw new IllegalStateException("remove() before next(), or twice for one item");
        }
        queue.binding.enter("remove");
        for (Iterator<T> it = queue.items.iterator(); it.hasNext(); ) {
          if (it.next() == last) {
            it.remove();
            queue.binding.trace("remove", last);
            queue.slotsFreedNow(1);
            break;
          }
        }
        last = null;
      }
    };
  }
}
