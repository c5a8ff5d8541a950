package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the README shows is what Weft does. */
class ReadmeExampleTests {

  @Test
  void downloadsArriveInCompletionOrderAtTheirVirtualTimes() {
    assertThat(Weft.run(ReadmeExample::downloads))
        .containsExactly("file-1 at 1s", "file-2 at 2s", "file-3 at 3s");
  }

  @Test
  void theHandshakeDeadlocksWithTheReportTheReadmeShows() {
    assertThatThrownBy(() -> Weft.run(ReadmeExample::handshake))
        .isInstanceOf(DeadlockException.class)
        .hasMessage(
            "Deadlock at virtual time 0.25s: no task can run and no timer is pending, but main has not"
                + " returned.\n"
                + "Blocked tasks (3), in creation order:\n"
                + "  main    blocked in gather(client, server), waiting for client\n"
                + "  client  blocked in join(Promise 'pong')\n"
                + "  server  blocked in join(Promise 'ping')\n"
                + "Each waits for something that only another blocked task could provide.\n"
                + "The run is deterministic: running it again with the same options reproduces it exactly.");
  }
}
