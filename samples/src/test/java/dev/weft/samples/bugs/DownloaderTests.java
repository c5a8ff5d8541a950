package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Weft;
import dev.weft.junit.Explore;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pattern 8: three chunks from a mirror whose latency varies (a data choice of the schedule). */
class DownloaderTests {
  /** Chunk i is the letter 'a' + i; each takes 10, 20 or 30 ms, as the schedule chooses. */
  static final Downloader.Mirror MIRROR =
      index -> {
        Weft.sleep(Duration.ofMillis(10L * (1 + Weft.choose(3))));
        return String.valueOf((char) ('a' + index));
      };

  static void threeChunks(Function<Downloader.Mirror, Downloader> downloaders) {
    assertEquals("abc", downloaders.apply(MIRROR).download(3), "file");
  }

  @Explore(tries = 500)
  void theFixedDownloaderKeepsTheFileInOrder() {
    threeChunks(Downloader.Fixed::new);
  }

  static class BuggyDownloaderTestCase {
    @Explore(tries = 500)
    void theFileIsInOrder() {
      threeChunks(Downloader.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyDownloaderFindsChunksOutOfOrder() {
    Hunt.Found found = Hunt.failureOf(BuggyDownloaderTestCase.class);
    assertThat(found.cause())
        .isInstanceOf(AssertionError.class)
        .hasMessage("file ==> expected: <abc> but was: <bac>");
    // every latency 10 ms (d0 throughout): chunk-1 only has to start first
    assertThat(found.minimalSchedule()).isEqualTo("1:chunk-1");
    assertThat(found.tries()).isEqualTo(1);
  }
}
