package dev.weft.explore;

import dev.weft.RunEvent;
import dev.weft.Schedule;
import java.util.List;

/**
 * A schedule that makes the scenario fail, as found and as shrunk, with the failure and the trace
 * of the minimal run. {@link #toString()} is the full report: the failure, the minimal schedule,
 * how to replay it, and a timeline.
 *
 * @since 0.1
 */
public interface Counterexample {
  /**
   * Returns the schedule of the failing try, as found (without its trailing default choices, which
   * a replay takes anyway).
   *
   * @return the schedule found
   */
  Schedule schedule();

  /**
   * Returns the smallest schedule found that fails the same way (the same {@link #kind()} and
   * exception type, from whichever task): fewer departures from asyncio's order, fewer choices,
   * smaller data values. It reads as its departures, with blanks ({@code _*N}) for the choices left
   * at their defaults, and starts with {@code every-operation:} when it replays only under that
   * mode: {@code "every-operation: p1 _*4 1:C0 _*21 1:A"} (a switch, then C0 run out of turn at the
   * sixth choice point and A at the 28th).
   *
   * @return the minimal schedule
   */
  Schedule minimal();

  /**
   * Returns how the minimal run failed: a deadlock, an exception thrown by {@code main}, an
   * unobserved task failure, and so on.
   *
   * <pre>{@code
   * assertThat(found.kind()).isIn(FailureKind.DEADLOCK, FailureKind.EXCEPTION);
   * }</pre>
   *
   * @return the failure's kind
   */
  FailureKind kind();

  /**
   * Returns what the minimal run threw; if the minimal run no longer failed (something outside Weft
   * changed the runs, which the report then says), what the try as found threw.
   *
   * @return the failure
   */
  Throwable failure();

  /**
   * Returns the seed of the exploration that found it.
   *
   * @return the seed
   */
  long seed();

  /**
   * Returns every event of the minimal run, in order.
   *
   * @return the trace
   */
  List<RunEvent> trace();

  /**
   * Returns the minimal run as a timeline, one row per task.
   *
   * @return the timeline, ready to print
   */
  String timeline();

  /**
   * Returns the report: the failure, the minimal schedule, how to replay it with {@code Weft.run},
   * and the timeline.
   *
   * @return the report
   */
  @Override
  String toString();

  /**
   * Returns the report with other instructions to replay it, for a tool that replays schedules its
   * own way (the JUnit extension says which annotation to put on the test).
   *
   * @param howToReplay the text under "Replay it:", indented by two spaces like the rest; may hold
   *     line breaks
   * @return the report
   */
  String report(String howToReplay);
}
