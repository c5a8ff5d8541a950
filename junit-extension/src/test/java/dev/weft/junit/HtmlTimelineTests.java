package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Lock;
import dev.weft.Preemption;
import dev.weft.Queue;
import dev.weft.RunEvent;
import dev.weft.RunEvent.Kind;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.explore.Counterexample;
import dev.weft.explore.Explorer;
import dev.weft.explore.Timeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML timeline of a failing run: its structure, read back with jsoup. */
class HtmlTimelineTests {

  // ---- events by hand ----

  private static RunEvent event(long millis, String task, Kind kind, RunEvent.Detail detail) {
    return new RunEvent(Duration.ofMillis(millis), task, kind, detail);
  }

  private static RunEvent spawned(String task) {
    return event(0, task, Kind.SPAWNED, RunEvent.NONE);
  }

  private static RunEvent ran(long millis, String task) {
    return event(millis, task, Kind.RAN, RunEvent.NONE);
  }

  private static RunEvent waits(long millis, String task, String operation, String text) {
    return event(millis, task, Kind.SUSPENDED, new RunEvent.Wait(operation, null, List.of(), text));
  }

  private static RunEvent returned(long millis, String task, String value) {
    return event(millis, task, Kind.COMPLETED, new RunEvent.Returned(value));
  }

  private static RunEvent failed(long millis, String task, String type, String message) {
    return event(
        millis, task, Kind.FAILED, new RunEvent.Failed(type, type + ": " + message, false));
  }

  private static RunEvent unwound(long millis, String task) {
    String type = "dev.weft.internal.RunAbortedError";
    return event(millis, task, Kind.FAILED, new RunEvent.Failed(type, type + ": ended", true));
  }

  private static RunEvent put(long millis, String task, String item) {
    return event(
        millis,
        task,
        Kind.OPERATION,
        new RunEvent.Operation("queue", "queue 'items'", "put", item));
  }

  private static RunEvent chose(String task, RunEvent.Choice.Point point, int chosen, int of) {
    return event(0, task, Kind.CHOSE, new RunEvent.Choice(point, chosen, of));
  }

  private static Document page(List<RunEvent> events) {
    return page(
        new HtmlTimeline.Page("Tests#run()", "java.lang.AssertionError: x", "", "", events));
  }

  private static Document page(HtmlTimeline.Page page) {
    return Jsoup.parse(HtmlTimeline.render(page));
  }

  private static List<String> lanes(Document page) {
    return page.select("div.lane").eachAttr("data-task");
  }

  private static Element step(Document page, int n) {
    Elements steps = page.select("div.step[data-step=" + n + "]");
    assertThat(steps).as("step #%s", n).hasSize(1);
    return steps.first();
  }

  private static Element lane(Document page, String task) {
    return page.select("div.lane").stream()
        .filter(lane -> lane.attr("data-task").equals(task))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no lane " + task + " in " + lanes(page)));
  }

  private static List<Integer> stepsOf(Document page, String task) {
    return lane(page, task).select("div.step").eachAttr("data-step").stream()
        .map(Integer::valueOf)
        .collect(Collectors.toList());
  }

  // ---- structure ----

  @Test
  void oneLanePerTaskInSpawnOrderWithoutACallbacksLaneWhenNoCallbackRan() {
    Document page =
        page(
            List.of(
                spawned("main"),
                ran(0, "main"),
                spawned("P1"),
                spawned("P0"),
                waits(0, "main", "gather", "gather(P1, P0), waiting for P1"),
                ran(0, "P0"),
                returned(0, "P0", "null"),
                ran(0, "P1"),
                returned(0, "P1", "null"),
                ran(0, "main"),
                failed(0, "main", "java.lang.AssertionError", "x")));

    assertThat(lanes(page)).containsExactly("main", "P1", "P0");
    assertThat(stepsOf(page, "main")).containsExactly(1, 4);
    assertThat(stepsOf(page, "P1")).containsExactly(3);
    assertThat(stepsOf(page, "P0")).containsExactly(2);
  }

