package dev.weft.internal.search;

import dev.weft.Preemption;
import dev.weft.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets the internals build and read {@link Schedule}s without a public constructor or accessor on
 * the public class (the JDK's "shared secrets" pattern): {@code Schedule} registers the bridge when
 * it is loaded.
 *
 * <p>Internal: public only so that {@code dev.weft} can register itself.
 */
public final class ScheduleAccess {
  /** What {@code Schedule} lets the internals do. */
  public interface Bridge {
    /**
     * Makes a schedule of {@code choices}.
     *
     * @param choices the choices, in order
     * @param preemption the mode it replays under, or {@code null} for the run's own
     * @return the schedule
     */
    Schedule make(List<Choice> choices, Preemption preemption);

    /**
     * Returns the mode a schedule replays under.
     *
     * @param schedule the schedule
     * @return its preemption mode, or {@code null} for the run's own
     */
    Preemption preemption(Schedule schedule);

    /**
     * Returns a schedule's choices.
     *
     * @param schedule the schedule
     * @return its choices, in order
     */
    List<Choice> choices(Schedule schedule);

    /**
     * Returns a choice as a schedule writes it: {@code 2:B}, {@code p1}, {@code d3}.
     *
     * @param choice the choice
     * @return its token
     */
    String token(Choice choice);
  }

  private static volatile Bridge bridge;

  private ScheduleAccess() {}

  /**
   * Registers the bridge; called once by {@code Schedule}.
   *
   * @param registered the bridge
   */
  public static void register(Bridge registered) {
    bridge = registered;
  }

  static Bridge bridge() {
    if (bridge == null) {
      Schedule.empty(); // loading Schedule registers the bridge
    }
    return bridge;
  }

  /**
   * Makes a schedule of {@code choices}.
   *
   * @param choices the choices, in order
   * @return the schedule
   */
  public static Schedule make(List<Choice> choices) {
    return bridge().make(choices, null);
  }

  /**
   * Returns the schedule of a recorded run, as it reads best: without its trailing defaults, each
   * other default written {@code _} (so the departures from asyncio's order stand out), and marked
   * {@code every-operation:} if it holds a switch decision (without one, the run is the same under
   * either mode).
   *
   * @param choices the run's choices, in order
   * @param everyOperation whether the run was under every-operation preemption
   * @return the schedule
   */
  public static Schedule recorded(List<Choice> choices, boolean everyOperation) {
    int end = choices.size();
    while (end > 0 && choices.get(end - 1).value() == 0) {
      end--;
    }
    List<Choice> written = new ArrayList<>(end);
    boolean switches = false;
    for (Choice choice : choices.subList(0, end)) {
      switches |= choice.kind() == Choice.Kind.PREEMPT;
      written.add(choice.value() == 0 ? new Choice(Choice.Kind.DEFAULT, 0, 0, null) : choice);
    }
    return bridge().make(written, everyOperation && switches ? Preemption.EVERY_OPERATION : null);
  }

  /**
   * Returns a schedule's text as a Java string literal, quotes included, for the code a report
   * prints: a task name may hold {@code "} or {@code \}, which the text form leaves as they are.
   *
   * @param schedule the schedule
   * @return for example {@code "1:say\"hi\""}
   */
  public static String javaLiteral(Schedule schedule) {
    return '"' + schedule.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /**
   * Returns the mode a schedule replays under.
   *
   * @param schedule the schedule
   * @return its preemption mode, or {@code null} for the run's own
   */
  public static Preemption preemption(Schedule schedule) {
    return bridge().preemption(schedule);
  }

  /**
   * Returns a choice as a schedule writes it: {@code 2:B}, {@code p1}, {@code d3}.
   *
   * @param choice the choice
   * @return its token
   */
  public static String token(Choice choice) {
    return bridge().token(choice);
  }

  /**
   * Returns a schedule's choices.
   *
   * @param schedule the schedule
   * @return its choices, in order
   */
  public static List<Choice> choices(Schedule schedule) {
    return bridge().choices(schedule);
  }
}
