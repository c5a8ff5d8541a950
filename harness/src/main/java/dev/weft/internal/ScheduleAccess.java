package dev.weft.internal;

import dev.weft.Schedule;
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
     * Makes a schedule of {@code decisions}.
     *
     * @param decisions the decisions, in order
     * @return the schedule
     */
    Schedule make(List<Decision> decisions);

    /**
     * Returns a schedule's decisions.
     *
     * @param schedule the schedule
     * @return its decisions, in order
     */
    List<Decision> decisions(Schedule schedule);
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
   * Makes a schedule of {@code decisions}.
   *
   * @param decisions the decisions, in order
   * @return the schedule
   */
  public static Schedule make(List<Decision> decisions) {
    return bridge().make(decisions);
  }

  /**
   * Returns a schedule's decisions.
   *
   * @param schedule the schedule
   * @return its decisions, in order
   */
  public static List<Decision> decisions(Schedule schedule) {
    return bridge().decisions(schedule);
  }
}
