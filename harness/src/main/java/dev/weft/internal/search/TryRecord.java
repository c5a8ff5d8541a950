package dev.weft.internal.search;

import dev.weft.RunEvent;
import java.util.List;

/**
 * What one try of an exploration did: how it ended, the choices it took (a schedule), and, when
 * traced, every event.
 *
 * <p>Internal: public only so that {@code dev.weft.internal} makes it and {@code dev.weft.explore}
 * reads it.
 *
 * @param failure what the run threw, or {@code null} if it passed
 * @param failingTask the task the failure came from ("main" when main threw it), or {@code null} if
 *     it passed
 * @param blocked for a deadlock, the tasks that were blocked, in creation order; empty otherwise
 * @param choices the choices, in order, with how many options each had
 * @param events every event, when traced; else {@code null}
 * @param divergence how a replay departed from its schedule, or {@code null}
 * @param end how the run failed, or {@code null} if it passed
 */
public record TryRecord(
    Throwable failure,
    String failingTask,
    List<String> blocked,
    List<Choice> choices,
    List<RunEvent> events,
    String divergence,
    End end) {

  /** How a run failed. */
  public enum End {
    /** Main threw (its own exception, or a task's that it awaited). */
    MAIN,
    /** A task's failure went unobserved. */
    UNOBSERVED_FAILURE,
    /** Tasks were left pending under {@code failOnLeftoverTasks}. */
    LEFTOVER_TASKS,
    /** No task could run and no timer was pending. */
    DEADLOCK,
    /** The run took more steps than allowed. */
    STEP_LIMIT,
    /** A task blocked outside Weft and the watchdog fired. */
    BLOCKED_OUTSIDE_WEFT
  }

  /**
   * Copies the lists.
   *
   * @param failure what the run threw, or {@code null}
   * @param failingTask the failing task, or {@code null}
   * @param blocked the deadlocked tasks
   * @param choices the choices
   * @param events the events, or {@code null}
   * @param divergence the replay's departure, or {@code null}
   * @param end how the run failed, or {@code null}
   */
  public TryRecord {
    blocked = List.copyOf(blocked);
    choices = List.copyOf(choices);
    events = events == null ? null : List.copyOf(events);
  }
}
