package dev.weft.junit;

import dev.weft.RunEvent;
import dev.weft.explore.Timeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Shows a failing run to the person who reads the test report: its timeline as text, attached to
 * the failure, and as an HTML page published as a file of the test.
 */
final class FailureReport {
  static final String HTML_FILE = "weft-timeline.html";
  private static final MediaType HTML = MediaType.create("text", "html", StandardCharsets.UTF_8);

  private FailureReport() {}

  /**
   * Publishes the run as an HTML page and returns where JUnit put it, or a sentence saying why it
   * could not; never throws, so that the test's own failure is what the report shows.
   */
  static String publishHtml(ExtensionContext context, HtmlTimeline.Page page) {
    return publishHtml(context, page, HTML_FILE);
  }

  /** Publishes {@code page} as the file {@code fileName}; returns its path, or why it could not. */
  static String publishHtml(ExtensionContext context, HtmlTimeline.Page page, String fileName) {
    Path[] written = new Path[1];
    try {
      context.publishFile(
          fileName,
          HTML,
          path -> {
            Files.writeString(path, HtmlTimeline.render(page), StandardCharsets.UTF_8);
            written[0] = path;
          });
    } catch (RuntimeException | LinkageError e) {
      return "(the HTML timeline could not be published: "
          + e
          + (e.getCause() == null ? "" : ", caused by " + e.getCause())
          + ")";
    }
    return written[0] == null ? "(not published)" : written[0].toAbsolutePath().toString();
  }

  /**
   * Publishes the page of a failing run of {@code settings}' test: {@code schedule} is the one it
   * ran (with the line that replays it), or {@code null} for asyncio's order without a replay.
   */
  static String publishHtml(
      ExtensionContext context,
      Settings settings,
      Throwable failure,
      String schedule,
      List<RunEvent> events) {
    return publishHtml(context, settings, failure, schedule, events, HTML_FILE);
  }

  /**
   * As {@link #publishHtml(ExtensionContext, Settings, Throwable, String, List)}, as {@code file}.
   */
  static String publishHtml(
      ExtensionContext context,
      Settings settings,
      Throwable failure,
      String schedule,
      List<RunEvent> events,
      String file) {
    return publishHtml(
        context,
        new HtmlTimeline.Page(
            settings.name(),
            String.valueOf(failure),
            schedule,
            schedule == null ? null : replayLine(schedule),
            events),
        file);
  }

  /**
   * The file of the timeline of distinct failure {@code number} (from 1) of an every-failure
   * exploration: {@code weft-timeline.html} for the first, as for every failing test, then {@code
   * weft-timeline-2.html} and on.
   */
  static String htmlFile(int number) {
    return number == 1 ? HTML_FILE : "weft-timeline-" + number + ".html";
  }

  /**
   * Attaches the timeline of a failing {@code Weft.run} to its failure as a suppressed note, and
   * publishes it as HTML.
   */
  static void attach(
      ExtensionContext context,
      Settings settings,
      Throwable failure,
      RunRecorder recorder,
      String schedule) {
    List<RunEvent> events = recorder.events();
    String html = publishHtml(context, settings, failure, schedule, events);
    String timeline;
    try {
      timeline = Timeline.of(events);
    } catch (RuntimeException e) { // never let the report hide the failure it reports
      timeline = "  (the timeline could not be drawn: " + e + ")\n";
    }
    StringBuilder note =
        new StringBuilder("Timeline of the run (one row per task; #n is the run's n-th step,\n")
            .append("* a step picked out of asyncio's order):\n")
            .append(timeline);
    if (recorder.dropped() > 0) {
      note.append("  (the first ")
          .append(RunRecorder.LIMIT)
          .append(" events only; ")
          .append(recorder.dropped())
          .append(" more were not recorded)\n");
    }
    note.append("As HTML: ").append(html);
    failure.addSuppressed(new RunTimeline(note.toString()));
  }

  /**
   * The annotation that replays {@code schedule}, as Java source: quotes and backslashes escaped.
   */
  static String replayLine(String schedule) {
    return "@Replay(\"" + schedule.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
  }
}