  @Test
  void aStepShowsItsNumberWhatItDidAndHowItEndedWithTheFullTextInItsTitle() {
    Document page =
        page(
            List.of(
                spawned("main"),
                ran(0, "main"),
                put(0, "main", "A0"),
                event(
                    0,
                    "main",
                    Kind.OPERATION,
                    new RunEvent.Operation("lock", "lock 'm'", "acquire", null)),
                chose("main", RunEvent.Choice.Point.DATA, 1, 3),
                waits(0, "main", "put", "put on queue 'items' (full, 2/2)"),
                ran(0, "main"),
                event(
                    0,
                    "main",
                    Kind.OPERATION,
                    new RunEvent.Operation("queue", "queue 'items'", "get", "B1")),
                returned(0, "main", "[A0, B1]")));

    Element first = step(page, 1);
    assertThat(first.selectFirst(".head").text()).isEqualTo("#1");
    assertThat(first.select(".op").eachText())
        .containsExactly("put A0", "acquired lock 'm'", "choose(3) returned 1");
    assertThat(first.selectFirst(".end").text())
        .isEqualTo("waits in put on queue 'items' (full, 2/2)");
    assertThat(first.attr("title"))
        .isEqualTo(
            "#1 main at 0s\nput A0\nacquired lock 'm'\nchoose(3) returned 1\n"
                + "waits in put on queue 'items' (full, 2/2)");
    assertThat(first.attr("data-time")).isEqualTo("0s");
    Element second = step(page, 2);
    assertThat(second.select(".op").eachText()).containsExactly("got B1");
    assertThat(second.selectFirst(".end").text()).isEqualTo("returned [A0, B1]");
    assertThat(first.classNames()).doesNotContain("picked", "switched", "failed", "blocked");
  }

  @Test
  void stepsPickedOutOfAsyncioOrderAndSwitchesAtAnOperationAreMarked() {
    Document page =
        page(
            List.of(
                spawned("main"),
                ran(0, "main"),
                spawned("P0"),
                spawned("P1"),
                waits(0, "main", "gather", "gather(P0, P1), waiting for P0"),
                chose("P1", RunEvent.Choice.Point.TASK, 1, 2), // departs: P1 before P0
                ran(0, "P1"),
                chose("P1", RunEvent.Choice.Point.SWITCH, 1, 2),
                waits(0, "P1", "yieldNow", "yieldNow()"),
                chose("P0", RunEvent.Choice.Point.TASK, 0, 2), // asyncio's order
                ran(0, "P0"),
                returned(0, "P0", "null"),
                // An internal wake-up callback picked out of order: no step of a task is marked.
                chose("(callback)", RunEvent.Choice.Point.TASK, 1, 2),
                ran(0, "P1"),
                returned(0, "P1", "null"),
                ran(0, "main"),
                failed(0, "main", "java.lang.AssertionError", "x")));

    Element picked = step(page, 2);
    assertThat(picked.classNames()).contains("picked", "switched");
    assertThat(picked.selectFirst(".head").text()).isEqualTo("#2 \u2605 picked");
    assertThat(picked.selectFirst(".end").text()).isEqualTo("\u21c4 switched out at an operation");
    assertThat(picked.attr("title")).contains("picked 2 of 2 ready (out of asyncio's order)");
    assertThat(step(page, 3).classNames()).doesNotContain("picked", "switched");
    assertThat(step(page, 4).classNames()).doesNotContain("picked", "switched");
    assertThat(page.select("div.step.picked").eachAttr("data-step")).containsExactly("2");
    assertThat(lanes(page)).containsExactly("main", "P0", "P1");
  }

  @Test
  void theFailingStepIsHighlightedAndAnUnwoundTaskIsNotAFailure() {
    Document page =
        page(
            List.of(
                spawned("main"),
                ran(0, "main"),
                spawned("W"),
                waits(0, "main", "sleep", "sleep(1s), until 1s"),
                ran(0, "W"),
                waits(0, "W", "get", "get on queue 'q' (empty, 0/1)"),
                event(
                    1000,
                    "(callback)",
                    Kind.CALLBACK,
                    new RunEvent.Callback("sleep timer of Task 'main'")),
                ran(1000, "main"),
                failed(1000, "main", "java.lang.IllegalStateException", "boom\nsecond line"),
                ran(1000, "W"),
                unwound(1000, "W")));

    assertThat(page.select("div.step.failed").eachAttr("data-step")).containsExactly("3");
    Element failing = step(page, 3);
    assertThat(failing.selectFirst(".end").text())
        .isEqualTo("FAILED: IllegalStateException: boom \u2026");
    assertThat(failing.attr("title"))
        .endsWith("FAILED: java.lang.IllegalStateException: boom\nsecond line");
    assertThat(lane(page, "main").classNames()).contains("failed");
    // W's unwinding is neither a step box nor a failure; its wait at the end never resumed.
    assertThat(stepsOf(page, "W")).containsExactly(2);
    assertThat(lane(page, "W").classNames()).doesNotContain("failed");
    assertThat(step(page, 2).classNames()).contains("blocked").doesNotContain("failed");
    assertThat(page.select("div.step[data-step=4]")).isEmpty();
    // the callbacks' lane comes last, with the callback that ran
    assertThat(lanes(page)).containsExactly("main", "W", "(callbacks)");
    Element callback = lane(page, "(callbacks)").selectFirst("div.callback");
    assertThat(callback.text()).isEqualTo("callback sleep timer of Task 'main'");
    assertThat(callback.attr("data-time")).isEqualTo("1s");
    assertThat(callback.hasAttr("data-step")).isFalse();
  }

