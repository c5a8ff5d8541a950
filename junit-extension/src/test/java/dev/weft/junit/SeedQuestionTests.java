package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.DeadlockException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The seed's question, answered through the annotations: why must the producers be awaited before
 * the stop signals are queued? Because otherwise the program deadlocks or loses items, and Weft
 * finds both; awaiting them first is correct in every schedule.
 */
class SeedQuestionTests {
  @TempDir Path folder;

  static class StopSignalsFirstTestCase {
    @Explore
    void nothingIsLost(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).run();
      assertThat(result.lost()).as("lost items").isEmpty();
    }
  }

  @Test
  void queueingTheStopSignalsFirstDeadlocksInAsynciosOwnOrder() {
    EngineExecutionResults results = Kit.in(folder).run(StopSignalsFirstTestCase.class);
    Throwable failure = Kit.failureOf(results);
    assertThat(failure.getCause())
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining("P0    blocked in put on queue 'items' (full, 2/2)");
    assertThat(Kit.entries(results)).containsEntry("weft.minimalSchedule", "\"\"");
    assertThat(failure.getMessage()).contains("Replay it:\n  @Replay(\"\")\n");
  }

  static class UnboundedQueueTestCase {
    @Explore
    void nothingIsLost(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).capacity(0).run();
      assertThat(result.lost()).as("lost items").isEmpty();
    }
  }

  @Test
  void withAQueueThatNeverFillsTheSameMistakeLosesItemsInstead() {
    EngineExecutionResults results = Kit.in(folder).run(UnboundedQueueTestCase.class);
    Throwable failure = Kit.failureOf(results);
    assertThat(failure.getCause())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[lost items]");
    Map<String, String> entries = Kit.entries(results);
    // asyncio's own order: the consumers take the stop signals before any item, and end
    assertThat(entries.get("weft.minimalSchedule")).isEqualTo("\"\"");
  }

  static class EveryFailureTestCase {
    @Explore(everyFailure = true, tries = 200)
    void nothingIsLost(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).run();
      assertThat(result.lost()).as("lost items").isEmpty();
    }
  }

  @Test
  void oneExplorationSaysHowOftenTheMistakeDeadlocksAndHowOftenItLosesItems() throws Exception {
    Kit kit = Kit.in(folder);
    EngineExecutionResults results = kit.run(EveryFailureTestCase.class);
    Throwable failure = Kit.failureOf(results);
    // The summary: one line per distinct failure (three deadlocks, by their blocked tasks, and the
    // lost items), with its share of the 200 tries and its own @Replay line.
    String message = failure.getMessage();
    // docs/guide.md ("Every distinct failure") quotes this summary.
    assertThat(message)
        .startsWith(
            "Weft found 4 distinct failures in 200 tries (Strategy.random(), seed 0):\n"
                + "  1. deadlock of main, P0, P1: 88 tries (44%), @Replay(\"\")\n"
                + "  2. deadlock of main, P0: 33 tries (16.5%), @Replay(\"_*2 2:C0 1:P1\")\n"
                + "  3. deadlock of main, P1: 36 tries (18%), @Replay(\"_*2 2:C0\")\n"
                + "  4. AssertionError thrown by main: 23 tries (11.5%), @Replay(\"_*6 1:P0\")\n"
                + "  Passed: 20 tries (10%).\n");
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile(
                "\n  \\d\\. (deadlock of [^:]+|AssertionError thrown by main): (\\d+) tries"
                    + " \\([\\d.]+%\\), @Replay\\(\"([^\"]*)\"\\)")
            .matcher(message.substring(0, message.indexOf("\n\n")));
    int deadlocks = 0;
    int losses = 0;
    List<String> schedules = new ArrayList<>();
    while (line.find()) {
      int tries = Integer.parseInt(line.group(2));
      if (line.group(1).startsWith("deadlock")) {
        deadlocks += tries;
      } else {
        losses += tries;
      }
      schedules.add("\"" + line.group(3) + "\"");
    }
    java.util.regex.Matcher passed =
        java.util.regex.Pattern.compile("\n  Passed: (\\d+) tries? \\(").matcher(message);
    assertThat(passed.find()).isTrue();
    assertThat(schedules).hasSize(4).first().isEqualTo("\"\"");
    assertThat(deadlocks).isPositive();
    assertThat(losses).isPositive();
    assertThat(deadlocks + losses + Integer.parseInt(passed.group(1))).isEqualTo(200);
    assertThat(message)
        .contains("\n=== Failure 1 of 4 ===\n")
        .contains("\n=== Failure 4 of 4 ===\n")
        .contains("Replay it:\n  @Replay(" + schedules.get(3) + ")\n");
    assertThat(failure.getCause()).isInstanceOf(DeadlockException.class);
    // Each distinct failure has its own timeline page, named at the end of the report.
    List<Path> pages = Kit.files(results);
    assertThat(pages)
        .extracting(page -> page.getFileName().toString())
        .containsExactly(
            "weft-timeline.html",
            "weft-timeline-2.html",
            "weft-timeline-3.html",
            "weft-timeline-4.html");
    assertThat(message)
        .endsWith(
            "\nTimelines as HTML:\n"
                + "  failure 1: "
                + pages.get(0).toAbsolutePath()
                + "\n  failure 2: "
                + pages.get(1).toAbsolutePath()
                + "\n  failure 3: "
                + pages.get(2).toAbsolutePath()
                + "\n  failure 4: "
                + pages.get(3).toAbsolutePath()
                + "\n");
    assertThat(java.nio.file.Files.readString(pages.get(3))).contains("AssertionError");
    assertThat(java.nio.file.Files.readString(pages.get(0))).contains("DeadlockException");
    // Both minimal schedules are kept in the failure database, and replayed first next time.
    Path file =
        kit.database()
            .resolve(EveryFailureTestCase.class.getName())
            .resolve("nothingIsLost(dev.weft.junit.ProducerConsumer).txt");
    assertThat(java.nio.file.Files.readAllLines(file))
        .filteredOn(kept -> kept.startsWith("\""))
        .containsExactlyElementsOf(schedules);
  }

  static class ReplayedLossTestCase {
    @WeftTest
    @Replay("d0*2 0*4 1:P0")
    void theScheduleThatLosesTwoItems(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).run();
      assertThat(result.lost()).containsExactly("P1-2", "P0-2");
      assertThat(result.consumed()).containsExactly("P0-0", "P0-1", "P1-0", "P1-1");
    }
  }

  @Test
  void withTheSeedsOwnQueueOneScheduleFinishesHavingLostTwoItems() {
    Kit.in(folder)
        .run(ReplayedLossTestCase.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1));
  }

  static class AwaitProducersTestCase {
    @Explore(tries = 2_000)
    void nothingIsLost(ProducerConsumer program) {
      ProducerConsumer.Result result = program.run();
      assertThat(result.lost()).isEmpty();
      assertThat(result.consumed()).containsExactlyInAnyOrderElementsOf(result.produced());
    }

    @Explore(strategy = "exhaustive(8)", tries = 100_000)
    void nothingIsLostInAnyScheduleOfASmallProgram(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.producers(2).items(1, 2).consumers(2).capacity(1).run();
      assertThat(result.lost()).isEmpty();
    }
  }

  @Test
  void awaitingTheProducersFirstIsCorrectInEveryScheduleTried() {
    EngineExecutionResults results = Kit.in(folder).run(AwaitProducersTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    assertThat(
            results.allEvents().reportingEntryPublished().stream()
                .map(
                    event ->
                        event.getPayload(org.junit.platform.engine.reporting.ReportEntry.class))
                .flatMap(java.util.Optional::stream)
                .map(entry -> entry.getKeyValuePairs())
                .filter(pairs -> "Strategy.exhaustive(8)".equals(pairs.get("weft.strategy"))))
        .singleElement()
        .satisfies(
            pairs -> {
              assertThat(pairs).containsEntry("weft.exhausted", "true");
              assertThat(pairs).containsEntry("weft.tries", "1552");
            });
  }
}
