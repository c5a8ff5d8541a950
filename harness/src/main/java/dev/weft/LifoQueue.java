package dev.weft;

/**
 * A last-in, first-out queue; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-queue.html#asyncio.LifoQueue">LifoQueue</a>.
 * Everything but the order is as in {@link Queue}: {@link #get} returns the item put most recently.
 *
 * @param <T> the item type
 * @since 0.1
 */
public final class LifoQueue<T> extends Queue<T> {
  /** Creates an unbounded, unnamed LIFO queue. */
  public LifoQueue() {
    this(null, 0);
  }

  /**
   * Creates an unnamed LIFO queue.
   *
   * @param maxsize how many items it holds before {@code put} waits; 0 for unbounded
   * @throws IllegalArgumentException if {@code maxsize} is negative
   */
  public LifoQueue(int maxsize) {
    this(null, maxsize);
  }

  /**
   * Creates a named LIFO queue; reports call it {@code LIFO queue 'name'}.
   *
   * @param name the name, or {@code null} for an unnamed queue
   * @param maxsize how many items it holds before {@code put} waits; 0 for unbounded
   * @throws IllegalArgumentException if {@code maxsize} is negative or {@code name} is blank
   */
  public LifoQueue(String name, int maxsize) {
    super(name, maxsize, "LIFO queue");
  }

  /** The newest item goes to the front, where {@code get} takes from. */
  @Override
  void store(T item) {
    items.addFirst(item);
  }
}
