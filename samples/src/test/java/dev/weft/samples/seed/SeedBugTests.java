package dev.weft.samples.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.DeadlockException;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import dev.weft.junit.ProducerConsumer;
import dev.weft.junit.ProducerConsumer.Shutdown;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The seed's bug, found: each {@code @Explore} below is run through the Jupiter engine and must
 * fail, so a green build shows the bug being found, shrunk and reported (semantics §4.2).
 *
 * <p>With 1 to 3 items per producer drawn by {@code Weft.choose}, the first try already fails, and
 * the shrinker brings it down to asyncio's own order with one item each; the report reads:
 *
 * <pre>
 * Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0).
 *
 * Failure:
 *   java.lang.AssertionError: processed [] but the producers made [A0, B0]
 *
 * Minimal schedule (0 choices, shrunk from 9 in 1 replay):
 *   ""  (empty: asyncio's own order, and 0 from every Weft.choose)
 *
 * Replay it:
 *   &#64;Replay("")
 *   Put this line on SeedBugTestCase#everyItemIsProcessed() to run exactly this schedule, once.
 *
 * Timeline of the minimal run (one row per task; #n is the run's n-th step,
 * * a step picked out of asyncio's order):
 *   main  #1 &#64;0s choose(3) returned 0; choose(3) returned 0; put DONE; put DONE; waits in put on queue 'items' (full, 2/2)
 *         #7 put DONE; waits in gather(A, B, C0, C1, C2), waiting for A
 *         #11 FAILED: java.lang.AssertionError: processed [] but the producers made [A0, B0]
 *   A     #2 &#64;0s waits in put on queue 'items' (full, 2/2) | #8 put A0; returned
 *   B     #3 &#64;0s waits in put on queue 'items' (full, 2/2) | #10 put B0; returned
 *   C0    #4 &#64;0s got DONE; returned
 *   C1    #5 &#64;0s got DONE; returned
 *   C2    #6 &#64;0s waits in get on queue 'items' (empty, 0/2) | #9 got DONE; returned
 *
 * Replayed twice more, with identical traces.
 * </pre>
 *
 * <p>One item each fits in the queue of two, so the run returns and the items are lost. With the
 * seed's own counts (3 and 2) the producers fill the queue after the consumers have gone, and the
 * failure is a {@link DeadlockException} instead: random tries 1 to 4 pass, try 5 deadlocks, and it
 * shrinks to asyncio's own order ({@code ""}). The fixture {@link ProducerConsumer} (3 to 7 items
 * each) deadlocks on try 1, also shrunk to {@code ""}.
 */
class SeedBugTests {
  @TempDir Path folder;

  static class SeedBugTestCase {
    @Explore(tries = 1000)
    void everyItemIsProcessed() {
      SeedProgram program = SeedProgram.of(1 + Weft.choose(3), 1 + Weft.choose(3), 2);
      List<String> processed = program.skipProducerAwait();
      if (processed.size() != program.items().size()) {
        // one line, so that the report's timeline stays readable (AssertJ's messages span lines)
        throw new AssertionError(
            "processed " + processed + " but the producers made " + program.items());
      }
    }
  }

  @Test
  void exploringTheBugLosesItemsInAsyncioOrderWithOneItemEach() {
    EngineExecutionResults results = ExploreKit.run(SeedBugTestCase.class, folder);
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable failure = ExploreKit.failureOf(results);
    assertThat(failure).isExactlyInstanceOf(AssertionError.class);
    assertThat(failure.getCause())
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessage("processed [] but the producers made [A0, B0]");
    assertThat(ExploreKit.entries(results))
        .containsExactly(
            Map.entry("weft.tries", "1"),
            Map.entry("weft.seed", "0"),
            Map.entry("weft.strategy", "Strategy.random()"),
            Map.entry("weft.minimalSchedule", "\"\""));
    assertThat(failure.getMessage())
        .startsWith(
            """
            Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0).

            Failure:
              java.lang.AssertionError: processed [] but the producers made [A0, B0]

            Minimal schedule (0 choices, shrunk from 9 in 1 replay):
              ""  (empty: asyncio's own order, and 0 from every Weft.choose)

            Replay it:
              @Replay("")
              Put this line on SeedBugTestCase#everyItemIsProcessed() to run exactly this \
            schedule, once.

            Timeline of the minimal run (one row per task; #n is the run's n-th step,
            * a step picked out of asyncio's order):
              main  #1 @0s choose(3) returned 0; choose(3) returned 0; put DONE; put DONE; \
            waits in put on queue 'items' (full, 2/2)
                    #7 put DONE; waits in gather(A, B, C0, C1, C2), waiting for A
                    #11 FAILED: java.lang.AssertionError: processed [] but the producers made \
            [A0, B0]
              A     #2 @0s waits in put on queue 'items' (full, 2/2) | #8 put A0; returned
              B     #3 @0s waits in put on queue 'items' (full, 2/2) | #10 put B0; returned
              C0    #4 @0s got DONE; returned
              C1    #5 @0s got DONE; returned
              C2    #6 @0s waits in get on queue 'items' (empty, 0/2) | #9 got DONE; returned

            Replayed twice more, with identical traces.

            Timeline as HTML:\s""");
  }

  static class SeedCountsTestCase {
    @Explore(tries = 1000)
    void everyItemIsProcessed() {
      SeedProgram.SEED.skipProducerAwait();
    }
  }

  @Test
  void withTheSeedsCountsTheBugDeadlocksInAsyncioOrder() {
    EngineExecutionResults results = ExploreKit.run(SeedCountsTestCase.class, folder);
    Throwable failure = ExploreKit.failureOf(results);
    assertThat(failure.getCause())
        .isExactlyInstanceOf(DeadlockException.class)
        .hasMessageContaining("main  blocked in gather(A, B, C0, C1, C2), waiting for A");
    // random tries 1 to 4 happen to pass: the bug depends on the schedule, not only on the counts
    assertThat(failure.getMessage())
        .startsWith("Weft found a failing schedule on try 5 of 1000 (Strategy.random(), seed 0).")
        .contains("Minimal schedule (0 choices, shrunk from 6 in 0 replays):");
    assertThat(ExploreKit.entries(results)).containsEntry("weft.minimalSchedule", "\"\"");
  }

  static class FixtureBugTestCase {
    @Explore(tries = 1000)
    void everyItemIsConsumed(ProducerConsumer program) {
      assertThat(program.shutdown(Shutdown.SKIP_PRODUCER_AWAIT).run().lost()).isEmpty();
    }
  }

  @Test
  void theFixtureFindsTheSameBugAsADeadlock() {
    EngineExecutionResults results = ExploreKit.run(FixtureBugTestCase.class, folder);
    Throwable failure = ExploreKit.failureOf(results);
    assertThat(failure.getCause())
        .isExactlyInstanceOf(DeadlockException.class)
        .hasMessageContaining("main  blocked in gather(P0, P1, C0, C1, C2), waiting for P0")
        .hasMessageContaining("P0    blocked in put on queue 'items' (full, 2/2)");
    assertThat(failure.getMessage())
        .startsWith("Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0).")
        .contains("Minimal schedule (0 choices, shrunk from 10 in 1 replay):");
    assertThat(ExploreKit.entries(results)).containsEntry("weft.minimalSchedule", "\"\"");
  }
}
