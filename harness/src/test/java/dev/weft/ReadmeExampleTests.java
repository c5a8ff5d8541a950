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
  void theExplorerReportsTheStopSignalsFirstBugAsTheReadmeShows() throws java.io.IOException {
    Counterexample found =
        Explorer.explore(() -> ReadmeExample.scenario(true)).run().counterexample().orElseThrow();

    assertThat(found.toString()).isEqualTo(readmeBlock("Weft found a failing schedule"));
  }

  /** The README's fenced block that starts with {@code firstLine}, as the README shows it. */
  private static String readmeBlock(String firstLine) throws java.io.IOException {
    java.nio.file.Path readme = java.nio.file.Path.of("..", "README.md");
    String text = java.nio.file.Files.readString(readme);
    int start = text.indexOf("```\n" + firstLine);
    assertThat(start).as("README block starting with " + firstLine).isNotNegative();
    int end = text.indexOf("```", start + 4);
    return text.substring(start + 4, end);
  }
}
