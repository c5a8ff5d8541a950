package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
