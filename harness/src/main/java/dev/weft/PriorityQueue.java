package dev.weft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A queue that returns its smallest item first; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-queue.html#asyncio.PriorityQueue">PriorityQueue</a>.
 * Everything but the order is as in {@link Queue}.
 *
 * <p>Items are ordered by the comparator given at creation, or by their natural order. Items that
 * compare equal come out in the order they were put. (asyncio's heap leaves that order to the heap
 * layout and asks for a tiebreaker field; Weft makes it first-in, first-out, which is just as
 * deterministic and needs no tiebreaker. This is a deliberate difference from asyncio.) Import it
 * by name ({@code import dev.weft.PriorityQueue;}) when {@code java.util.*} is imported too.
 *
 * @param <T> the item type
 * @since 0.1
 */
public final class PriorityQueue<T> extends Queue<T> {
  private final Comparator<? super T> order;
  private final java.util.PriorityQueue<Entry<T>> heap;
  private long puts;

  private static final class Entry<T> {
    final T item;
    final long seq;

    Entry(T item, long seq) {
      this.item = item;
      this.seq = seq;
    }
  }

  /** Creates an unbounded, unnamed priority queue of {@link Comparable} items, smallest first. */
  public PriorityQueue() {
    this(null, 0, null);
  }

  /**
   * Creates an unnamed priority queue of {@link Comparable} items, smallest first.
   *
   * @param maxsize how many items it holds before {@code put} waits; 0 for unbounded
   * @throws IllegalArgumentException if {@code maxsize} is negative
   */
  public PriorityQueue(int maxsize) {
    this(null, maxsize, null);
  }

  /**
   * Creates a named priority queue of {@link Comparable} items, smallest first.
   *
   * @param name the name, or {@code null} for an unnamed queue
   * @param maxsize how many items it holds before {@code put} waits; 0 for unbounded
   * @throws IllegalArgumentException if {@code maxsize} is negative or {@code name} is blank
   */
  public PriorityQueue(String name, int maxsize) {
    this(name, maxsize, null);
  }

  /**
   * Creates a named priority queue ordered by {@code comparator}, smallest first.
   *
   * @param name the name, or {@code null} for an unnamed queue
   * @param maxsize how many items it holds before {@code put} waits; 0 for unbounded
   * @param comparator the order, or {@code null} for the items' natural order
   * @throws IllegalArgumentException if {@code maxsize} is negative or {@code name} is blank
   */
  public PriorityQueue(String name, int maxsize, Comparator<? super T> comparator) {
    super(name, maxsize, "priority queue");
    this.order = comparator;
    this.heap = new java.util.PriorityQueue<>(this::compare);
  }

  @SuppressWarnings("unchecked")
  private int compare(Entry<T> a, Entry<T> b) {
    int byItem =
        order != null
            ? order.compare(a.item, b.item)
            : ((Comparable<? super T>) a.item).compareTo(b.item);
    return byItem != 0 ? byItem : Long.compare(a.seq, b.seq);
  }

  @Override
  void checkItem(T item) {
    if (order == null && !(item instanceof Comparable)) {
      throw new IllegalArgumentException(
          binding.label()
              + " has no comparator, so its items must be Comparable, but got a "
              + item.getClass().getName()
              + ". Pass a Comparator to the constructor.");
    }
  }

  @Override
  void store(T item) {
    heap.add(new Entry<>(item, puts++));
  }

  @Override
  T take() {
    return heap.remove().item;
  }

  @Override
  int count() {
    return heap.size();
  }

  @Override
  List<T> inGetOrder() {
    List<Entry<T>> entries = new ArrayList<>(heap);
    entries.sort(this::compare);
    List<T> items = new ArrayList<>(entries.size());
    for (Entry<T> entry : entries) {
      items.add(entry.item);
    }
    return items;
  }

  @Override
  void clearItems() {
    heap.clear();
  }
}