  @Test
  void aTaskCancelledBeforeItStartedHasANoteAndYieldsAreNotBlocked() {
    Document page =
        page(
            List.of(
                spawned("main"),
                ran(0, "main"),
                spawned("never"),
                spawned("spin"),
                waits(0, "main", "yieldNow", "yieldNow()"),
                event(
                    0,
                    "never",
                    Kind.CANCELLED,
                    new RunEvent.Cancelled(RunEvent.Cancelled.When.BEFORE_START)),
                ran(0, "spin"),
                waits(0, "spin", "yieldNow", "yieldNow()")));

    assertThat(lane(page, "never").select("div.note").text())
        .isEqualTo("cancelled before it started");
    assertThat(step(page, 2).selectFirst(".end").text()).isEqualTo("yields");
    assertThat(page.select("section.timeline").select(".blocked, .failed")).isEmpty();
  }

  // ---- escaping ----

  @Test
  void userTextIsEscapedEverywhere() {
    String evil = "<script>alert('x & \"y\"')</script>";
    List<RunEvent> events =
        List.of(
            spawned(evil),
            ran(0, evil),
            put(0, evil, evil),
            failed(0, evil, "java.lang.AssertionError", evil));
    String html =
        HtmlTimeline.render(
            new HtmlTimeline.Page(
                "Tests#" + evil, "java.lang.AssertionError: " + evil, evil, evil, events));

    assertThat(html).doesNotContain("<script").doesNotContain("</script>");
    Document page = Jsoup.parse(html);
    assertThat(page.select("script")).isEmpty();
    assertThat(page.title()).isEqualTo("Weft timeline: Tests#" + evil);
    assertThat(page.selectFirst("section.summary h1").text()).isEqualTo("Tests#" + evil);
    assertThat(page.selectFirst("pre.failure").wholeText())
        .isEqualTo("java.lang.AssertionError: " + evil);
    assertThat(page.selectFirst("code.schedule").text()).isEqualTo(evil);
    assertThat(page.selectFirst("code.replay").text()).isEqualTo(evil);
    assertThat(lanes(page)).containsExactly(evil);
    assertThat(lane(page, evil).selectFirst(".name").ownText()).isEqualTo(evil);
    assertThat(step(page, 1).selectFirst(".op").text()).isEqualTo("put " + evil);
    assertThat(step(page, 1).attr("title")).contains("put " + evil);
  }

  // ---- the summary ----

  @Test
  void theSummaryShowsTheTitleFailureScheduleAndReplayLine() {
    String failure = "dev.weft.DeadlockException: Deadlock at virtual time 0s\n  main  blocked";
    Document page =
        page(
            new HtmlTimeline.Page(
                "dev.example.ShopTests#everyItemIsConsumed()",
                failure,
                "0 d1",
                "@Replay(\"0 d1\")",
                List.of()));

    Element summary = page.selectFirst("section.summary");
    assertThat(summary.selectFirst("h1").text())
        .isEqualTo("dev.example.ShopTests#everyItemIsConsumed()");
    assertThat(summary.selectFirst("pre.failure").wholeText()).isEqualTo(failure);
    assertThat(summary.selectFirst("code.schedule").text()).isEqualTo("0 d1");
    assertThat(summary.text()).contains(HtmlTimeline.SCHEDULE_LEGEND);
    assertThat(summary.selectFirst("code.replay").text()).isEqualTo("@Replay(\"0 d1\")");
    assertThat(page.selectFirst("section.legend").text())
        .contains("picked", "switched", "FAILED", "never resumed", "virtual time advanced");
    assertThat(page.select("div.lane")).isEmpty();
    assertThat(page.text()).contains("No step was recorded.");
  }

