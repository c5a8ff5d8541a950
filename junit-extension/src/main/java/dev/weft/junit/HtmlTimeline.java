package dev.weft.junit;

import static dev.weft.junit.HtmlText.attribute;
import static dev.weft.junit.HtmlText.cut;
import static dev.weft.junit.HtmlText.firstLine;
import static dev.weft.junit.HtmlText.text;

import dev.weft.RunEvent;
import dev.weft.junit.TimelineModel.Box;
import dev.weft.junit.TimelineModel.BoxKind;
import dev.weft.junit.TimelineModel.Lane;
import dev.weft.junit.TimelineModel.Line;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Draws a failing run as a self-contained HTML page: a summary (the test, its failure, the schedule
 * and the line that replays it), then one lane per task on an axis of steps in run order, each step
 * a box that says what the task did and how the step ended, with virtual time marked wherever it
 * advanced. It shows what {@link dev.weft.explore.Timeline} shows as text: steps a strategy picked
 * out of asyncio's order, switches at operations, the failing step, and the tasks a deadlock left
 * waiting forever.
 *
 * <p>The page has no scripts and loads nothing; every user text is escaped. The same events give
 * the same bytes. A long run shows its first {@value #FIRST} and last {@value #LAST} boxes.
 */
final class HtmlTimeline {
  /** How many boxes a long run shows from its start. */
  static final int FIRST = 400;

  /** How many boxes a long run shows from its end. */
  static final int LAST = 100;

  /** Lanes with nothing shown are drawn up to this many; the rest are named in a note. */
  static final int EMPTY_LANES = 50;

  private static final int BOX_LINES = 8;
  private static final int TITLE_LINES = 100;
  private static final int LINE_CHARS = 120;
  private static final int TITLE_CHARS = 2_000;
  private static final int FAILURE_CHARS = 50_000;

  static final String SCHEDULE_LEGEND =
      "n or n:Task: run the n-th ready task, 0 being asyncio's order; p1: switch at an operation;"
          + " dN: a value of Weft.choose; _: a choice left at its default; *N: the token repeated N"
          + " times; every-operation: replays under Preemption.EVERY_OPERATION";

  /**
   * What one page shows.
   *
   * @param title the test, e.g. {@code "dev.example.ShopTests#everyItemIsConsumed()"}
   * @param failure the failure's {@code toString()}, possibly multi-line (a deadlock report)
   * @param schedule the schedule's text, e.g. {@code "0 d1"} or {@code ""} (asyncio's order);
   *     {@code null} for a plain run
   * @param replay the line that replays it, e.g. {@code @Replay("0 d1")}; {@code null} if none
   * @param events the run's events in order (may be empty or large)
   */
  record Page(String title, String failure, String schedule, String replay, List<RunEvent> events) {
    Page {
      Objects.requireNonNull(title, "title");
      events = List.copyOf(events);
    }
  }

  private HtmlTimeline() {}

  /** Returns the page: a complete HTML5 document. */
  static String render(Page page) {
    TimelineModel model = TimelineModel.of(page.events());
    StringBuilder out = new StringBuilder(16_384 + 600 * Math.min(model.boxes.size(), 500));
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Weft timeline: ")
        .append(text(page.title()))
        .append("</title>\n<style>\n")
        .append(HtmlTimelineStyle.CSS)
        .append("</style>\n</head>\n<body>\n");
    summary(out, page, model);
    legend(out);
    timeline(out, model);
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static void summary(StringBuilder out, Page page, TimelineModel model) {
    int tasks = model.lanes.size();
    out.append("<section class=\"summary\">\n<h1>")
        .append(text(page.title()))
        .append("</h1>\n<p class=\"run\">Weft timeline of the failing run: ")
        .append(count(tasks, "task"))
        .append(", ")
        .append(counts(model.boxes))
        .append(model.end.isZero() ? ", all at virtual time 0s." : ", virtual time 0s to ")
        .append(model.end.isZero() ? "" : TimelineModel.format(model.end) + ".");
    if (model.boxes.size() > FIRST + LAST) {
      out.append(" Drawn: the first ")
          .append(FIRST)
          .append(" and the last ")
          .append(LAST)
          .append(" boxes, on each side of <a href=\"#gap\">the steps not shown</a>.");
    }
    out.append(" <span class=\"hover\">Hover a box for its full text.</span></p>\n")
        .append("<div class=\"facts\">\n<div class=\"fact\">\n<h2>Failure</h2>\n");
    if (page.failure() == null) {
      out.append("<p>(none given)</p>\n");
    } else {
      out.append("<pre class=\"failure\">").append(text(cut(page.failure(), FAILURE_CHARS)));
      if (page.failure().length() > FAILURE_CHARS) {
        out.append("\n\u2026 (")
            .append(page.failure().length() - FAILURE_CHARS)
            .append(" more characters)");
      }
      out.append("</pre>\n");
    }
    out.append("</div>\n<div class=\"fact\">\n<h2>Schedule</h2>\n");
    if (page.schedule() == null) {
      out.append("<p>None: a plain run, in asyncio's order.</p>\n");
    } else {
      out.append("<p><code class=\"schedule\">").append(text(page.schedule())).append("</code>");
      if (page.schedule().isEmpty()) {
        out.append(" (empty: asyncio's own order, and 0 from every Weft.choose)");
      }
      out.append("</p>\n<p class=\"hint\">").append(text(SCHEDULE_LEGEND)).append("</p>\n");
    }
    if (page.replay() != null) {
      out.append("<h2>Replay it</h2>\n<p><code class=\"replay\">")
          .append(text(page.replay()))
          .append("</code></p>\n");
    }
    out.append("</div>\n</div>\n</section>\n");
  }

  private static void legend(StringBuilder out) {
    out.append("<section class=\"legend\">\n")
        .append("<span><span class=\"box sample\">#n</span> the run's n-th step</span>\n")
        .append("<span><span class=\"box sample picked\"><b class=\"mark star\">\u2605</b>")
        .append(" picked</span> run out of asyncio's order</span>\n")
        .append("<span><span class=\"box sample switched\"><b class=\"mark swap\">\u21c4</b>")
        .append(" switched</span> out at an operation</span>\n")
        .append("<span><span class=\"box sample failed\">FAILED</span> the failing step</span>\n")
        .append("<span><span class=\"box sample blocked\">never resumed</span>")
        .append(" waiting when the run ended (a deadlock: forever)</span>\n")
        .append("<span><span class=\"time sample\">0.5s</span> virtual time advanced</span>\n")
        .append("</section>\n");
  }

  private static void timeline(StringBuilder out, TimelineModel model) {
    List<Box> boxes = model.boxes;
    int hidden = boxes.size() > FIRST + LAST ? boxes.size() - FIRST - LAST : 0;
    List<Box> shown =
        new ArrayList<>(boxes.subList(0, boxes.size() - hidden - (hidden > 0 ? LAST : 0)));
    int gapColumn = -1;
    if (hidden > 0) {
      gapColumn = 2 + FIRST;
      shown.addAll(boxes.subList(boxes.size() - LAST, boxes.size()));
    }
    Map<Box, Integer> columns = new IdentityHashMap<>();
    Map<Lane, List<Box>> byLane = new IdentityHashMap<>();
    for (int i = 0; i < shown.size(); i++) {
      Box box = shown.get(i);
      columns.put(box, 2 + i + (hidden > 0 && i >= FIRST ? 1 : 0));
      byLane.computeIfAbsent(box.lane, lane -> new ArrayList<>()).add(box);
    }
    List<Lane> lanes = new ArrayList<>();
    List<String> left = new ArrayList<>();
    int empty = 0;
    for (Lane lane : model.lanesInOrder()) {
      if (byLane.containsKey(lane) || ++empty <= EMPTY_LANES) {
        lanes.add(lane);
      } else {
        left.add(lane.name);
      }
    }
    int rows = 1 + lanes.size();
    StringBuilder template = new StringBuilder("var(--name)");
    if (hidden > 0) {
      template.append(" repeat(").append(FIRST).append(", var(--col)) var(--gap) repeat(");
      template.append(LAST).append(", var(--col))");
    } else if (!shown.isEmpty()) {
      template.append(" repeat(").append(shown.size()).append(", var(--col))");
    }
    out.append("<section class=\"timeline\">\n<div class=\"scroll\">\n<div class=\"grid\" style=\"")
        .append("grid-template-columns:")
        .append(template)
        .append(";grid-template-rows:repeat(")
        .append(rows)
        .append(",auto)\">\n<div class=\"axis\">\n")
        .append("<div class=\"name\" style=\"grid-row:1;grid-column:1\">virtual time</div>\n");
    String last = null;
    for (Box box : shown) {
      String time = TimelineModel.format(box.time);
      if (!time.equals(last)) {
        int column = columns.get(box);
        out.append("<div class=\"time\" data-time=\"")
            .append(time)
            .append("\" style=\"grid-row:1;grid-column:")
            .append(column)
            .append("\">")
            .append(time)
            .append("</div>\n");
        if (last != null) {
          out.append("<div class=\"advance\" style=\"grid-row:2/")
              .append(rows + 1)
              .append(";grid-column:")
              .append(column)
              .append("\"></div>\n");
        }
        last = time;
      }
    }
    out.append("</div>\n");
    if (hidden > 0) {
      out.append("<div class=\"gap\" id=\"gap\" style=\"grid-row:1/")
          .append(rows + 1)
          .append(";grid-column:")
          .append(gapColumn)
          .append("\">\u2026 ")
          .append(text(counts(boxes.subList(FIRST, boxes.size() - LAST))))
          .append(" not shown \u2026</div>\n");
    }
    for (int i = 0; i < lanes.size(); i++) {
      lane(out, lanes.get(i), 2 + i, byLane.getOrDefault(lanes.get(i), List.of()), columns);
    }
    out.append("</div>\n</div>\n");
    if (!left.isEmpty()) {
      out.append("<p class=\"hint\">")
          .append(count(left.size(), "more task"))
          .append(" with no step shown: ")
          .append(text(String.join(", ", left.subList(0, Math.min(20, left.size())))))
          .append(left.size() > 20 ? ", \u2026" : "")
          .append("</p>\n");
    }
    if (shown.isEmpty()) {
      out.append("<p class=\"hint\">No step was recorded.</p>\n");
    }
    out.append("</section>\n");
  }

  private static void lane(
      StringBuilder out, Lane lane, int row, List<Box> boxes, Map<Box, Integer> columns) {
    String status = lane.failed ? " failed" : lane.blocked ? " blocked" : "";
    out.append("<div class=\"lane")
        .append(row % 2 == 0 ? " even" : "")
        .append(status)
        .append("\" data-task=\"")
        .append(attribute(lane.name))
        .append("\">\n<div class=\"band\" style=\"grid-row:")
        .append(row)
        .append("\"></div>\n<div class=\"name\" style=\"grid-row:")
        .append(row)
        .append(";grid-column:1\" title=\"")
        .append(attribute(cut(lane.name, TITLE_CHARS)))
        .append("\">")
        .append(text(cut(lane.name, LINE_CHARS)));
    if (lane.failed) {
      out.append("<span class=\"tag\">failed</span>");
    } else if (lane.blocked) {
      out.append("<span class=\"tag\">never resumed</span>");
    }
    out.append("</div>\n");
    for (Box box : boxes) {
      box(out, box, row, columns.get(box));
    }
    out.append("</div>\n");
  }

  private static void box(StringBuilder out, Box box, int row, int column) {
    String time = TimelineModel.format(box.time);
    String kind =
        box.kind == BoxKind.STEP ? "step" : box.kind == BoxKind.CALLBACK ? "callback" : "note";
    out.append("<div class=\"box ").append(kind);
    flag(out, box.picked, "picked");
    flag(out, box.switched, "switched");
    flag(out, box.failed, "failed");
    flag(out, box.blocked, "blocked");
    flag(out, box.unwound, "unwound");
    out.append('"');
    if (box.kind == BoxKind.STEP) {
      out.append(" data-step=\"").append(box.step).append('"');
    }
    out.append(" data-time=\"")
        .append(time)
        .append("\" style=\"grid-row:")
        .append(row)
        .append(";grid-column:")
        .append(column)
        .append("\" title=\"")
        .append(attribute(title(box, time)))
        .append("\">\n<div class=\"head\">");
    if (box.kind == BoxKind.STEP) {
      out.append("<b>#").append(box.step).append("</b>");
    } else if (box.kind == BoxKind.CALLBACK) {
      out.append("callback");
    }
    if (box.picked) {
      out.append(" <b class=\"mark star\">\u2605 picked</b>");
    }
    out.append("</div>\n");
    if (box.kind == BoxKind.CALLBACK) {
      ending(out, box); // what the callback is, then what it did
    }
    int lines = Math.min(box.lines.size(), BOX_LINES);
    for (int i = 0; i < lines; i++) {
      Line line = box.lines.get(i);
      out.append("<div class=\"op\">").append(text(cut(line.verb(), LINE_CHARS)));
      if (!line.object().isEmpty()) {
        out.append(" <span class=\"item\">").append(text(cut(line.object(), LINE_CHARS)));
        out.append("</span>");
      }
      out.append("</div>\n");
    }
    if (box.lines.size() > lines) {
      out.append("<div class=\"op more\">\u2026 ")
          .append(box.lines.size() - lines)
          .append(" more</div>\n");
    }
    if (box.kind != BoxKind.CALLBACK) {
      ending(out, box);
    }
    out.append("</div>\n");
  }

  private static void ending(StringBuilder out, Box box) {
    out.append("<div class=\"end\">");
    if (box.switched) {
      out.append("<b class=\"mark swap\">\u21c4</b> ");
    }
    out.append(text(cut(firstLine(box.brief), LINE_CHARS * 2)));
    if (box.blocked) {
      out.append("<div class=\"tag\">never resumed</div>");
    }
    out.append("</div>\n");
  }

  /** The full text of a box, for its title attribute. */
  private static String title(Box box, String time) {
    StringBuilder title = new StringBuilder();
    if (box.kind == BoxKind.STEP) {
      title.append('#').append(box.step).append(' ');
    }
    title.append(box.lane.name).append(" at ").append(time);
    if (box.picked) {
      title.append(", ").append(box.pickText).append(" (out of asyncio's order)");
    }
    int lines = Math.min(box.lines.size(), TITLE_LINES);
    for (int i = 0; i < lines; i++) {
      title.append('\n').append(box.lines.get(i).text());
    }
    if (box.lines.size() > lines) {
      title.append("\n\u2026 ").append(box.lines.size() - lines).append(" more");
    }
    title.append('\n').append(box.ending);
    if (box.blocked) {
      title.append("\nnever resumed: still waiting when the run ended");
    }
    return cut(title.toString(), TITLE_CHARS);
  }

  private static void flag(StringBuilder out, boolean set, String name) {
    if (set) {
      out.append(' ').append(name);
    }
  }

  /** How many steps, callbacks and other task ends some boxes are: "12 steps, 3 callbacks". */
  private static String counts(List<Box> boxes) {
    long steps = 0;
    long callbacks = 0;
    for (Box box : boxes) {
      steps += box.kind == BoxKind.STEP ? 1 : 0;
      callbacks += box.kind == BoxKind.CALLBACK ? 1 : 0;
    }
    long others = boxes.size() - steps - callbacks;
    return count(steps, "step")
        + (callbacks > 0 ? ", " + count(callbacks, "callback") : "")
        + (others > 0 ? ", " + count(others, "other task end") : "");
  }

  private static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
  }
}
