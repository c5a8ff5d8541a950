package dev.weft.internal.search;

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
     * Makes a schedule of {@code choices}.
     *
     * @param choices the choices, in order
     * @return the schedule
     */
    Schedule make(List<Choice> choices);

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
    return bridge().make(choices);
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
