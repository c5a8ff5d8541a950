package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Preemption;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pattern 1, thread-style: a lost update that only preemption at every operation can find. */
class HitCounterTests {
  /** Three request handlers count a hit each, twice. */
  static void threeHandlersCountTwiceEach(HitCounter counter) {
    List<Task<Void>> handlers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      handlers.add(
          Weft.spawn(
              "handler-" + i,
              () -> {
                counter.hit();
                counter.hit();
              }));
    }
    Weft.gather(handlers);
    assertEquals(6, counter.hits(), "hits");
  }

  @Explore(tries = 1000, preemption = Preemption.EVERY_OPERATION)
  void theFixedCounterCountsEveryHit() {
    threeHandlersCountTwiceEach(new HitCounter.Fixed());
  }

  static class BuggyCounterTestCase {
    @Explore(tries = 1000, preemption = Preemption.EVERY_OPERATION)
    void everyHitCounts() {
      threeHandlersCountTwiceEach(new HitCounter.Buggy());
    }
  }

  @Test
  void exploringWithPreemptionAtEveryOperationFindsTheLostHit() {
    Hunt.Found found = Hunt.failureOf(BuggyCounterTestCase.class);
    assertThat(found.report()).contains("(Strategy.random(), seed 0, every operation).");
    assertThat(found.cause())
        .isInstanceOf(AssertionError.class)
        .hasMessage("hits ==> expected: <6> but was: <2>");
    assertThat(found.minimalSchedule()).isEqualTo("every-operation: _ p1");
    assertThat(found.tries()).isEqualTo(1);
  }

  static class CooperativeBuggyCounterTestCase {
    @Explore(tries = 100_000, strategy = "exhaustive(3)")
    void everyHitCounts() {
      threeHandlersCountTwiceEach(new HitCounter.Buggy());
    }
  }

  @Test
  void cooperativeExplorationCannotFindItBecauseNothingSuspendsBetweenReadAndWrite() {
    Map<String, String> entries = Hunt.successOf(CooperativeBuggyCounterTestCase.class);
    // every schedule with up to 3 picks out of asyncio's order was tried, and all passed
    assertThat(entries).containsEntry("weft.exhausted", "true").containsEntry("weft.tries", "32");
  }
}
