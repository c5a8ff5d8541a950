package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.DeadlockException;
import dev.weft.Preemption;
import dev.weft.Task;
import dev.weft.Weft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @Explore}: one test node, many tries, a shrunk report that says how to replay. */
class ExploreTests {
  @TempDir Path folder;

  private EngineExecutionResults run(Class<?> testCase) {
    return Kit.in(folder).run(testCase);
  }

  static class CorrectProgramTestCase {
    @Explore(tries = 300)
    void awaitingTheProducersFirstLosesNothing(ProducerConsumer program) {
      ProducerConsumer.Result result = program.run();
      assertThat(result.lost()).isEmpty();
      assertThat(result.consumed()).containsExactlyInAnyOrderElementsOf(result.produced());
    }
  }

  @Test
  void aCorrectProgramPassesEveryTryAsOneTest() {
    EngineExecutionResults results = run(CorrectProgramTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    assertThat(Kit.entries(results))
        .containsExactly(
            Map.entry("weft.tries", "300"),
            Map.entry("weft.seed", "0"),
            Map.entry("weft.strategy", "Strategy.random()"));
  }

  static class SeedBugTestCase {
    @Explore(tries = 300)
    void queueingTheStopSignalsFirstLosesItemsOrDeadlocks(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).run();
      assertThat(result.lost()).isEmpty();
    }
  }

  @Test
  void theSeedBugIsFoundShrunkAndReportedWithTheLineThatReplaysIt() {
    EngineExecutionResults results = run(SeedBugTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable failure = Kit.failureOf(results);
    assertThat(failure).isExactlyInstanceOf(AssertionError.class);
    String minimal = Kit.entries(results).get("weft.minimalSchedule");
    assertThat(minimal).isNotNull();
    String schedule = minimal.equals("\"\"") ? "" : minimal;
    assertThat(failure.getMessage())
        .startsWith("Weft found a failing schedule on try ")
        .contains("(Strategy.random(), seed 0).")
        .contains("Minimal schedule (")
        .contains(
            "Replay it:\n  @Replay(\""
                + schedule
                + "\")\n  Put this line on"
                + " SeedBugTestCase#queueingTheStopSignalsFirstLosesItemsOrDeadlocks(ProducerConsumer)"
                + " to run exactly this schedule, once.")
        .contains("Timeline of the minimal run")
        .contains("Timeline as HTML: ");
    assertThat(failure.getCause()).isInstanceOfAny(AssertionError.class, DeadlockException.class);
    assertThat(Kit.files(results)).hasSize(1);
  }

  static class ReplayedSeedBugTestCase {
    @Explore
    @Replay("")
    void replaysOnce(ProducerConsumer program) {
      program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).run();
    }
  }

  @Test
  void replayOnAnExploreRunsThatOneScheduleAndReportsItsFailureAsThrown() {
    EngineExecutionResults results = run(ReplayedSeedBugTestCase.class);
    Throwable failure = Kit.failureOf(results);
    // asyncio's own order: the consumers take the stop signals first, the producers fill the queue
    assertThat(failure).isInstanceOf(DeadlockException.class);
    assertThat(failure.getSuppressed()[0].getMessage()).startsWith("Timeline of the run");
    assertThat(Kit.entries(results)).containsEntry("weft.tries", "1");
  }

  static class FreshPerTryTestCase {
    static final AtomicInteger beforeEach = new AtomicInteger();
    static final AtomicInteger afterEach = new AtomicInteger();
    static final AtomicInteger tries = new AtomicInteger();
    static final List<ProducerConsumer> programs = new ArrayList<>();

    @BeforeEach
    void before() {
      beforeEach.incrementAndGet();
    }

    @AfterEach
    void after() {
      afterEach.incrementAndGet();
    }

    @Explore(tries = 25)
    void eachTryIsAFreshInvocation(ProducerConsumer program) {
      tries.incrementAndGet();
      programs.add(program);
      assertEquals("main", Weft.current().name());
    }
  }

  @Test
  void eachTryInvokesTheMethodAfreshButBeforeAndAfterEachRunOnce() {
    run(FreshPerTryTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(FreshPerTryTestCase.tries).hasValue(25);
    assertThat(FreshPerTryTestCase.beforeEach).hasValue(1);
    assertThat(FreshPerTryTestCase.afterEach).hasValue(1);
    assertThat(FreshPerTryTestCase.programs)
        .hasSize(25)
        .allMatch(p -> p.equals(ProducerConsumer.seed()));
  }

  static class AssumptionTestCase {
    @Explore(tries = 40, strategy = "exhaustive(0)")
    void someTriesAreDiscarded() {
      int value = Weft.choose(4);
      Assumptions.assumeTrue(value != 2, "not two");
      assertTrue(value < 4);
    }

    @Explore(tries = 10)
    void everyTryIsDiscarded() {
      Assumptions.assumeTrue(false, "never");
    }
  }

  @Test
  void triesAbortedByAnAssumptionAreDiscardedAndAllDiscardedAbortsTheTest() {
    EngineExecutionResults results = run(AssumptionTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).aborted(1).failed(0));
    String reason =
        results.testEvents().aborted().stream()
            .findFirst()
            .orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
            .orElseThrow()
            .getMessage();
    assertThat(reason)
        .isEqualTo(
            "Weft: all 10 tries of AssumptionTestCase#everyTryIsDiscarded() were discarded by"
                + " assumptions, so nothing was checked. Loosen the assumption, or generate"
                + " values that meet it with Weft.choose.");
  }

