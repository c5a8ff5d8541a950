package dev.weft;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing that happened in a run, as seen by a {@link RunListener}: at a virtual time, to a task,
 * of a kind.
 *
 * <p>Events are deterministic: the same program run with the same options produces the same
 * sequence, on every JDK and machine. Comparing two event sequences is how a test shows that a run
 * is reproducible.
 *
 * @param time the virtual time since the loop started
 * @param task the name of the task concerned, or {@code "(callback)"} for a plain callback
 * @param kind what happened
 * @param detail more about it in the program's words (what a task blocked on, how it ended); may be
 *     empty
 * @since 0.1
 */
public record RunEvent(Duration time, String task, Kind kind, String detail) {

  /** What happened. */
  public enum Kind {
    /** A task was created; its body has not run yet. */
    SPAWNED,
    /** A task ran: its body started or resumed after a suspension. */
    RAN,
    /** A task suspended; the detail says on what. */
    SUSPENDED,
    /** A task returned a value. */
    COMPLETED,
    /** A task ended with an exception; the detail names it. */
    FAILED,
    /** A task ended cancelled. */
    CANCELLED,
    /**
     * A scheduled callback ran: a {@code callSoon} or {@code callLater} callback, or a timer (a
     * sleep ending, a timeout expiring); the detail says which. Weft's internal wake-up callbacks
     * are not reported.
     */
    CALLBACK,
    /**
     * The strategy made a choice (only when the run is explored or replayed): which ready task ran
     * next, a switch at an operation, or a value of {@link Weft#choose}; the detail says which.
     */
    CHOSE,
    /**
     * A task or callback used a primitive without suspending: put an item on a queue or got one,
     * acquired or released a lock, set an event. The detail says which, as {@code "put on queue
     * 'items': A0"}; the item is its {@code toString}, cut to 40 characters.
     */
    OPERATION
  }

  /**
   * Creates an event.
   *
   * @param time the virtual time since the loop started
   * @param task the task name
   * @param kind what happened
   * @param detail more about it; may be empty, not {@code null}
   */
  public RunEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns the event as one line: {@code "0.2s P0 SUSPENDED sleep(100ms)"}. */
  @Override
  public String toString() {
    String line = dev.weft.internal.VirtualTime.format(time.toNanos()) + " " + task + " " + kind;
    return detail.isEmpty() ? line : line + " " + detail;
  }
}
