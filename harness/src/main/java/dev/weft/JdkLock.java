package dev.weft;

import dev.weft.internal.Adapters;
import dev.weft.internal.LoopBinding;
import java.util.concurrent.TimeUnit;

/**
 * A {@link java.util.concurrent.locks.Lock} with {@code ReentrantLock}'s rules (an owner, a hold
 * count) whose waits are Weft waits: a FIFO {@link Lock} underneath, reentrancy on top. See {@link
 * Jdk#lock(String)}.
 */
final class JdkLock implements java.util.concurrent.locks.Lock {
  final LoopBinding binding;
  final Lock lock;

  /** The task that holds the lock, or {@code null}; {@link JdkCondition} lends it out. */
  Task<?> owner;

  /** How many times {@link #owner} has locked it without unlocking. */
  int holds;

  private int conditions;

  JdkLock(String name) {
    this.binding = new LoopBinding("lock", name);
    this.lock = new Lock(binding);
  }

  String label() {
    return binding.label();
  }

  @Override
  public void lock() {
    Task<?> task = binding.enterTask("lock");
    lockFor(task, "lock()");
  }

  @Override
  public void lockInterruptibly() throws InterruptedException {
    JdkWaits.checkInterrupt("lockInterruptibly()", label());
    Task<?> task = binding.enterTask("lockInterruptibly");
    lockFor(task, "lockInterruptibly()");
  }

  private void lockFor(Task<?> task, String shown) {
    if (owner == task) {
      holdAgain();
      return;
    }
    lock.acquireFor(task, binding.waitIn("lock", () -> shown + " on " + describe(task)));
    owner = task;
    holds = 1;
  }

  private void holdAgain() {
    if (holds == Integer.MAX_VALUE) {
      throw new Error("Maximum lock count exceeded on " + label() + ", as ReentrantLock says");
    }
    holds++;
  }

  @Override
  public boolean tryLock() {
    binding.enter("tryLock");
    Task<?> task = JdkWaits.lockingTask("tryLock()", label());
    return tryNow(task);
  }

  private boolean tryNow(Task<?> task) {
    if (owner == task) {
      holdAgain();
      return true;
    }
    if (lock.tryAcquireFor(task)) {
      owner = task;
      holds = 1;
      return true;
    }
    return false;
  }

  @Override
  public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
    long nanos = JdkWaits.nanos(time, unit);
    JdkWaits.checkInterrupt("tryLock()", label());
    Task<?> task = binding.enterTask("tryLock");
    if (tryNow(task)) {
      return true;
    }
    if (nanos <= 0) {
      return false;
    }
    String shown = JdkWaits.timed("tryLock", nanos);
    boolean acquired =
        JdkWaits.within(
            nanos,
            () -> {
              lock.acquireFor(
                  task, binding.waitIn("tryLock", () -> shown + " on " + describe(task)));
              return true;
            },
            false);
    if (acquired) {
      owner = task;
      holds = 1;
    }
    return acquired;
  }

  @Override
  public void unlock() {
    binding.enter("unlock");
    Task<?> task = Adapters.currentTaskOrNull();
    if (owner == null || owner != task) {
      throw new IllegalMonitorStateException(
          "unlock() on "
              + label()
              + " by "
              + JdkWaits.who(task)
              + ", but "
              + (owner == null ? "the lock is not held" : "the lock is held by " + owner.name())
              + ": only the task that holds a lock may unlock it, as with ReentrantLock.");
    }
    if (--holds == 0) {
      owner = null;
      lock.releaseNow();
    }
  }

  @Override
  public java.util.concurrent.locks.Condition newCondition() {
    return new JdkCondition(this, ++conditions);
  }

  /** Says the lock's name and who holds it, for a report about {@code waiting}. */
  String describe(Task<?> waiting) {
    return label() + " (" + state() + ")";
  }

  /** Says who holds the lock: "held by P0", "free, but earlier waiters go first". */
  String state() {
    if (owner == null) {
      return lock.isLocked() ? "held" : "free, but earlier waiters go first";
    }
    return "held by "
        + owner.name()
        + (holds > 1 ? " (" + holds + " holds)" : "")
        + (owner.isDone() ? ", which has ended without unlocking it" : "");
  }

  /**
   * Describes the lock for debugging.
   *
   * @return for example {@code lock 'accounts' (held by P0 (2 holds))}
   */
  @Override
  public String toString() {
    return label() + " (" + (owner == null && !lock.isLocked() ? "free" : state()) + ")";
  }
}