  @Test
  void anEmptyScheduleIsAsynciosOrderAndAPlainRunHasNoScheduleOrReplayLine() {
    Document empty = page(new HtmlTimeline.Page("T", "x", "", "@Replay(\"\")", List.of()));
    assertThat(empty.selectFirst("code.schedule").text()).isEmpty();
    assertThat(empty.selectFirst("section.summary").text())
        .contains("(empty: asyncio's own order, and 0 from every Weft.choose)");

    Document plain = page(new HtmlTimeline.Page("T", "x", null, null, List.of()));
    assertThat(plain.select("code.schedule, code.replay")).isEmpty();
    assertThat(plain.selectFirst("section.summary").text()).contains("a plain run");
  }

  @Test
  void thePageIsSelfContainedUtf8Html5() {
    String html =
        HtmlTimeline.render(
            new HtmlTimeline.Page("T \u00e9\u2605", "x", "", null, List.of(spawned("m\u00fc"))));

    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    assertThat(html).contains("<meta charset=\"utf-8\">").contains("<style>");
    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("<script", "<link", "<img", "src=", "url(", "@import", "http:", "https:");
    assertThat(Jsoup.parse(html).selectFirst("h1").text()).isEqualTo("T \u00e9\u2605");
  }

  // ---- real runs ----

  @Test
  void theReadmeDeadlockFoundByTheExplorerShowsTheTasksThatNeverResumed() {
    Counterexample found =
        Explorer.explore(() -> ReadmeProgram.producerConsumer(true, 3, 2))
            .run()
            .counterexample()
            .orElseThrow();
    Document page =
        page(
            new HtmlTimeline.Page(
                "ReadmeExample#deadlock()",
                found.failure().toString(),
                found.minimal().toString(),
                "@Replay(\"" + found.minimal() + "\")",
                found.trace()));

    assertThat(lanes(page)).containsExactly("main", "A", "B", "C0", "C1", "C2");
    assertThat(page.selectFirst("pre.failure").text()).startsWith("dev.weft.DeadlockException");
    // main waits in gather, A and B in put on the full queue: each last step is blocked
    assertThat(page.select("div.step.blocked").eachAttr("data-step"))
        .containsExactly("7", "8", "10");
    assertThat(step(page, 7).text()).contains("waits in gather(A, B, C0, C1, C2)");
    assertThat(step(page, 8).text())
        .contains("put A0", "waits in put on queue 'items' (full, 2/2)");
    assertThat(page.select("div.lane.blocked").eachAttr("data-task"))
        .containsExactly("main", "A", "B");
    // the consumers took the stop signals and returned; Weft's unwinding is not a failure
    assertThat(step(page, 4).text()).contains("got DONE", "returned");
    assertThat(page.select("section.timeline .failed")).isEmpty();
    assertThat(page.select("div.step")).hasSize(10);
    assertThat(page.select("div.axis div.time").eachAttr("data-time")).containsExactly("0s");
    assertStepsMatchTheTextTimeline(page, found.trace());
  }

  @Test
  void theScreenshotProgramWritesThePageTheExtensionPublishesForTheSeedBug(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("page.html");
    TimelineScreenshot.main(new String[] {file.toString()});
    Document page = Jsoup.parse(Files.readString(file));

    assertThat(page.selectFirst("h1").text())
        .isEqualTo("ShopTests#everyItemIsConsumed(ProducerConsumer)");
    assertThat(page.selectFirst("code.replay").text()).isEqualTo("@Replay(\"\")");
    assertThat(lanes(page)).containsExactly("main", "P0", "P1", "C0", "C1", "C2");
    assertThat(page.select("div.step.blocked")).hasSize(3);
  }

