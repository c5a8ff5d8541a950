package dev.weft;

import dev.weft.internal.LoopBinding;
import dev.weft.internal.Preconditions;
import dev.weft.internal.Waiter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A first-in, first-out queue for tasks of one Weft run; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-queue.html#asyncio.Queue">Queue</a>.
 *
 * <p>A queue with {@code maxsize} 0 is unbounded. {@link #put} waits only while the queue is full
 * and {@link #get} only while it is empty; {@link #putNowait} and {@link #getNowait} never wait and
 * throw {@link QueueFullException} or {@link QueueEmptyException} instead. Waiting tasks are woken
 * one per item or free slot, in the order they started waiting, but a woken task only checks the
 * queue again when it runs: a task that takes the item first (with {@code getNowait}, say) wins it,
 * and the woken one waits again at the back, exactly as in asyncio. A woken task that is cancelled
 * before it runs passes its wake-up on, so no item is stranded.
 *
 * <p>{@link #taskDone} and {@link #join} count puts, not gets: {@code join} returns when every item
 * ever put has been marked done. {@link #shutdown} ends the queue for good.
 *
 * <p>Give a queue a name: deadlock reports then say {@code P0 blocked in put on queue 'items'
 * (full, 2/2)}. An unnamed queue is called {@code queue #1}, {@code queue #2}, ... in the order
 * they joined the run: when created inside it, or else when first used.
 *
 * <p>Not to be confused with {@link java.util.Queue}: this one is for Weft tasks only, and its
 * {@code put} and {@code get} suspend the calling task instead of blocking a thread. Import it by
 * name ({@code import dev.weft.Queue;}) when {@code java.util.*} is imported too.
 *
 * <pre>{@code
 * Queue<String> items = new Queue<>("items", 2);
 * Task<Void> producer = Weft.spawn("producer", () -> { items.put("a"); items.put("b"); items.put("c"); });
 * String first = items.get();   // "a"; the producer waited for room after "b"
 * }</pre>
 *
 * <p>A queue created inside a run belongs to that run; one created outside belongs to the first run
 * that uses it, and may be filled with {@link #putNowait} before that. Operations that wait must be
 * called from a task of that run; the others from its tasks or callbacks. The read-only methods
 * ({@link #size}, {@link #snapshot}, ...) work anywhere, for example in assertions after the run.
 * Items must not be {@code null}: use a sentinel object for "no more items".
 *
 * @param <T> the item type
 * @see LifoQueue
 * @see PriorityQueue
 * @since 0.1
 */
public sealed class Queue<T> permits LifoQueue, PriorityQueue {
  private final int maxsize;

  /** The items, first to be taken first; {@link PriorityQueue} keeps its own. */
  final ArrayDeque<T> items = new ArrayDeque<>();

  final LoopBinding binding;
  private final Deque<Waiter> getters = new ArrayDeque<>();
  private final Deque<Waiter> putters = new ArrayDeque<>();
  private int unfinished;
  private final Event finished;
  private boolean shutDown;

  /** Creates an unbounded, unnamed queue. */
  public Queue() {
    this(null, 0);
  }

  /**
   * Creates an unnamed queue.
   *
   * @param maxsize how many items it holds before {@code put} waits; 0 for unbounded
   * @throws IllegalArgumentException if {@code maxsize} is negative
   */
  public Queue(int maxsize) {
    this(null, maxsize);
  }

  /**
   * Creates a named queue; reports call it {@code queue 'name'}.
   *
   * @param name the name, or {@code null} for an unnamed queue
   * @param maxsize how many items it holds before {@code put} waits; 0 for unbounded
   * @throws IllegalArgumentException if {@code maxsize} is negative or {@code name} is blank
   */
  public Queue(String name, int maxsize) {
    this(name, maxsize, "queue");
  }

  Queue(String name, int maxsize, String kind) {
    if (maxsize < 0) {
      throw new IllegalArgumentException(
          "maxsize must be 0 (unbounded) or more, but was " + maxsize);
    }
    this.maxsize = maxsize;
    this.binding = new LoopBinding(kind, name);
    this.finished = new Event(binding, true);
  }

  // ---------------------------------------------------------------- storage: the subclasses' order

  /** Rejects an item this queue cannot store, before any waiting. */
  void checkItem(T item) {}

  void store(T item) {
    items.addLast(item);
  }

  T take() {
    return items.removeFirst();
  }

  int count() {
    return items.size();
  }

  List<T> inGetOrder() {
    return new ArrayList<>(items);
  }

  void clearItems() {
    items.clear();
  }

  // ---------------------------------------------------------------- state

  /**
   * Returns the number of items in the queue.
   *
   * @return the number of items
   */
  public final int size() {
    binding.read();
    return count();
  }

  /**
   * Returns the capacity given at creation.
   *
   * @return the maximum number of items, 0 for unbounded
   */
  public final int maxsize() {
    return maxsize;
  }

  /**
   * Returns whether the queue holds no items.
   *
   * @return whether it is empty
   */
  public final boolean isEmpty() {
    binding.read();
    return count() == 0;
  }

  /**
   * Returns whether the queue holds {@code maxsize} items; never true for an unbounded queue.
   *
   * @return whether it is full
   */
  public final boolean isFull() {
    binding.read();
    return maxsize > 0 && count() >= maxsize;
  }

  /**
   * Returns whether {@link #shutdown} was called.
   *
   * @return whether the queue is shut down
   */
  public final boolean isShutDown() {
    binding.read();
    return shutDown;
  }

  /**
   * Returns how many items were put and not yet marked with {@link #taskDone}; {@link #join} waits
   * until this is 0.
   *
   * @return the number of unfinished items
   */
  public final int unfinished() {
    binding.read();
    return unfinished;
  }

  /**
   * Returns a copy of the items, in the order {@code get} would return them. Meant for assertions
   * and diagnostics, for example after the run: "what was left in the queue".
   *
   * @return the items, first to be taken first
   */
  public final List<T> snapshot() {
    binding.read();
    return inGetOrder();
  }

  // ---------------------------------------------------------------- operations

  /**
   * Puts an item, first waiting while the queue is full.
   *
   * @param item the item, not null
   * @throws QueueShutDownException if the queue is or becomes shut down
   * @throws CancelledException if the calling task is cancelled while it waits; the item is then
   *     not put
   * @throws IllegalArgumentException if {@code item} is null
   * @throws IllegalStateException if not called from a task of the run this queue belongs to
   */
  public final void put(T item) {
    Preconditions.requireNonNull(item, "item");
    putAs("put", "put", item);
  }

  /**
   * Puts as {@link #put} does, for a caller that names the operation its own way: {@code operation}
   * in messages, {@code shown} in the wait's description ({@code "put()"} for a {@code
   * BlockingQueue}).
   */
  final void putAs(String operation, String shown, T item) {
    binding.enterTask(operation);
    checkItem(item);
    while (isFull()) {
      if (shutDown) {
        throw shutDownFor(operation + "()");
      }
      Waiter putter = binding.newWaiter(operation);
      putters.addLast(putter);
      try {
        putter.await(binding.waitIn(operation, () -> shown + " on " + describe()));
      } catch (Throwable e) {
        putter.cancel();
        putters.remove(putter);
        if (!isFull() && !putter.isCancelled()) {
          wakeUpNext(putters); // it was woken, then cancelled: the free slot goes to the next one
        }
        throw e;
      }
    }
    offer(item, operation + "()");
  }

  /**
   * Puts an item without waiting.
   *
   * @param item the item, not null
   * @throws QueueFullException if the queue is full
   * @throws QueueShutDownException if the queue is shut down
   * @throws IllegalArgumentException if {@code item} is null
   * @throws IllegalStateException if not called from a task or callback of the run this queue
   *     belongs to
   */
  public final void putNowait(T item) {
    Preconditions.requireNonNull(item, "item");
    binding.enter("putNowait");
    checkItem(item);
    offer(item, "putNowait()");
  }

  /** asyncio's {@code put_nowait}; {@code operation} is what the user called, for messages. */
  private void offer(T item, String operation) {
    if (shutDown) {
      throw shutDownFor(operation);
    }
    if (isFull()) {
      throw new QueueFullException(
          operation
              + " on "
              + binding.label()
              + ": the queue is full ("
              + count()
              + "/"
              + maxsize
              + "). Use put() to wait for room.");
    }
    store(item);
    binding.trace("put", item);
    unfinished++;
    finished.clearNow();
    wakeUpNext(getters);
  }

  /**
   * Takes the next item, first waiting while the queue is empty.
   *
   * @return the item
   * @throws QueueShutDownException if the queue is shut down and empty
   * @throws CancelledException if the calling task is cancelled while it waits; no item is taken
   * @throws IllegalStateException if not called from a task of the run this queue belongs to
   */
  public final T get() {
    return getAs("get", "get");
  }

  /**
   * Takes as {@link #get} does, for a caller that names the operation its own way: {@code
   * operation} in messages, {@code shown} in the wait's description ({@code "take()"} for a {@code
   * BlockingQueue}).
   */
  final T getAs(String operation, String shown) {
    binding.enterTask(operation);
    while (isEmpty()) {
      if (shutDown) {
        throw shutDownFor(operation + "()");
      }
      Waiter getter = binding.newWaiter(operation);
      getters.addLast(getter);
      try {
        getter.await(binding.waitIn(operation, () -> shown + " on " + describe()));
      } catch (Throwable e) {
        getter.cancel();
        getters.remove(getter);
        if (!isEmpty() && !getter.isCancelled()) {
          wakeUpNext(getters); // it was woken, then cancelled: the item goes to the next one
        }
        throw e;
      }
    }
    return poll(operation + "()");
  }

  /**
   * Takes the next item without waiting.
   *
   * @return the item
   * @throws QueueEmptyException if the queue is empty (and not shut down)
   * @throws QueueShutDownException if the queue is empty and shut down
   * @throws IllegalStateException if not called from a task or callback of the run this queue
   *     belongs to
   */
  public final T getNowait() {
    binding.enter("getNowait");
    return poll("getNowait()");
  }

  /** asyncio's {@code get_nowait}; {@code operation} is what the user called, for messages. */
  private T poll(String operation) {
    if (isEmpty()) {
      if (shutDown) {
        throw shutDownFor(operation);
      }
      throw new QueueEmptyException(
          "getNowait() on "
              + binding.label()
              + ": the queue is empty. Use get() to wait for an item.");
    }
    T item = take();
    binding.trace("get", item);
    wakeUpNext(putters);
    return item;
  }

  /**
   * Takes the next item as part of another operation (a {@code BlockingQueue}'s {@code drainTo}):
   * no preemption point; the queue must not be empty.
   */
  final T getNow() {
    return poll("drainTo()");
  }

  /**
   * Puts an item without waiting as part of another operation (a {@code BlockingQueue}'s {@code
   * offer}): no preemption point; throws as {@link #putNowait} does, naming {@code operation}.
   */
  final void putNow(T item, String operation) {
    checkItem(item);
    offer(item, operation);
  }

  /**
   * Wakes a task waiting in {@code put} for each of {@code slots} that another operation (a {@code
   * BlockingQueue}'s {@code remove(Object)} or {@code clear}) freed by taking items out directly.
   */
  final void slotsFreedNow(int slots) {
    for (int i = 0; i < slots; i++) {
      wakeUpNext(putters);
    }
  }

  /**
   * Marks one item that was put as processed; when every put has been marked, {@link #join}
   * returns.
   *
   * @throws IllegalStateException if called more times than items were put
   */
  public final void taskDone() {
    binding.enter("taskDone");
    if (unfinished <= 0) {
      throw new IllegalStateException(
          "taskDone() on "
              + binding.label()
              + " was called more times than items were put: each taskDone() must match one put.");
    }
    unfinished--;
    if (unfinished == 0) {
      finished.setNow();
    }
  }

  /**
   * Waits until every item put so far has been marked with {@link #taskDone}; returns at once if
   * there is none.
   *
   * @throws CancelledException if the calling task is cancelled while it waits
   * @throws IllegalStateException if not called from a task of the run this queue belongs to
   */
  public final void join() {
    binding.enterTask("join");
    if (unfinished > 0) {
      finished.awaitFor(
          binding.waitIn(
              "join",
              () ->
                  "join on "
                      + binding.label()
                      + " ("
                      + unfinished
                      + (unfinished == 1 ? " put" : " puts")
                      + " not yet marked taskDone, "
                      + count()
                      + (count() == 1 ? " item" : " items")
                      + " in the queue)"));
    }
  }

  /**
   * Shuts the queue down, leaving its items: same as {@code shutdown(false)}.
   *
   * @throws IllegalStateException if not called from a task or callback of the run this queue
   *     belongs to
   */
  public final void shutdown() {
    shutdown(false);
  }

  /**
   * Shuts the queue down, as asyncio's <a
   * href="https://docs.python.org/3.13/library/asyncio-queue.html#asyncio.Queue.shutdown">Queue.shutdown</a>
   * (new in Python 3.13) does: every later put is refused with {@link QueueShutDownException}, and
   * so is every get once the queue is empty. Every task waiting in {@code put} or {@code get} is
   * woken: putters then fail, getters take an item if one is left and fail otherwise. Tasks waiting
   * in {@link #join} are not woken by this alone. With {@code immediate}, the items are dropped
   * too, each counting as marked done, so {@link #join} returns unless items already taken are
   * still unfinished. Calling it again is harmless.
   *
   * @param immediate whether to drop the items still in the queue
   * @throws IllegalStateException if not called from a task or callback of the run this queue
   *     belongs to
   */
  public final void shutdown(boolean immediate) {
    binding.enter("shutdown");
    shutDown = true;
    if (immediate) {
      int dropped = count();
      clearItems();
      unfinished = Math.max(0, unfinished - dropped);
      if (unfinished == 0) {
        finished.setNow();
      }
    }
    wakeUpAll(getters);
    wakeUpAll(putters);
  }

  // ---------------------------------------------------------------- waking

  /** Wakes the first waiter that is not done yet; asyncio's {@code _wakeup_next}. */
  private static void wakeUpNext(Deque<Waiter> waiters) {
    while (!waiters.isEmpty()) {
      if (waiters.removeFirst().wake()) {
        return;
      }
    }
  }

  private static void wakeUpAll(Deque<Waiter> waiters) {
    while (!waiters.isEmpty()) {
      waiters.removeFirst().wake();
    }
  }

  private QueueShutDownException shutDownFor(String operation) {
    return new QueueShutDownException(
        operation
            + " on "
            + binding.label()
            + ": the queue is shut down"
            + (isEmpty()
                ? ""
                : " ("
                    + count()
                    + (count() == 1 ? " item is" : " items are")
                    + " still there for get)")
            + ".");
  }

  /** Says the queue's state for reports: {@code queue 'items' (full, 2/2)}. */
  private String describe() {
    String state;
    if (maxsize > 0) {
      state = (isFull() ? "full, " : isEmpty() ? "empty, " : "") + count() + "/" + maxsize;
    } else {
      state = isEmpty() ? "empty" : count() + (count() == 1 ? " item" : " items");
    }
    return binding.label() + " (" + state + (shutDown ? ", shut down" : "") + ")";
  }

  /**
   * Describes the queue for debugging: name, items and capacity.
   *
   * @return for example {@code queue 'items' [A0, B0] (2/2)}
   */
  @Override
  public String toString() {
    return binding.label()
        + " "
        + inGetOrder()
        + (maxsize > 0 ? " (" + count() + "/" + maxsize + ")" : "")
        + (shutDown ? " shut down" : "");
  }
}
