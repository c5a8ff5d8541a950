package dev.weft.internal;

import dev.weft.RunEvent;
import dev.weft.RunListener;
import dev.weft.RunOptions;
import java.util.List;

/**
 * What one try of an exploration did: how it ended, the decisions it took (a schedule), and, when
 * traced, every event.
 *
 * <p>Internal: public only so that {@code dev.weft.explore} can use it.
 */
public final class TryRecord {
  /** What the run threw, or {@code null} if it passed. */
  public final Throwable failure;

  /** The task the failure came from ("main" when main threw it), or {@code null} if it passed. */
  public final String failingTask;

  /** For a deadlock, the tasks that were blocked, in creation order; empty otherwise. */
  public final List<String> blocked;

  /** The decisions, in order, with how many options each had. */
  public final List<Decision> decisions;

  /** Every event, when traced; else {@code null}. */
  public final List<RunEvent> events;

  /** How a replay departed from its schedule, or {@code null}. */
  public final String divergence;

  TryRecord(
      Throwable failure,
      String failingTask,
      List<String> blocked,
      List<Decision> decisions,
      List<RunEvent> events,
      String divergence) {
    this.failure = failure;
    this.failingTask = failingTask;
    this.blocked = List.copyOf(blocked);
    this.decisions = List.copyOf(decisions);
    this.events = events == null ? null : List.copyOf(events);
    this.divergence = divergence;
  }

  /**
   * Returns {@code report} without the sentence that tells a plain run's user to run it again with
   * the same options; an exploration says how to replay instead.
   *
   * @param report a failure's message
   * @return the message without that sentence
   */
  public static String withoutRunAgain(String report) {
    return report.replace("\n" + Reports.REPRODUCE, "");
  }

  /** A listener that records every event, then passes it to the user's listener, if any. */
  static RunListener recorder(RunOptions options, List<RunEvent> events) {
    RunListener user = options.listener();
    return event -> {
      events.add(event);
      if (user != null) {
        user.onEvent(event);
      }
    };
  }
}
