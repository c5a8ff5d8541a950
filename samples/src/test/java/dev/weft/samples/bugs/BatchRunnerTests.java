package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.DeadlockException;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pattern 5: a batch of three jobs, any of which may be blank (a data choice of the schedule). */
class BatchRunnerTests {
  /** A handler one round trip away. */
  static final BatchRunner.Handler HANDLER = job -> Weft.yieldNow();

  static void aBatchWithSomeBlankJobs(Function<BatchRunner.Handler, BatchRunner> runners) {
    List<String> jobs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      boolean blank = Weft.choose(2) == 1; // d1: this job is blank
      jobs.add(blank ? " " : "job-" + i);
      if (!blank) {
        expected.add("job-" + i);
      }
    }
    assertThat(runners.apply(HANDLER).runAll(jobs)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Explore(tries = 500)
  void theFixedRunnerFinishesEveryBatch() {
    aBatchWithSomeBlankJobs(BatchRunner.Fixed::new);
  }

  static class BuggyRunnerTestCase {
    @Explore(tries = 500)
    void everyBatchFinishes() {
      aBatchWithSomeBlankJobs(BatchRunner.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyRunnerFindsTheJoinThatNeverReturns() {
    Hunt.Found found = Hunt.failureOf(BuggyRunnerTestCase.class);
    assertThat(found.cause()).isExactlyInstanceOf(DeadlockException.class);
    assertThat(found.cause().getMessage())
        .contains(
            "  main      blocked in join on queue 'jobs' (1 put not yet marked taskDone, 0 items in"
                + " the queue)\n"
                + "  worker-0  blocked in get on queue 'jobs' (empty)\n"
                + "  worker-1  blocked in get on queue 'jobs' (empty)\n");
    // one data choice: the first job is blank
    assertThat(found.minimalSchedule()).isEqualTo("d1");
    assertThat(found.tries()).isEqualTo(1);
  }
}
