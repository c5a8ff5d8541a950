package dev.weft;

import dev.weft.internal.Preconditions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Weft-backed implementations of the JDK's blocking interfaces, {@link BlockingQueue}, {@link
 * java.util.concurrent.locks.Lock} (with its {@link java.util.concurrent.locks.Condition}s) and
 * {@link ReadWriteLock}, so that a class written for threads runs unchanged in a Weft run: its
 * waits become Weft waits, on the virtual clock, explored, traced and named in deadlock reports.
 *
 * <pre>{@code
 * // A class written for threads: it takes the JDK's interfaces.
 * BoundedBuffer<String> buffer = new BoundedBuffer<>(Jdk.lock("buffer"));
 * Weft.run(() -> {
 *   Weft.spawn("producer", () -> buffer.put("a"));
 *   return buffer.take();                  // "a"; waits in Weft, not on a thread
 * });
 * }</pre>
 *
 * <p><b>Why factories, and why here.</b> Weft's own primitives ({@link Queue}, {@link Lock}, ...)
 * are classes with asyncio's names, made with {@code new}. These are implementations of the JDK's
 * interfaces, so they are made by static factories that return the interface, as {@code Executors}
 * and {@code Collections} do, and they live together in one class whose name says what they stand
 * in for: type {@code Jdk.} and an IDE lists them all. Like the primitives (and unlike {@code
 * Weft.executor()} and {@code Weft.clock()}, which are views of the running loop), they may be made
 * anywhere, before a run too: each belongs to the run that first uses it. Give each a name, so that
 * reports say {@code take() on blocking queue 'jobs' (empty, 0/2)}; {@code null} leaves it unnamed
 * ({@code blocking queue #1}).
 *
 * <p><b>Only the interfaces.</b> Code that creates the JDK's concrete classes itself ({@code new
 * ArrayBlockingQueue<>(10)}, {@code new ReentrantLock()}, {@code new CountDownLatch(1)}) cannot be
 * moved onto the loop without instrumenting it: those classes park real threads, which Weft cannot
 * see, and the watchdog then reports a task blocked outside Weft. Let the class take the interface
 * (in its constructor, say), and hand it a {@code Jdk} implementation in the test.
 *
 * <p><b>Waiting.</b> Every method that blocks a thread in the JDK suspends the calling task here,
 * so it must be called from a task. Timed variants ({@code offer}/{@code poll} with a timeout,
 * {@code tryLock(time, unit)}, {@code await(time, unit)}, {@code awaitNanos}, {@code awaitUntil})
 * count virtual time, and a timeout of zero or less does not wait at all. {@code awaitUntil(Date)}
 * reads the deadline on the virtual clock ({@code Weft.clock()}: the epoch plus the run's virtual
 * time). Methods that change a queue or lock are each one preemption point, as Weft's primitives
 * are; reads ({@code size}, {@code peek}, {@code contains}, iteration) are not.
 *
 * <p><b>Interruption is cancellation.</b> A task on the loop has no thread of its own to interrupt;
 * it is stopped by cancelling it ({@link Task#cancel}, a timeout, a task group). A task cancelled
 * while it waits in any of these methods, interruptible or not, leaves it with a {@link
 * CancelledException}, never an {@link InterruptedException}: the cancellation must reach Weft's
 * timeouts and task groups, and code that catches {@code InterruptedException} to restore the
 * interrupt flag would otherwise swallow it. Whatever it waited for is not taken (no item, no
 * lock), and a condition's {@code await} takes its lock back first, as the JDK does. The methods
 * that declare {@code InterruptedException} still throw it when called with the thread's interrupt
 * flag set (by the task's own code), clearing the flag, as the JDK's contracts say.
 *
 * <p><b>Where these differ from the JDK's classes.</b> All of them are fair, first come first
 * served, as Weft's primitives are: a lock goes to the task that has waited longest, and a queue
 * wakes the task that has waited longest for an item or free slot (though, as asyncio's queue, it
 * does not keep it for that task: see {@link #blockingQueue(String, int)}). {@code tryLock()}
 * therefore never barges: it fails while a waiter was woken to take the lock but has not run yet
 * ({@code ReentrantLock}'s non-fair {@code tryLock()} would take it; its {@code tryLock(0, unit)}
 * would not). A thread is a task: the owner of a lock is the task that locked it, and a callback
 * ({@code Weft.callSoon}) owns nothing. See each factory for the rest.
 *
 * @since 0.1
 */
public final class Jdk {
  private Jdk() {}

  /**
   * Returns an unbounded {@link BlockingQueue}, as a {@code LinkedBlockingQueue} with no capacity
   * is: {@code put} never waits, and {@code remainingCapacity()} is {@code Integer.MAX_VALUE}.
   *
   * @param name the name reports use ({@code blocking queue 'jobs'}), or {@code null}
   * @param <T> the item type
   * @return a new, empty queue
   * @throws IllegalArgumentException if {@code name} is blank
   * @see #blockingQueue(String, int)
   */
  public static <T> BlockingQueue<T> blockingQueue(String name) {
    return new JdkBlockingQueue<>(name, Integer.MAX_VALUE);
  }

  /**
   * Returns a bounded, first-in first-out {@link BlockingQueue}: the shape of an {@code
   * ArrayBlockingQueue(capacity, true)}, whose waits are a Weft {@link Queue}'s.
   *
   * <p>{@code put} and {@code take} wait in Weft ({@code P0 blocked in put() on blocking queue
   * 'jobs' (full, 2/2)}); the timed {@code offer} and {@code poll} wait at most their timeout of
   * virtual time; the others never wait. Waiting tasks are served in the order they started
   * waiting, and a task woken for an item or slot that is cancelled before it runs passes it on.
   * Unlike a fair {@code ArrayBlockingQueue}'s, the item or slot is not kept for the woken task: a
   * task that runs first and does not wait ({@code offer}, {@code poll}, or a {@code put} or {@code
   * take} that finds room or an item) may take it, and the woken task then waits again, at the
   * back, as with Weft's {@link Queue} and asyncio's. Nulls are refused with a {@link
   * NullPointerException}, as the interface says. The iterator is weakly consistent, as the JDK's
   * are: it shows the items as they were when it was made. {@code equals} is identity, and {@code
   * toString} lists the items, as for the JDK's queues.
   *
   * <pre>{@code
   * BlockingQueue<String> jobs = Jdk.blockingQueue("jobs", 2);
   * Weft.run(() -> {
   *   Weft.spawn("producer", () -> { for (String j : List.of("a", "b", "c")) jobs.put(j); });
   *   jobs.poll(1, TimeUnit.MINUTES);   // "a", at virtual time 0
   *   jobs.take();                      // "b"
   *   jobs.take();                      // "c"
   *   jobs.poll(1, TimeUnit.MINUTES);   // null, at virtual time 60s
   * });
   * }</pre>
   *
   * @param name the name reports use ({@code blocking queue 'jobs'}), or {@code null}
   * @param capacity how many items it holds before {@code put} waits: 1 or more ({@code
   *     Integer.MAX_VALUE} means unbounded)
   * @param <T> the item type
   * @return a new, empty queue
   * @throws IllegalArgumentException if {@code capacity} is less than 1, or {@code name} is blank
   */
  public static <T> BlockingQueue<T> blockingQueue(String name, int capacity) {
    Preconditions.requireAtLeast(capacity, 1, "capacity");
    return new JdkBlockingQueue<>(name, capacity);
  }

  /**
   * Returns a {@link java.util.concurrent.locks.Lock} with {@code ReentrantLock}'s rules, whose
   * waits are a Weft {@link Lock}'s.
   *
   * <p>The task that locks it owns it; it may lock it again (a hold count, as {@code
   * ReentrantLock}), and must unlock it as many times. {@code unlock()} by a task that does not own
   * it throws {@link IllegalMonitorStateException}, naming both. Waiters get the lock in the order
   * they asked (a fair {@code ReentrantLock}). {@code newCondition()} returns a condition with
   * {@code ReentrantLock}'s rules: only the owner may await or signal it (else {@link
   * IllegalMonitorStateException}); {@code await} releases every hold and restores them; waiters
   * are signalled in the order they started waiting; a signalled waiter takes the lock back before
   * {@code await} returns, and that wait is not timed: a timed {@code await} signalled in time
   * returns true, however long the lock takes to come back. A waiter that times out or is cancelled
   * wakes the next waiter, in case it had been signalled, so no signal is lost; that may wake a
   * waiter spuriously, which the interface allows (always await in a {@code while} loop). Reports
   * call the conditions {@code condition 1 of lock 'buffer'}, {@code condition 2 ...}, in the order
   * they were made.
   *
   * <pre>{@code
   * java.util.concurrent.locks.Lock lock = Jdk.lock("account");
   * lock.lock();
   * try {
   *   balance += amount;
   * } finally {
   *   lock.unlock();
   * }
   * }</pre>
   *
   * @param name the name reports use ({@code lock 'account'}), or {@code null}
   * @return a new lock, not held
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static java.util.concurrent.locks.Lock lock(String name) {
    return new JdkLock(name);
  }

  /**
   * Returns a {@link ReadWriteLock} with the rules of a fair {@code ReentrantReadWriteLock}, whose
   * waits are Weft waits.
   *
   * <p>Many tasks may hold the read lock at once; the write lock excludes everyone else. Requests
   * are served in the order they were made, a run of waiting readers together, so a waiting writer
   * holds back later readers. Both locks are reentrant; a task that holds a read lock may read-lock
   * again even while a writer waits; the write lock's holder may take the read lock too
   * (downgrading). A task that holds only a read lock and asks for the write lock waits forever, as
   * with {@code ReentrantReadWriteLock}: Weft reports it as a deadlock that says so ({@code
   * writeLock().lock() on read-write lock 'cache' (read-locked by W; W holds a read lock itself,
   * and a read lock cannot be upgraded ...)}). Unlocking a lock the task does not hold throws
   * {@link IllegalMonitorStateException}. The write lock's {@code newCondition()} returns a
   * condition with the rules of {@link #lock(String)}'s, for the writer ({@code await} releases the
   * write holds, and the writer's own read holds if it read-locked too, as {@code
   * ReentrantReadWriteLock}'s does, and takes them back before it returns); reports call it {@code
   * condition 1 of read-write lock 'cache''s write lock}. The read lock has none ({@link
   * UnsupportedOperationException}), as in the JDK.
   *
   * @param name the name reports use ({@code read-write lock 'cache'}), or {@code null}
   * @return a new lock, not held
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static ReadWriteLock readWriteLock(String name) {
    return new JdkReadWriteLock(name);
  }
}
