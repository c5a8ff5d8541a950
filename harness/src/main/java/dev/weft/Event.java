package dev.weft;

import dev.weft.internal.LoopBinding;
import dev.weft.internal.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A flag that tasks can wait for; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-sync.html#asyncio.Event">Event</a>.
 *
 * <p>{@link #set} wakes every waiting task, in the order they started waiting; {@link #await}
 * returns at once while the event is set. {@link #clear} does not take back a wake-up already
 * given: a task woken by {@code set} resumes even if the event was cleared before it ran.
 *
 * <pre>{@code
 * Event ready = new Event("ready");
 * Weft.spawn("worker", () -> { ready.await(); work(); });
 * setUp();
 * ready.set();                    // the worker runs once main suspends
 * }</pre>
 *
 * <p>An event may be created anywhere; it belongs to the run that first uses it. {@link #isSet}
 * works anywhere.
 *
 * @since 0.1
 */
public final class Event {
  private final LoopBinding binding;
  private final List<Waiter> waiters = new ArrayList<>();
  private boolean value;

  /** Creates an unnamed event, not set. */
  public Event() {
    this(null);
  }

  /**
   * Creates a named event, not set; reports call it {@code event 'name'}.
   *
   * @param name the name, or {@code null} for an unnamed event
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public Event(String name) {
    this(new LoopBinding("event", name), false);
  }

  /** An event that is part of another primitive (a queue's join) and shares its binding. */
  Event(LoopBinding binding, boolean set) {
    this.binding = binding;
    this.value = set;
  }

  /**
   * Returns whether the event is set.
   *
   * @return whether it is set
   */
  public boolean isSet() {
    binding.read();
    return value;
  }

  /**
   * Sets the event and wakes every task waiting for it, in the order they started waiting. Does
   * nothing if it is set already.
   *
   * @throws IllegalStateException if not called from a task or callback of the run this event
   *     belongs to
   */
  public void set() {
    binding.enter("set");
    setNow();
  }

  /** Sets the event as part of another operation (a queue's taskDone): no preemption point. */
  void setNow() {
    if (!value) {
      value = true;
      binding.trace("set", null);
      for (Waiter waiter : waiters) {
        waiter.wake();
      }
    }
  }

  /**
   * Clears the event, so that later {@link #await} calls wait. Tasks already woken stay woken.
   *
   * @throws IllegalStateException if not called from a task or callback of the run this event
   *     belongs to
   */
  public void clear() {
    binding.enter("clear");
    clearNow();
  }

  /** Clears the event as part of another operation (a queue's put): no preemption point. */
  void clearNow() {
    value = false;
  }

  /**
   * Waits until the event is set; returns at once if it is.
   *
   * @throws CancelledException if the calling task is cancelled while it waits
   * @throws IllegalStateException if not called from a task of the run this event belongs to
   */
  public void await() {
    binding.enterTask("await");
    awaitFor(binding.waitIn("await", () -> "await on " + binding.label() + " (not set)"));
  }

  /** Waits as {@link #await()}, with the given description for reports. */
  void awaitFor(Supplier<RunEvent.Wait> reason) {
    if (value) {
      return;
    }
    Waiter waiter = binding.newWaiter("await");
    waiters.add(waiter);
    try {
      waiter.await(reason);
    } finally {
      waiters.remove(waiter);
    }
  }

  /**
   * Describes the event for debugging.
   *
   * @return for example {@code event 'ready' (not set, 2 waiting)}
   */
  @Override
  public String toString() {
    return binding.label()
        + " ("
        + (value ? "set" : "not set")
        + (waiters.isEmpty() ? "" : ", " + waiters.size() + " waiting")
        + ")";
  }
}
