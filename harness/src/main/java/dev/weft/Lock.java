package dev.weft;

import dev.weft.internal.LoopBinding;
import dev.weft.internal.Waiter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A mutual-exclusion lock for tasks; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-sync.html#asyncio.Lock">Lock</a>.
 *
 * <p>Waiting tasks get the lock in the order they asked for it, with no barging: after {@link
 * #release}, the first waiter is woken and takes the lock when it runs; until then {@link
 * #isLocked} is false, yet a newcomer still queues behind it. A woken waiter that is cancelled
 * before it runs passes the wake-up on. The lock is not reentrant (a task that acquires it twice
 * waits for itself: a deadlock) and not owned (any task may release it).
 *
 * <pre>{@code
 * Lock lock = new Lock("account");
 * lock.acquire();
 * try {
 *   balance = read() + 1;
 *   Weft.sleep(Duration.ofMillis(10));   // other tasks run, but not in here
 *   write(balance);
 * } finally {
 *   lock.release();
 * }
 * }</pre>
 *
 * <p>A lock may be created anywhere; it belongs to the run that first uses it. The lock remembers
 * which task acquired it, for deadlock reports only ("held by P0, which has ended without releasing
 * it").
 *
 * @since 0.1
 */
public final class Lock {
  private final LoopBinding binding;
  private final Deque<Waiter> waiters = new ArrayDeque<>();
  private boolean locked;
  private Task<?> holder;

  /** Creates an unnamed lock, not held. */
  public Lock() {
    this((String) null);
  }

  /**
   * Creates a named lock, not held; reports call it {@code lock 'name'}.
   *
   * @param name the name, or {@code null} for an unnamed lock
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public Lock(String name) {
    this(new LoopBinding("lock", name));
  }

  /** A lock that is part of another primitive (a barrier) and shares its binding. */
  Lock(LoopBinding binding) {
    this.binding = binding;
  }

  /**
   * Returns whether the lock is held.
   *
   * @return whether it is held
   */
  public boolean isLocked() {
    binding.read();
    return locked;
  }

  /**
   * Acquires the lock, first waiting for the tasks that asked before.
   *
   * @throws CancelledException if the calling task is cancelled while it waits; it then does not
   *     hold the lock
   * @throws IllegalStateException if not called from a task of the run this lock belongs to
   */
  public void acquire() {
    Task<?> task = binding.enterTask("acquire");
    acquireFor(task, binding.waitIn("acquire", () -> "acquire on " + describe(task)));
  }

  /** Acquires as {@link #acquire()} for {@code task}, with the given description for reports. */
  void acquireFor(Task<?> task, Supplier<RunEvent.Wait> reason) {
    if (!locked && noLiveWaiters()) {
      take(task);
      return;
    }
    Waiter waiter = binding.newWaiter("acquire");
    waiters.addLast(waiter);
    try {
      try {
        waiter.await(reason);
      } finally {
        waiters.remove(waiter);
      }
    } catch (CancelledException e) {
      if (!locked) {
        wakeUpFirst(); // it may have been woken, then cancelled: the lock goes to the next one
      }
      throw e;
    }
    take(task);
  }

  /**
   * Takes the lock for {@code task} if {@link #acquire} would not wait (free, and no earlier
   * waiter), as part of another operation (a {@code java.util.concurrent.locks.Lock}'s {@code
   * tryLock}): no preemption point.
   *
   * @return whether {@code task} holds the lock now
   */
  boolean tryAcquireFor(Task<?> task) {
    if (!locked && noLiveWaiters()) {
      take(task);
      return true;
    }
    return false;
  }

  private void take(Task<?> task) {
    locked = true;
    holder = task;
    binding.trace("acquire", null);
  }

  /**
   * Releases the lock and wakes the first waiting task, which takes it when it runs. Any task may
   * release the lock, not only the one that acquired it.
   *
   * @throws IllegalStateException if the lock is not held, or if not called from a task or callback
   *     of the run this lock belongs to
   */
  public void release() {
    binding.enter("release");
    releaseNow();
  }

  /** Releases as part of another operation (a condition's await): no preemption point. */
  void releaseNow() {
    if (!locked) {
      throw new IllegalStateException(
          "release() on "
              + binding.label()
              + ": the lock is not held. Each release() must follow an acquire().");
    }
    locked = false;
    holder = null;
    binding.trace("release", null);
    wakeUpFirst();
  }

  private boolean noLiveWaiters() {
    for (Waiter waiter : waiters) {
      if (!waiter.isCancelled()) {
        return false;
      }
    }
    return true;
  }

  /** Wakes the first waiter unless it was woken already; asyncio's {@code _wake_up_first}. */
  private void wakeUpFirst() {
    Waiter first = waiters.peekFirst();
    if (first != null) {
      first.wake();
    }
  }

  /** Says the lock's name and who holds it, for a report about {@code waiting}. */
  String describe(Task<?> waiting) {
    return binding.label() + " (" + state(waiting) + ")";
  }

  /** Says who holds the lock, for a report about {@code waiting}: "held by P0". */
  String state(Task<?> waiting) {
    if (!locked) {
      return "free, but earlier waiters go first";
    } else if (holder == null) {
      return "held";
    } else if (holder == waiting) {
      return "held by " + holder.name() + " itself: a Lock is not reentrant";
    } else if (holder.isDone()) {
      return "held by " + holder.name() + ", which has ended without releasing it";
    } else {
      return "held by " + holder.name();
    }
  }

  /** Returns how reports name the lock: {@code lock 'db'}. */
  String label() {
    return binding.label();
  }

  /**
   * Describes the lock for debugging.
   *
   * @return for example {@code lock 'db' (held by P0, 1 waiting)}
   */
  @Override
  public String toString() {
    return binding.label()
        + " ("
        + (!locked ? "free" : holder == null ? "held" : "held by " + holder.name())
        + (waiters.isEmpty() ? "" : ", " + waiters.size() + " waiting")
        + ")";
  }
}
