package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.DeadlockException;
import java.nio.file.Path;
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
