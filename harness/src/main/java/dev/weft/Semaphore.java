package dev.weft;

import dev.weft.internal.LoopBinding;
import dev.weft.internal.Preconditions;
import dev.weft.internal.Waiter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A counter of permits for tasks; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-sync.html#asyncio.Semaphore">Semaphore</a>.
 *
 * <p>{@link #acquire} takes a permit, waiting while none is free; {@link #release} returns one and
 * wakes the first waiting task. Waiting is first come, first served: while tasks wait, a newcomer
 * queues behind them even if a permit is free. A plain semaphore may be released more often than it
 * was acquired, raising its count above the initial value; {@link BoundedSemaphore} refuses that.
 *
 * <pre>{@code
 * Semaphore connections = new Semaphore("connections", 2);
 * connections.acquire();          // at most two tasks get past this line at a time
 * try { call(); } finally { connections.release(); }
 * }</pre>
 *
 * <p>A semaphore may be created anywhere; it belongs to the run that first uses it.
 *
 * @since 0.1
 */
public sealed class Semaphore permits BoundedSemaphore {
  final LoopBinding binding;
  private final Deque<Waiter> waiters = new ArrayDeque<>();
  int value;

  /** Creates an unnamed semaphore with one permit. */
  public Semaphore() {
    this(null, 1);
  }

  /**
   * Creates an unnamed semaphore.
   *
   * @param value the number of permits, 0 or more
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Semaphore(int value) {
    this(null, value);
  }

  /**
   * Creates a named semaphore; reports call it {@code semaphore 'name'}.
   *
   * @param name the name, or {@code null} for an unnamed semaphore
   * @param value the number of permits, 0 or more
   * @throws IllegalArgumentException if {@code value} is negative or {@code name} is blank
   */
  public Semaphore(String name, int value) {
    this(name, value, "semaphore");
  }

  Semaphore(String name, int value, String kind) {
    Preconditions.requireAtLeast(value, 0, "value");
    this.binding = new LoopBinding(kind, name);
    this.value = value;
  }

  /**
   * Returns whether {@link #acquire} would wait now: no permit is free, or tasks are already
   * waiting.
   *
   * @return whether it is locked
   */
  public final boolean isLocked() {
    binding.read();
    if (value == 0) {
      return true;
    }
    for (Waiter waiter : waiters) {
      if (!waiter.isCancelled()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the number of free permits.
   *
   * @return the permits not taken
   */
  public final int availablePermits() {
    binding.read();
    return value;
  }

  /**
   * Takes a permit, first waiting for a free one and for the tasks that asked before.
   *
   * @throws CancelledException if the calling task is cancelled while it waits; it then holds no
   *     permit
   * @throws IllegalStateException if not called from a task of the run this semaphore belongs to
   */
  public final void acquire() {
    binding.enterTask("acquire");
    if (!isLocked()) {
      value--;
      return;
    }
    Waiter waiter = binding.newWaiter("acquire");
    waiters.addLast(waiter);
    try {
      try {
        waiter.await(binding.waitIn("acquire", this::describe));
      } finally {
        waiters.remove(waiter);
      }
    } catch (CancelledException e) {
      if (waiter.isDone() && !waiter.isCancelled()) {
        value++; // woken with a permit, then cancelled: give the permit back
      }
      throw e;
    } finally {
      while (value > 0 && wakeUpNext()) {
        // newcomers may have queued behind this one while permits were free: wake as many as fit
      }
    }
  }

  /**
   * Returns a permit and wakes the first waiting task, which gets it.
   *
   * @throws IllegalStateException if not called from a task or callback of the run this semaphore
   *     belongs to; for a {@link BoundedSemaphore}, also if it would exceed the initial value
   */
  public final void release() {
    binding.enter("release");
    checkRelease();
    value++;
    wakeUpNext();
  }

  /** Refuses a release that would break a bound; nothing to check for a plain semaphore. */
  void checkRelease() {}

  /** Wakes the first waiter not woken yet, handing it a permit; asyncio's {@code _wake_up_next}. */
  private boolean wakeUpNext() {
    for (Waiter waiter : waiters) {
      if (!waiter.isDone()) {
        value--;
        waiter.wake();
        return true;
      }
    }
    return false;
  }

  private String describe() {
    return "acquire on "
        + binding.label()
        + " ("
        + (value == 0 ? "no permits free" : value + " free, but earlier waiters go first")
        + ")";
  }

  /**
   * Describes the semaphore for debugging.
   *
   * @return for example {@code semaphore 'pool' (0 permits free, 2 waiting)}
   */
  @Override
  public String toString() {
    return binding.label()
        + " ("
        + value
        + (value == 1 ? " permit free" : " permits free")
        + (waiters.isEmpty() ? "" : ", " + waiters.size() + " waiting")
        + ")";
  }
}
