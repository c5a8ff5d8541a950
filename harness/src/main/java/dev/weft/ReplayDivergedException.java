package dev.weft;

/**
 * Thrown by {@link Weft#run} (and by {@code Explorer.run()}) when a replayed schedule does not fit
 * the run: a choice of another kind than the choice point the run reached, an index past the ready
 * tasks, a named task that is not ready, a value {@link Weft#choose} cannot return, or choices left
 * over when the run ends. A replay that departs from its schedule runs some other schedule, so
 * passing or failing it would prove nothing: a replay regression test whose schedule went stale
 * fails here instead of passing quietly.
 *
 * <p>The message names the first departure: the choice's number and token, the virtual time and the
 * running task, what the schedule said and what the run offered. For example, {@code
 * Schedule.parse("d9")} against {@code Weft.choose(3)}:
 *
 * <pre>
 * The replay departed from its schedule at choice 1 of 1 ('d9', at virtual time 0s, while main
 * ran): the schedule says Weft.choose returns 9, but the run offered Weft.choose(3), which returns
 * 0 to 2 (a d token). ...
 * </pre>
 *
 * <p>The run's own failure, if it failed too, is attached as a suppressed exception.
 *
 * @since 0.1
 */
public class ReplayDivergedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the report
   */
  public ReplayDivergedException(String message) {
    super(message);
  }
}
