package dev.weft;

import dev.weft.internal.Adapters;
import dev.weft.internal.Waiter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * A condition of a {@link JdkReadWriteLock}'s write lock, with {@code ReentrantReadWriteLock}'s
 * rules: only the writer may await or signal it; {@code await} releases every write hold (and the
 * writer's own read holds, as the JDK's await releases the lock's whole state), waits for a signal,
 * and takes them back (first come, first served) before it returns or throws. A waiter that times
 * out or is cancelled wakes the next one, in case it had been signalled, as Weft's {@link
 * Condition} does.
 */
final class JdkWriteCondition extends AbstractJdkCondition {
  private final JdkReadWriteLock rw;
  private final int number;
  private final Deque<Waiter> waiters = new ArrayDeque<>();

  JdkWriteCondition(JdkReadWriteLock rw, int number) {
    this.rw = rw;
    this.number = number;
  }

  @Override
  String label() {
    return "condition " + number + " of " + rw.label() + "'s write lock";
  }

  @Override
  Task<?> enter(String operation) {
    Task<?> task = rw.binding.enterTask(operation);
    requireWriter(task, operation);
    return task;
  }

  private void requireWriter(Task<?> task, String operation) {
    if (task == null || rw.writer != task) {
      throw new IllegalMonitorStateException(
          operation
              + "() on "
              + label()
              + " by "
              + JdkWaits.who(task)
              + ", which does not hold the write lock: a task must hold it to "
              + (operation.startsWith("signal") ? "signal" : "await")
              + " one of its conditions, as with ReentrantReadWriteLock.");
    }
  }

  @Override
  boolean timedAwait(Task<?> task, long nanos, String shown) {
    return awaitFor(task, shown, nanos);
  }

  @Override
  void awaitFor(Task<?> task, String shown) {
    awaitFor(task, shown, 0);
  }

  /**
   * Releases every write hold, waits for a signal (for at most {@code nanos} of virtual time if
   * positive), and takes the write lock back, which is not timed, as with the JDK's conditions.
   * Returns whether the task was signalled in time.
   */
  private boolean awaitFor(Task<?> task, String shown, long nanos) {
    int holds = rw.writeHolds;
    // As ReentrantReadWriteLock's await releases the whole state: the read holds of a writer that
    // is downgrading too, else it could never take the write lock back.
    int readHolds = rw.setReadsAside(task);
    rw.writeHolds = 0;
    rw.writer = null;
    rw.grantWaiting();
    Waiter waiter = rw.binding.newWaiter("await");
    waiters.addLast(waiter);
    Supplier<RunEvent.Wait> reason =
        rw.binding.waitIn("await", () -> shown + " on " + label() + " (not signalled)");
    Throwable failure = null;
    boolean signalled = true;
    try {
      if (nanos > 0) {
        signalled =
            JdkWaits.within(
                nanos,
                () -> {
                  waiter.await(reason);
                  return true;
                },
                false);
      } else {
        waiter.await(reason);
      }
    } catch (Throwable e) {
      failure = e;
    } finally {
      waiters.remove(waiter);
    }
    CancelledException cancelled = null;
    while (true) { // take the write lock back, even if the task is cancelled meanwhile
      try {
        if (!rw.tryNow(task, true)) {
          JdkReadWriteLock.Request request =
              new JdkReadWriteLock.Request(task, true, rw.binding.newWaiter("await"));
          rw.awaitGrant(
              request,
              "await",
              () ->
                  shown
                      + " on "
                      + label()
                      + " (signalled, taking back the write lock, "
                      + rw.state(request)
                      + ")");
        }
        break;
      } catch (CancelledException e) {
        cancelled = e;
      }
    }
    rw.writeHolds = holds;
    rw.restoreReads(task, readHolds);
    Throwable thrown = failure != null ? failure : cancelled;
    if (thrown != null || !signalled) {
      wakeNext(); // it may have been signalled: pass the signal on
    }
    if (thrown != null) {
      throw JdkWaits.<RuntimeException>rethrow(thrown);
    }
    return signalled;
  }

  private void wakeNext() {
    for (Waiter waiter : waiters) {
      if (waiter.wake()) {
        return;
      }
    }
  }

  @Override
  public void signal() {
    rw.binding.enter("signal");
    requireWriter(Adapters.currentTaskOrNull(), "signal");
    wakeNext();
  }

  @Override
  public void signalAll() {
    rw.binding.enter("signalAll");
    requireWriter(Adapters.currentTaskOrNull(), "signalAll");
    for (Waiter waiter : waiters) {
      waiter.wake();
    }
  }
}