  @Test
  void aFailingExplorationWithChoicesShowsItsValuesAndFailure() {
    Counterexample found =
        Explorer.explore(
                () -> {
                  int countA = 1 + Weft.choose(3);
                  int countB = 1 + Weft.choose(3);
                  List<String> processed = ReadmeProgram.producerConsumer(true, countA, countB);
                  if (processed.size() != countA + countB) {
                    throw new AssertionError("processed " + processed);
                  }
                })
            .run()
            .counterexample()
            .orElseThrow();
    Document page =
        page(
            new HtmlTimeline.Page(
                "T", found.failure().toString(), found.minimal().toString(), null, found.trace()));

    assertThat(step(page, 1).select(".op").eachText())
        .startsWith("choose(3) returned 0", "choose(3) returned 0");
    Elements failing = page.select("div.step.failed");
    assertThat(failing).hasSize(1);
    assertThat(failing.first().parent().attr("data-task")).isEqualTo("main");
    assertThat(failing.first().selectFirst(".end").text())
        .isEqualTo("FAILED: AssertionError: processed []");
    assertStepsMatchTheTextTimeline(page, found.trace());
  }

  @Test
  void aReplayedScheduleMarksItsPicksAndSwitchesAsTheTextTimelineDoes() {
    List<RunEvent> events = new ArrayList<>();
    Weft.run(
        RunOptions.defaults()
            .listener(events::add)
            .preemption(Preemption.EVERY_OPERATION)
            .replay(Schedule.parse("2 p0 p1")),
        () -> {
          Lock lock = new Lock("m");
          Queue<String> items = new Queue<>("items", 4);
          List<Task<Void>> tasks = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            String name = "P" + i;
            tasks.add(
                Weft.spawn(
                    name,
                    () -> {
                      lock.acquire();
                      items.put(name);
                      lock.release();
                    }));
          }
          Weft.gather(tasks);
        });
    Document page = page(events);
    String text = Timeline.of(events);

