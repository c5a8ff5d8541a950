package dev.weft;

import dev.weft.internal.Adapters;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A {@link java.util.concurrent.locks.Condition} of a {@link JdkLock}, with {@code ReentrantLock}'s
 * rules (only the owner may await or signal; await releases every hold and restores them), whose
 * waits are a Weft {@link Condition}'s. Reports call it {@code condition 2 of lock 'buffer'}: the
 * lock's conditions are numbered in the order {@code newCondition()} made them.
 */
final class JdkCondition extends AbstractJdkCondition {
  private final JdkLock lock;
  private final Condition condition;
  private final int number;

  JdkCondition(JdkLock lock, int number) {
    this.lock = lock;
    this.condition = new Condition(lock.binding, lock.lock);
    this.number = number;
  }

  @Override
  String label() {
    return "condition " + number + " of " + lock.label();
  }

  @Override
  boolean timedAwait(Task<?> task, long nanos, String shown) {
    return holdsLent(task, () -> condition.awaitFor(task, nanos, waiting(shown), relocking(shown)));
  }

  /** Starts an operation: one preemption point, and the caller must hold the lock. */
  @Override
  Task<?> enter(String operation) {
    Task<?> task = lock.binding.enterTask(operation);
    requireOwner(task, operation);
    return task;
  }

  /** Releases every hold, waits for a signal in the Weft condition, and restores the holds. */
  @Override
  void awaitFor(Task<?> task, String shown) {
    holdsLent(
        task,
        () -> {
          condition.awaitFor(task, waiting(shown), relocking(shown));
          return true;
        });
  }

  private Supplier<RunEvent.Wait> waiting(String shown) {
    return lock.binding.waitIn("await", () -> shown + " on " + label() + " (not signalled)");
  }

  private Supplier<RunEvent.Wait> relocking(String shown) {
    return lock.binding.waitIn(
        "await",
        () ->
            shown
                + " on "
                + label()
                + " (signalled, taking back "
                + lock.label()
                + ", "
                + lock.state()
                + ")");
  }

  /**
   * Runs {@code wait}, in which the Weft condition releases the lock and takes it back, with the
   * lock's owner and holds set aside, and restores them after.
   */
  private boolean holdsLent(Task<?> task, BooleanSupplier wait) {
    int holds = lock.holds;
    lock.owner = null;
    lock.holds = 0;
    try {
      return wait.getAsBoolean();
    } finally {
      // The Weft condition has taken the lock back, even when the task was cancelled.
      lock.owner = task;
      lock.holds = holds;
    }
  }

  @Override
  public void signal() {
    lock.binding.enter("signal");
    requireOwner(Adapters.currentTaskOrNull(), "signal");
    condition.signalNow(1);
  }

  @Override
  public void signalAll() {
    lock.binding.enter("signalAll");
    requireOwner(Adapters.currentTaskOrNull(), "signalAll");
    condition.signalAllNow();
  }

  private void requireOwner(Task<?> task, String operation) {
    if (task == null || lock.owner != task) {
      throw new IllegalMonitorStateException(
          operation
              + "() on "
              + label()
              + " by "
              + JdkWaits.who(task)
              + ", but "
              + (lock.owner == null
                  ? "the lock is not held"
                  : "the lock is held by " + lock.owner.name())
              + ": a task must hold a condition's lock to "
              + (operation.startsWith("signal") ? "signal" : "await")
              + " it, as with ReentrantLock.");
    }
  }
}
