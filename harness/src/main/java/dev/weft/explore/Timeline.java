package dev.weft.explore;

import dev.weft.RunEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a run's events as text, one row per task: each entry is one step of that task, numbered in
 * the run's order ({@code #7}), with the virtual time when it changed, and how the step ended
 * ("waits in put on queue 'items' (full, 2/2)", "returned", "FAILED: ..."). A step that a strategy
 * picked out of asyncio's order is marked {@code *}; a switch at an operation reads "switched out";
 * {@code choose} values are shown where they were drawn, and so are items put and got ({@code put
 * A0; got B1}) and lock and event operations. Rows wrap at 110 columns; a row of more than 17 steps
 * shows its first and last 8.
 *
 * <p>A counterexample's report uses it for its minimal run; use it for any run whose events a
 * {@link dev.weft.RunListener} recorded:
 *
 * <pre>{@code
 * List<RunEvent> events = new ArrayList<>();
 * Weft.run(RunOptions.defaults().listener(events::add), program);
 * System.out.print(Timeline.of(events));
 * //  main  #1 @0s waits in gather(P0), waiting for P0 | #3 returned
 * //  P0    #2 @0s put A0; returned
 * }</pre>
 *
 * @since 0.1
 */
public final class Timeline {
  private static final int WIDTH = 110;
  private static final int KEEP = 8;

  private Timeline() {}

  /**
   * Returns the timeline of a run.
   *
   * @param events the run's events, in order, from its first
   * @return one line per row, each ending with a line break; empty for no events
   */
  public static String of(List<RunEvent> events) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Map<String, String> lastTime = new LinkedHashMap<>();
    int step = 0;
    // The task whose next step a strategy picked out of asyncio's order, until that step runs; a
    // pick
    // of a callback or of a task cancelled before it started marks nothing.
    String picked = null;
    boolean switchedOut = false;
    String running = null;
    StringBuilder entry = null;
    for (RunEvent event : events) {
      String task = event.task();
      switch (event.kind()) {
        case SPAWNED:
          rows.computeIfAbsent(task, t -> new ArrayList<>());
          break;
        case CHOSE:
          RunEvent.Choice choice = (RunEvent.Choice) event.detail();
          if (choice.point() == RunEvent.Choice.Point.TASK) {
            picked = choice.departs() ? task : null;
          } else if (choice.point() == RunEvent.Choice.Point.DATA) {
            if (entry != null) {
              entry.append(' ').append(choice.text()).append(';');
            }
          } else {
            switchedOut = true;
          }
          break;
        case OPERATION:
          if (entry != null && task.equals(running)) {
            entry.append(' ').append(operation((RunEvent.Operation) event.detail())).append(';');
          }
          break;
        case RAN:
          step++;
          running = task;
          String time = format(event);
          entry = new StringBuilder("#").append(step).append(task.equals(picked) ? "*" : "");
          if (!time.equals(lastTime.get(task))) {
            entry.append(" @").append(time);
            lastTime.put(task, time);
          }
          picked = null;
          break;
        case SUSPENDED:
        case COMPLETED:
        case FAILED:
        case CANCELLED:
          if (event.detail() instanceof RunEvent.Failed
              && ((RunEvent.Failed) event.detail()).unwound()) {
            entry = null; // the run ended (deadlock, step limit) and this task was unwound
            running = null;
          } else if (entry != null && task.equals(running)) {
            entry.append(' ').append(switchedOut ? "switched out" : ending(event));
            switchedOut = false;
            rows.computeIfAbsent(task, t -> new ArrayList<>()).add(entry.toString());
            entry = null;
            running = null;
          } else if (event.kind() == RunEvent.Kind.CANCELLED) {
            rows.computeIfAbsent(task, t -> new ArrayList<>()).add("cancelled before it started");
          }
          break;
        default:
          break;
      }
    }
    int width = 0;
    for (String task : rows.keySet()) {
      width = Math.max(width, Math.min(20, task.length()));
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<String>> row : rows.entrySet()) {
      String name = row.getKey();
      StringBuilder line = new StringBuilder("  ").append(pad(name, width)).append("  ");
      int indent = line.length();
      int column = indent;
      boolean first = true;
      for (String item : capped(row.getValue())) {
        String piece = (first ? "" : " | ") + item;
        if (!first && column + piece.length() > WIDTH) {
          line.append('\n').append(" ".repeat(indent));
          column = indent;
          piece = item;
        }
        line.append(piece);
        column += piece.length();
        first = false;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** Keeps the first and last {@value #KEEP} steps of a long row (a livelock's, say). */
  private static List<String> capped(List<String> steps) {
    if (steps.size() <= 2 * KEEP + 1) {
      return steps;
    }
    List<String> out = new ArrayList<>(steps.subList(0, KEEP));
    out.add("... " + (steps.size() - 2 * KEEP) + " more steps ...");
    out.addAll(steps.subList(steps.size() - KEEP, steps.size()));
    return out;
  }

  /** An item put or got reads "put A0" / "got A0"; other operations "acquired lock 'm'". */
  private static String operation(RunEvent.Operation operation) {
    return operation.item() != null
        ? operation.verb() + " " + operation.item()
        : operation.verb() + " " + operation.name();
  }

  private static String ending(RunEvent event) {
    RunEvent.Detail detail = event.detail();
    switch (event.kind()) {
      case SUSPENDED:
        RunEvent.Wait wait = (RunEvent.Wait) detail;
        return wait.isYield() ? "yields" : "waits in " + wait.text();
      case COMPLETED:
        String value = ((RunEvent.Returned) detail).value();
        return "returned" + (value.equals("null") ? "" : " " + value);
      case FAILED:
        // A row is one line: a multi-line message shows its first line (the report has it whole).
        String description = ((RunEvent.Failed) detail).description();
        int lineBreak = description.indexOf('\n');
        return "FAILED: "
            + (lineBreak < 0
                ? description
                : description.substring(0, lineBreak).stripTrailing() + " ...");
      default:
        return "cancelled";
    }
  }

  private static String format(RunEvent event) {
    long nanos = event.time().toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String seconds = java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    return seconds + "s";
  }

  private static String pad(String name, int width) {
    return name.length() >= width ? name : name + " ".repeat(width - name.length());
  }
}
