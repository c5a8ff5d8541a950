package dev.weft.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs {@link Demo#main} once, capturing standard output, and checks the story it tells. */
class DemoTests {
  private static List<String> lines;

  @BeforeAll
  static void runTheDemo() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Demo.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void eachPartHasItsHeadingInOrder() {
    assertThat(lines.stream().filter(line -> line.startsWith("== ")))
        .containsExactly(
            "== 1. The correct program (join the producers, then one stop signal per consumer):",
            "== 2. The bug (stop signals queued before the producers are joined): Weft's report",
            "== 3. The explorer searches its schedules, finds a failure, shrinks it, and reports:",
            "== 4. The replay line, run: it reproduces the failure");
  }

  @Test
  void theCorrectRunConsumesEveryItemAndPrintsItsTimeline() {
    assertThat(lines)
        .contains(
            "=> produced [P0-0, P0-1, P0-2, P1-0, P1-1, P1-2],"
                + " consumed [P0-0, P0-1, P0-2, P1-0, P1-1, P1-2], lost []");
    assertThat(lines)
        .contains(
            "  main  #1 @0s choose(5) returned 0; choose(5) returned 0;"
                + " waits in gather(P0, P1), waiting for P0");
  }

  @Test
  void theBuggyRunPrintsTheDeadlockReport() {
    int part =
        lines.indexOf(
            "== 2. The bug (stop signals queued before the producers are joined): Weft's report");
    assertThat(lines.subList(part + 1, part + 6))
        .containsExactly(
            "Deadlock at virtual time 0s: no task can run and no timer is pending, but main has not"
                + " returned.",
            "Blocked tasks (3), in creation order:",
            "  main  blocked in gather(P0, P1, C0, C1, C2), waiting for P0",
            "  P0    blocked in put on queue 'items' (full, 2/2)",
            "  P1    blocked in put on queue 'items' (full, 2/2)");
  }

  @Test
  void theExplorerReportsTheMinimalScheduleAndHowToReplayIt() {
    assertThat(lines)
        .contains(
            "Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0).",
            "Minimal schedule (0 choices, shrunk from 10 in 1 replay):",
            "  \"\"  (empty: asyncio's own order, and 0 from every Weft.choose)",
            "  Weft.run(RunOptions.defaults().replay(Schedule.parse(\"\")).maxSteps(100000),"
                + " scenario);",
            "Replayed twice more, with identical traces.");
  }

  @Test
  void theReplayReproducesTheFailure() {
    assertThat(lines.subList(lines.size() - 2, lines.size()))
        .containsExactly(
            "=> threw dev.weft.DeadlockException: Deadlock at virtual time 0s: no task can run and"
                + " no timer is pending, but main has not returned.",
            "=> the same failure, with the same message: reproduced");
  }
}
