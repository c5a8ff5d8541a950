package dev.weft;

import dev.weft.internal.LoopBinding;
import dev.weft.internal.Preconditions;
import dev.weft.internal.Waiter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A condition variable for tasks: a {@link Lock} plus a list of tasks waiting to be signalled;
 * asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-sync.html#asyncio.Condition">Condition</a>.
 *
 * <p>{@link #await} must be called with the lock held: it releases the lock, waits for a {@link
 * #signal}, then takes the lock again before it returns, even when the task is cancelled (the
 * {@link CancelledException} is thrown once the lock is back). Signalled tasks still queue for the
 * lock, so they go on one per release. A signalled task that fails or is cancelled before it
 * returns passes the signal to another waiter, so no wake-up is lost (it may cause a spurious
 * wake-up instead, which {@link #awaitUntil} absorbs).
 *
 * <pre>{@code
 * Condition changed = new Condition("changed");
 * changed.acquire();
 * try {
 *   Item item = changed.awaitUntil(() -> buffer.poll());   // null means "not yet"
 *   use(item);
 * } finally {
 *   changed.release();
 * }
 * }</pre>
 *
 * <p>A condition may be created anywhere; it belongs to the run that first uses it.
 *
 * @since 0.1
 */
public final class Condition {
  private final LoopBinding binding;
  private final Lock lock;

  /** Whether the lock was made for this condition (and shares its name) rather than passed in. */
  private final boolean ownLock;

  private final Deque<Waiter> waiters = new ArrayDeque<>();

  /** Creates an unnamed condition with a new lock of its own. */
  public Condition() {
    this((String) null);
  }

  /**
   * Creates an unnamed condition on {@code lock}, which other conditions may share.
   *
   * @param lock the lock
   * @throws IllegalArgumentException if {@code lock} is null
   */
  public Condition(Lock lock) {
    this((String) null, lock);
  }

  /**
   * Creates a named condition with a new lock of its own; reports call it {@code condition 'name'}.
   *
   * @param name the name, or {@code null} for an unnamed condition
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public Condition(String name) {
    this(new LoopBinding("condition", name), null, true);
  }

  /**
   * Creates a named condition on {@code lock}, which other conditions may share.
   *
   * @param name the name, or {@code null} for an unnamed condition
   * @param lock the lock
   * @throws IllegalArgumentException if {@code lock} is null or {@code name} is blank
   */
  public Condition(String name, Lock lock) {
    this(new LoopBinding("condition", name), requireLock(lock), false);
  }

  /** A condition that is part of another primitive (a barrier) and shares its binding and lock. */
  Condition(LoopBinding binding, Lock lock) {
    this(binding, lock, true);
  }

  private Condition(LoopBinding binding, Lock lock, boolean ownLock) {
    this.binding = binding;
    this.lock = lock != null ? lock : new Lock(binding);
    this.ownLock = ownLock;
  }

  private static Lock requireLock(Lock lock) {
    Preconditions.requireNonNull(lock, "lock");
    return lock;
  }

  /**
   * Acquires the condition's lock; see {@link Lock#acquire()}.
   *
   * @throws CancelledException if the calling task is cancelled while it waits
   * @throws IllegalStateException if not called from a task of the run this condition belongs to
   */
  public void acquire() {
    lock.acquire();
  }

  /**
   * Releases the condition's lock; see {@link Lock#release()}.
   *
   * @throws IllegalStateException if the lock is not held
   */
  public void release() {
    lock.release();
  }

  /**
   * Returns whether the condition's lock is held.
   *
   * @return whether the lock is held
   */
  public boolean isLocked() {
    return lock.isLocked();
  }

  /**
   * Releases the lock, waits to be signalled, and takes the lock again. The lock is held again when
   * this returns or throws.
   *
   * @throws CancelledException if the calling task is cancelled while it waits; thrown after the
   *     lock is taken again
   * @throws IllegalStateException if the lock is not held, or if not called from a task of the run
   *     this condition belongs to
   */
  public void await() {
    Task<?> task = binding.enterTask("await");
    requireLocked("await");
    awaitFor(
        task,
        binding.waitIn("await", () -> "await on " + binding.label() + " (not signalled)"),
        binding.waitIn(
            "await", () -> "await on " + binding.label() + " (" + relocking(task) + ")"));
  }

  /**
   * Waits as {@link #await()}; {@code reason} describes the wait for a signal in reports, {@code
   * relocking} the wait to take the lock back.
   */
  void awaitFor(Task<?> task, Supplier<RunEvent.Wait> reason, Supplier<RunEvent.Wait> relocking) {
    awaitSignal(
        task,
        waiter -> {
          waiter.await(reason);
          return true;
        },
        relocking);
  }

  /**
   * Waits as {@link #awaitFor(Task, Supplier, Supplier)} does, but for a signal for at most {@code
   * nanos} (positive) of virtual time; taking the lock back is not timed, as with the JDK's
   * conditions. Returns whether the task was signalled in time.
   */
  boolean awaitFor(
      Task<?> task, long nanos, Supplier<RunEvent.Wait> reason, Supplier<RunEvent.Wait> relocking) {
    boolean signalled =
        awaitSignal(
            task,
            waiter ->
                JdkWaits.within(
                    nanos,
                    () -> {
                      waiter.await(reason);
                      return true;
                    },
                    false),
            relocking);
    if (!signalled) {
      signalWaiters(1); // it may have been signalled as its time ran out: pass the signal on
    }
    return signalled;
  }

  /**
   * Releases the lock, waits in {@code wait} (which returns whether a signal came), and takes the
   * lock back, even if the task is cancelled meanwhile.
   */
  private boolean awaitSignal(
      Task<?> task, Predicate<Waiter> wait, Supplier<RunEvent.Wait> relocking) {
    lock.releaseNow();
    try {
      try {
        Waiter waiter = binding.newWaiter("await");
        waiters.addLast(waiter);
        try {
          return wait.test(waiter);
        } finally {
          waiters.remove(waiter);
        }
      } finally {
        reacquire(task, relocking);
      }
    } catch (Throwable e) {
      // This task may have been signalled before it failed: hand the signal to another waiter.
      // At worst that is a spurious wake-up, which condition variables allow.
      signalWaiters(1);
      throw e;
    }
  }

  /**
   * Takes the lock back even if the task is cancelled meanwhile, then throws the last cancellation.
   */
  private void reacquire(Task<?> task, Supplier<RunEvent.Wait> reason) {
    CancelledException cancelled = null;
    while (true) {
      try {
        lock.acquireFor(task, reason);
        break;
      } catch (CancelledException e) {
        cancelled = e;
      }
    }
    if (cancelled != null) {
      throw cancelled;
    }
  }

  /**
   * Waits, as {@link #await()} does, until {@code predicate} is satisfied, and returns its value.
   * The predicate is checked first (without waiting if it already holds) and again after every
   * wake-up, with the lock held. A value satisfies it when it is not {@code null}, not {@code
   * Boolean.FALSE} and not an empty {@link Optional}.
   *
   * @param predicate what to wait for
   * @param <T> the predicate's value type
   * @return the predicate's first satisfying value
   * @throws CancelledException if the calling task is cancelled while it waits
   * @throws IllegalStateException if the lock is not held when the task has to wait
   * @throws IllegalArgumentException if {@code predicate} is null
   */
  public <T> T awaitUntil(Supplier<T> predicate) {
    Preconditions.requireNonNull(predicate, "predicate");
    Task<?> task = binding.enterTask("awaitUntil");
    return awaitUntilFor(
        task,
        predicate,
        binding.waitIn(
            "awaitUntil", () -> "awaitUntil on " + binding.label() + " (predicate not yet true)"),
        binding.waitIn(
            "awaitUntil", () -> "awaitUntil on " + binding.label() + " (" + relocking(task) + ")"));
  }

  /** Says that {@code task} was signalled and waits for the lock: "signalled, taking back ...". */
  private String relocking(Task<?> task) {
    return "signalled, taking back "
        + (ownLock ? "its lock" : lock.label())
        + ", "
        + lock.state(task);
  }

  /** Waits as {@link #awaitUntil(Supplier)}, with the given descriptions for reports. */
  <T> T awaitUntilFor(
      Task<?> task,
      Supplier<T> predicate,
      Supplier<RunEvent.Wait> reason,
      Supplier<RunEvent.Wait> relocking) {
    T result = predicate.get();
    while (!satisfied(result)) {
      requireLocked("awaitUntil");
      awaitFor(task, reason, relocking);
      result = predicate.get();
    }
    return result;
  }

  private static boolean satisfied(Object value) {
    return value != null
        && !Boolean.FALSE.equals(value)
        && !(value instanceof Optional && ((Optional<?>) value).isEmpty());
  }

  /**
   * Wakes the first waiting task. Same as {@code signal(1)}.
   *
   * @throws IllegalStateException if the lock is not held
   */
  public void signal() {
    signal(1);
  }

  /**
   * Wakes up to {@code n} waiting tasks, in the order they started waiting; each takes the lock
   * again before its {@code await} returns.
   *
   * @param n how many to wake, 0 or more
   * @throws IllegalStateException if the lock is not held, or if not called from a task or callback
   *     of the run this condition belongs to
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public void signal(int n) {
    Preconditions.requireAtLeast(n, 0, "n");
    binding.enter("signal");
    requireLocked("signal");
    signalWaiters(n);
  }

  /**
   * Wakes every waiting task.
   *
   * @throws IllegalStateException if the lock is not held, or if not called from a task or callback
   *     of the run this condition belongs to
   */
  public void signalAll() {
    binding.enter("signalAll");
    requireLocked("signalAll");
    signalAllNow();
  }

  /**
   * Wakes up to {@code n} waiters as part of another operation (a {@code
   * java.util.concurrent.locks.Condition}'s {@code signal}): no preemption point.
   */
  void signalNow(int n) {
    signalWaiters(n);
  }

  /** Wakes every waiter as part of another operation (a barrier's): no preemption point. */
  void signalAllNow() {
    signalWaiters(waiters.size());
  }

  private void signalWaiters(int n) {
    int woken = 0;
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext() && woken < n; ) {
      if (it.next().wake()) {
        woken++;
      }
    }
  }

  private void requireLocked(String operation) {
    if (!lock.isLocked()) {
      throw new IllegalStateException(
          operation
              + "() on "
              + binding.label()
              + " requires its lock to be held, but it is not. Call acquire() first.");
    }
  }

  /**
   * Describes the condition for debugging.
   *
   * @return for example {@code condition 'changed' (2 waiting, lock 'changed' (free))}
   */
  @Override
  public String toString() {
    return binding.label() + " (" + waiters.size() + " waiting, " + lock + ")";
  }
}
