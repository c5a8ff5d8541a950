package dev.weft;

import dev.weft.internal.LoopBinding;
import dev.weft.internal.Preconditions;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A meeting point for a fixed number of tasks; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-sync.html#asyncio.Barrier">Barrier</a>.
 *
 * <p>Each task calling {@link #await} waits until {@link #parties} tasks have arrived; then all of
 * them go on, and each gets its arrival index, 0 for the first. The last to arrive does not wait:
 * it releases the others and returns first. The barrier is then reused: tasks arriving while the
 * released ones are still leaving wait for the next round. A waiting task that is cancelled leaves
 * the barrier ({@link #waiting} goes down).
 *
 * <p>{@link #reset} sends the waiting tasks a {@link BarrierBrokenException} and makes the barrier
 * usable again; {@link #abort} breaks it: every current and later {@code await} throws {@link
 * BarrierBrokenException} until {@code reset}. This is a line-by-line port of asyncio's
 * implementation, which is built on a {@link Condition}, so tasks resume in exactly asyncio's
 * order.
 *
 * <pre>{@code
 * Barrier start = new Barrier("start", 3);
 * for (String name : List.of("A", "B", "C")) {
 *   Weft.spawn(name, () -> { prepare(); start.await(); race(); });
 * }
 * }</pre>
 *
 * <p>A barrier may be created anywhere; it belongs to the run that first uses it.
 *
 * @since 0.1
 */
public final class Barrier {
  private enum State {
    FILLING,
    DRAINING,
    RESETTING,
    BROKEN
  }

  private final LoopBinding binding;
  private final Lock lock;
  private final Condition condition;
  private final int parties;
  private State state = State.FILLING;
  private int count;

  /**
   * Creates an unnamed barrier.
   *
   * @param parties how many tasks must arrive before they all go on, 1 or more
   * @throws IllegalArgumentException if {@code parties} is less than 1
   */
  public Barrier(int parties) {
    this(null, parties);
  }

  /**
   * Creates a named barrier; reports call it {@code barrier 'name'}.
   *
   * @param name the name, or {@code null} for an unnamed barrier
   * @param parties how many tasks must arrive before they all go on, 1 or more
   * @throws IllegalArgumentException if {@code parties} is less than 1 or {@code name} is blank
   */
  public Barrier(String name, int parties) {
    Preconditions.requireAtLeast(parties, 1, "parties");
    this.parties = parties;
    this.binding = new LoopBinding("barrier", name);
    this.lock = new Lock(binding);
    this.condition = new Condition(binding, lock);
  }

  /**
   * Waits until {@link #parties} tasks have arrived, and returns this task's arrival index.
   *
   * @return the arrival index, from 0 (first) to {@code parties() - 1} (last, who did not wait)
   * @throws BarrierBrokenException if the barrier is broken, or is reset or aborted while this task
   *     waits
   * @throws CancelledException if the calling task is cancelled while it waits; it then leaves the
   *     barrier
   * @throws IllegalStateException if not called from a task of the run this barrier belongs to
   */
  public int await() {
    Task<?> task = enter("await");
    Supplier<RunEvent.Wait> reason = binding.waitIn("await", this::describeWait);
    lock.acquireFor(task, reason);
    try {
      block(task, reason);
      int index = count++;
      try {
        if (index + 1 == parties) {
          state = State.DRAINING; // the last one releases the others without waiting
          condition.signalAllNow();
        } else {
          condition.awaitUntilFor(task, () -> state != State.FILLING, reason, reason);
          if (state == State.BROKEN || state == State.RESETTING) {
            throw new BarrierBrokenException(
                binding.label()
                    + (state == State.BROKEN
                        ? " was aborted while " + task.name() + " waited"
                        : " was reset while " + task.name() + " waited"));
          }
        }
        return index;
      } finally {
        count--;
        leave();
      }
    } finally {
      lock.releaseNow();
    }
  }

  /** Waits while the barrier drains or resets; then throws if it is broken. */
  private void block(Task<?> task, Supplier<RunEvent.Wait> reason) {
    condition.awaitUntilFor(
        task, () -> state != State.DRAINING && state != State.RESETTING, reason, reason);
    if (state == State.BROKEN) {
      throw new BarrierBrokenException(
          binding.label() + " is broken: abort() was called. Call reset() to use it again.");
    }
  }

  /** The last task to leave a draining or resetting barrier lets it fill again. */
  private void leave() {
    if (count == 0) {
      if (state == State.RESETTING || state == State.DRAINING) {
        state = State.FILLING;
      }
      condition.signalAllNow();
    }
  }

  /**
   * Resets the barrier: tasks waiting in it get a {@link BarrierBrokenException}, and it fills
   * again once they have left. It first takes the barrier's internal lock, so it may wait briefly,
   * as asyncio's {@code reset} does.
   *
   * @throws CancelledException if the calling task is cancelled while it waits for the lock
   * @throws IllegalStateException if not called from a task of the run this barrier belongs to
   */
  public void reset() {
    Task<?> task = enter("reset");
    lock.acquireFor(
        task, binding.waitIn("reset", () -> "reset of " + binding.label() + " (taking its lock)"));
    try {
      if (count > 0) {
        state = State.RESETTING;
      } else {
        state = State.FILLING;
      }
      condition.signalAllNow();
    } finally {
      lock.releaseNow();
    }
  }

  /**
   * Breaks the barrier: every task waiting in it, and every later {@link #await}, gets a {@link
   * BarrierBrokenException} until {@link #reset}. It first takes the barrier's internal lock, so it
   * may wait briefly, as asyncio's {@code abort} does.
   *
   * @throws CancelledException if the calling task is cancelled while it waits for the lock
   * @throws IllegalStateException if not called from a task of the run this barrier belongs to
   */
  public void abort() {
    Task<?> task = enter("abort");
    lock.acquireFor(
        task, binding.waitIn("abort", () -> "abort of " + binding.label() + " (taking its lock)"));
    try {
      state = State.BROKEN;
      condition.signalAllNow();
    } finally {
      lock.releaseNow();
    }
  }

  private Task<?> enter(String operation) {
    return binding.enterTask(operation);
  }

  /**
   * Returns whether the barrier is broken (by {@link #abort}).
   *
   * @return whether it is broken
   */
  public boolean isBroken() {
    binding.read();
    return state == State.BROKEN;
  }

  /**
   * Returns the number of tasks that must arrive for the barrier to release them.
   *
   * @return the parties
   */
  public int parties() {
    return parties;
  }

  /**
   * Returns how many tasks have arrived and wait for the rest; 0 while the barrier drains, resets
   * or is broken.
   *
   * @return the tasks waiting in the current round
   */
  public int waiting() {
    binding.read();
    return state == State.FILLING ? count : 0;
  }

  private String describeWait() {
    switch (state) {
      case FILLING:
        return "await on " + binding.label() + " (" + count + "/" + parties + " arrived)";
      case DRAINING:
        return "await on " + binding.label() + " (waiting for the previous round's tasks to leave)";
      case RESETTING:
        return "await on " + binding.label() + " (being reset; waiting for its tasks to leave)";
      default:
        return "await on " + binding.label() + " (broken)";
    }
  }

  /**
   * Describes the barrier for debugging.
   *
   * @return for example {@code barrier 'start' (2/3 arrived)}
   */
  @Override
  public String toString() {
    return binding.label()
        + " ("
        + (state == State.FILLING
            ? count + "/" + parties + " arrived"
            : state.name().toLowerCase(Locale.ROOT))
        + ")";
  }
}
