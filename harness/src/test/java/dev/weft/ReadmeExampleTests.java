package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.explore.Counterexample;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import org.junit.jupiter.api.Test;

/** What the README shows is what Weft does. */
class ReadmeExampleTests {

  @Test
  void theCorrectProgramProcessesEveryItemInTheSameOrderEveryRun() {
    for (int run = 0; run < 3; run++) {
      assertThat(Weft.run(() -> ReadmeExample.producerConsumer(false)))
          .containsExactly("A0", "A1", "A2", "B0", "B1");
    }
  }

  @Test
  void queueingTheStopSignalsFirstDeadlocksWithTheReportTheReadmeShows() {
    assertThatThrownBy(() -> Weft.run(() -> ReadmeExample.producerConsumer(true)))
        .isInstanceOf(DeadlockException.class)
        .hasMessage(
            "Deadlock at virtual time 0s: no task can run and no timer is pending, but main has not"
                + " returned.\n"
                + "Blocked tasks (3), in creation order:\n"
                + "  main  blocked in gather(A, B, C0, C1, C2), waiting for A\n"
                + "  A     blocked in put on queue 'items' (full, 2/2)\n"
                + "  B     blocked in put on queue 'items' (full, 2/2)\n"
                + "Tasks already ended (3): C0, C1, C2.\n"
                + "Each waits for something that only another blocked task could provide.\n"
                + "The run is deterministic: running it again with the same options reproduces it exactly.");
  }

  @Test
  void theExplorerPassesTheCorrectProgram() {
    ExplorationResult result = Explorer.explore(() -> ReadmeExample.scenario(false)).run();

    assertThat(result.counterexample()).isEmpty();
    assertThat(result.tries()).isEqualTo(1000);
  }

  @Test
  void theExplorerReportsTheStopSignalsFirstBugAsTheReadmeShows() {
    Counterexample found =
        Explorer.explore(() -> ReadmeExample.scenario(true)).run().counterexample().orElseThrow();

    assertThat(found.toString())
        .startsWith(
            "Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0).\n"
                + "\n"
                + "Failure:\n"
                + "  java.lang.AssertionError: processed [] but the producers made 2 items\n"
                + "\n"
                + "Minimal schedule (0 choices, shrunk from 9 in 4 replays):\n"
                + "  \"\"  (empty: asyncio's own order, and 0 from every Weft.choose)\n"
                + "\n"
                + "Replay it:\n"
                + "  Weft.run(RunOptions.defaults().replay(Schedule.parse(\"\")), scenario);\n"
                + "\n"
                + "Timeline of the minimal run (one row per task; #n is the run's n-th step, * a step"
                + " picked out of asyncio's order):\n"
                + "  main  #1 @0s choose(3) returned 0; choose(3) returned 0; waits in put on queue"
                + " 'items' (full, 2/2)\n"
                + "        #7 waits in gather(A, B, C0, C1, C2), waiting for A\n"
                + "        #11 FAILED: java.lang.AssertionError: processed [] but the producers made 2"
                + " items\n"
                + "  A     #2 @0s waits in put on queue 'items' (full, 2/2) | #8 returned\n");
  }
}