    List<Integer> picked = numbers(page.select("div.step.picked").eachAttr("data-step"));
    assertThat(picked).isNotEmpty().isEqualTo(matches(text, "#(\\d+)\\*"));
    List<Integer> switched = numbers(page.select("div.step.switched").eachAttr("data-step"));
    assertThat(switched).isNotEmpty().isEqualTo(matches(text, "#(\\d+)\\*? [^|#\\n]*switched out"));
    assertThat(page.select("div.step").eachText())
        .anyMatch(box -> box.contains("acquired lock 'm'"));
    assertStepsMatchTheTextTimeline(page, events);
  }

  @Test
  void virtualTimeIsLabelledWhereItAdvanced() {
    List<RunEvent> events = new ArrayList<>();
    Weft.run(
        RunOptions.defaults().listener(events::add),
        () -> {
          Task<Void> fast = Weft.spawn("fast", () -> Weft.sleep(Duration.ofMillis(500)));
          Task<Void> slow = Weft.spawn("slow", () -> Weft.sleep(Duration.ofSeconds(2)));
          Weft.gather(fast, slow);
        });
    Document page = page(events);

    assertThat(page.select("div.axis div.time").eachAttr("data-time"))
        .containsExactly("0s", "0.5s", "2s");
    assertThat(page.select("div.axis div.time").eachText()).containsExactly("0s", "0.5s", "2s");
    assertThat(page.select("div.advance")).hasSize(2);
    assertThat(lane(page, "fast").select("div.step").eachAttr("data-time"))
        .containsExactly("0s", "0.5s");
    assertThat(lane(page, "slow").select("div.step").eachAttr("data-time"))
        .containsExactly("0s", "2s");
    assertThat(lanes(page)).containsExactly("main", "fast", "slow", "(callbacks)");
    assertThat(lane(page, "(callbacks)").select("div.callback").eachText())
        .containsExactly(
            "callback sleep timer of Task 'fast'", "callback sleep timer of Task 'slow'");
    // each time label sits in the column of the first box at that time
    for (Element label : page.select("div.axis div.time")) {
      String column = column(label);
      Element first =
          page.select("div.box[data-time=" + label.attr("data-time") + "]").stream()
              .min((a, b) -> Integer.compare(number(column(a)), number(column(b))))
              .orElseThrow();
      assertThat(column(first)).isEqualTo(column);
    }
  }

  // ---- large runs ----

  @Test
  void aLongRunShowsItsFirstAndLastStepsAndSaysHowManyItLeftOut() {
    List<RunEvent> events = new ArrayList<>();
    events.add(spawned("main"));
    events.add(spawned("spin"));
    int steps = 50_000;
    for (int n = 1; n <= steps; n++) {
      String task = n % 2 == 1 ? "main" : "spin";
      events.add(ran(n, task));
      events.add(waits(n, task, "yieldNow", "yieldNow()"));
    }
    assertThat(events).hasSizeGreaterThan(100_000);

    String html = HtmlTimeline.render(new HtmlTimeline.Page("T", "x", "", null, events));
    Document page = Jsoup.parse(html);

    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(600_000);
    List<Integer> shown =
        page.select("div.step").eachAttr("data-step").stream()
            .map(Integer::valueOf)
            .sorted()
            .collect(Collectors.toList());
    assertThat(shown).hasSize(HtmlTimeline.FIRST + HtmlTimeline.LAST);
    assertThat(shown.subList(0, HtmlTimeline.FIRST)).first().isEqualTo(1);
    assertThat(shown.get(HtmlTimeline.FIRST - 1)).isEqualTo(HtmlTimeline.FIRST);
    assertThat(shown.get(HtmlTimeline.FIRST)).isEqualTo(steps - HtmlTimeline.LAST + 1);
    assertThat(shown).last().isEqualTo(steps);
    assertThat(page.select("div.gap").text()).isEqualTo("\u2026 49,500 steps not shown \u2026");
    // the gap sits between step #400 and the first of the last steps
    assertThat(number(column(page.selectFirst("div.gap"))))
        .isEqualTo(number(column(step(page, 400))) + 1)
        .isEqualTo(number(column(step(page, steps - HtmlTimeline.LAST + 1))) - 1);
    // time advanced every step: labelled in every column shown
    assertThat(page.select("div.axis div.time")).hasSize(HtmlTimeline.FIRST + HtmlTimeline.LAST);
  }

  @Test
  void aStepWithManyOperationsShowsTheFirstFewAndCounts() {
    List<RunEvent> events = new ArrayList<>();
    events.add(spawned("main"));
    events.add(ran(0, "main"));
    for (int i = 0; i < 1_000; i++) {
      events.add(put(0, "main", "item" + i));
    }
    events.add(returned(0, "main", "null"));
    Element box = step(page(events), 1);

    assertThat(box.select(".op")).hasSize(9);
    assertThat(box.select(".op").last().text()).isEqualTo("\u2026 992 more");
    assertThat(box.attr("title")).contains("put item99\n\u2026 900 more\nreturned");
  }

  @Test
  void theSameEventsGiveTheSameBytes() {
    List<List<RunEvent>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<RunEvent> events = new ArrayList<>();
      try {
        Weft.run(
            RunOptions.defaults().listener(events::add),
            () -> ReadmeProgram.producerConsumer(true, 3, 2));
      } catch (RuntimeException deadlock) {
        // the deadlock is the run we draw
      }
      runs.add(events);
    }

    String first = HtmlTimeline.render(new HtmlTimeline.Page("T", "x", null, null, runs.get(0)));
    String second = HtmlTimeline.render(new HtmlTimeline.Page("T", "x", null, null, runs.get(1)));
    assertThat(first).isEqualTo(second);
  }

  // ---- helpers ----

  private static final Pattern COLUMN = Pattern.compile("grid-column:(\\d+)");

  private static String column(Element element) {
    Matcher matcher = COLUMN.matcher(element.attr("style"));
    assertThat(matcher.find()).as("grid-column in %s", element.attr("style")).isTrue();
    return matcher.group(1);
  }

  private static List<Integer> numbers(List<String> texts) {
    return texts.stream().map(Integer::valueOf).sorted().collect(Collectors.toList());
  }

  /** The numbers that a pattern's first group matches in a text, sorted. */
  private static List<Integer> matches(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile(regex).matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return numbers(found);
  }

  private static int number(String text) {
    return Integer.parseInt(text);
  }

  /** The page and the report's text timeline number each task's steps alike. */
  private static void assertStepsMatchTheTextTimeline(Document page, List<RunEvent> events) {
    Map<String, List<Integer>> text = new TreeMap<>();
    String task = null;
    for (String line : Timeline.of(events).split("\n")) {
      if (!line.startsWith("   ")) {
        task = line.trim().split("\\s+")[0];
      }
      Matcher step = Pattern.compile("#(\\d+)").matcher(line);
      while (step.find()) {
        text.computeIfAbsent(task, t -> new ArrayList<>()).add(Integer.valueOf(step.group(1)));
      }
    }
    Map<String, List<Integer>> html = new TreeMap<>();
    for (String lane : lanes(page)) {
      List<Integer> steps = stepsOf(page, lane);
      if (!steps.isEmpty()) {
        html.put(lane, steps);
      }
    }
    assertThat(html).isEqualTo(text);
  }
}