  static class EveryFailureWithAssumptionTestCase {
    @Explore(tries = 40, strategy = "exhaustive(0)", everyFailure = true)
    void oneValueFailsOneIsDiscarded() {
      int value = Weft.choose(4);
      Assumptions.assumeTrue(value != 2, "not two");
      assertTrue(value != 3, "three");
    }
  }

  @Test
  void everyFailureSaysHowManyTriesWereDiscardedSoTheCountsAddUp() {
    Throwable failure = Kit.failureOf(run(EveryFailureWithAssumptionTestCase.class));
    assertThat(failure.getMessage())
        .startsWith(
            "Weft found 1 distinct failure in 4 tries (Strategy.exhaustive(0), seed 0):\n"
                + "  1. AssertionFailedError thrown by main: 1 try (33.3%), @Replay(\"d3\")\n"
                + "  Passed: 2 tries (66.7%).\n"
                + "  Discarded: 1 try, not counted in the shares.\n"
                + "  The bounded space was explored completely: these are all its failures.\n\n");
  }

  static class ExhaustiveTestCase {
    @Explore(strategy = "exhaustive(1)", tries = 100_000)
    void correctProgramInEverySchedule(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.producers(2).items(1, 1).consumers(2).capacity(1).run();
      assertThat(result.lost()).isEmpty();
    }
  }

  @Test
  void anExhaustiveExplorationSaysItSawEverySchedule() {
    EngineExecutionResults results = run(ExhaustiveTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    Map<String, String> entries = Kit.entries(results);
    assertThat(entries).containsEntry("weft.strategy", "Strategy.exhaustive(1)");
    assertThat(entries).containsEntry("weft.exhausted", "true");
    assertThat(Integer.parseInt(entries.get("weft.tries"))).isBetween(2, 99_999);
  }

  static class DeclaredExhaustiveTestCase {
    @Explore(strategy = "exhaustive(1, declared)", tries = 100_000)
    void correctProgramInEverySchedule(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.producers(2).items(1, 1).consumers(2).capacity(1).run();
      assertThat(result.lost()).isEmpty();
    }
  }

  static class DeclaredExhaustiveBugTestCase {
    @Explore(strategy = "exhaustive(1, declared)", tries = 100_000)
    void stopSignalsBeforeTheProducersAreAwaited(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).run();
      assertThat(result.lost()).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "exhaustive(k, declared) explores the fixture, which declares its shared lists, in fewer"
          + " schedules, and finds the seed's bug")
  void aDeclaredExhaustiveExplorationNeedsFewerSchedules() {
    EngineExecutionResults declared = run(DeclaredExhaustiveTestCase.class);
    declared.testEvents().assertStatistics(stats -> stats.succeeded(1));
    Map<String, String> entries = Kit.entries(declared);
    assertThat(entries)
        .containsEntry("weft.strategy", "Strategy.exhaustive(1, SharedState.DECLARED)")
        .containsEntry("weft.exhausted", "true");
    int full = Integer.parseInt(Kit.entries(run(ExhaustiveTestCase.class)).get("weft.tries"));
    assertThat(Integer.parseInt(entries.get("weft.tries"))).isLessThan(full);

    EngineExecutionResults bug = run(DeclaredExhaustiveBugTestCase.class);
    bug.testEvents().assertStatistics(stats -> stats.failed(1));
    assertThat(Kit.failureOf(bug)).hasMessageContaining("@Replay(");
  }

  static class LostUpdateTestCase {
    int counter;

    @Explore(tries = 200, preemption = Preemption.EVERY_OPERATION)
    void twoIncrementsAcrossACheckpoint() {
      counter = 0;
      Task<Void> a = Weft.spawn("A", this::increment);
      Task<Void> b = Weft.spawn("B", this::increment);
      Weft.gather(a, b);
      assertEquals(2, counter, "counter");
    }

    private void increment() {
      int read = counter;
      Weft.checkpoint();
      counter = read + 1;
    }
  }

  @Test
  void preemptionAtEveryOperationFindsALostUpdate() {
    Throwable failure = Kit.failureOf(run(LostUpdateTestCase.class));
    assertThat(failure.getMessage()).contains(", every operation).").contains("switched out");
    assertThat(failure.getCause()).hasMessageContaining("counter ==> expected: <2> but was: <1>");
  }
}
