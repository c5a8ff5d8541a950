package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;
import dev.weft.Weft;
import dev.weft.junit.ProducerConsumer.Shutdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** What the README's JUnit section shows is what the extension does. */
class ReadmeJUnitTests {
  @TempDir Path folder;

  /** The README's {@code @WeftTest}, as written there. */
  static class ReplicaTestCase {
    static Task<String> replica(String region, long millis) {
      return Weft.spawn(
          region,
          () -> {
            Weft.sleep(Duration.ofMillis(millis));
            return region;
          });
    }

    @WeftTest
    void theFastestReplicaAnswers() {
      List<Task<String>> replicas =
          List.of(replica("eu", 80), replica("us", 30), replica("ap", 120));
      WaitResult<String> first = Weft.wait(replicas, ReturnWhen.FIRST_COMPLETED);
      assertThat(first.done()).extracting(Task::result).containsExactly("us");
      first.pending().forEach(Task::cancel); // a test fails on tasks left pending
      List<String> order = new ArrayList<>();
      for (Task<String> done : Weft.asCompleted(replicas)) {
        order.add(done.name());
      }
      assertThat(order).containsExactly("us", "eu", "ap");
      assertThat(Weft.gather(replica("eu", 80), replica("ap", 120))).containsExactly("eu", "ap");
      assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(150));
    }
  }

  @Test
  void theWeftTestExamplePasses() {
    Kit.in(folder).run(ReplicaTestCase.class).testEvents().assertStatistics(s -> s.succeeded(1));
  }

  /** The README's {@code @Explore}, as written there. */
  static class ShopTests {
    @Explore
    void everyItemIsConsumed(ProducerConsumer program) {
      ProducerConsumer.Result result = program.shutdown(Shutdown.SKIP_PRODUCER_AWAIT).run();
      assertThat(result.lost()).as("lost items").isEmpty();
    }
  }

  @Test
  void theExploreExampleFailsWithTheReportTheReadmeShows() throws IOException {
    Kit kit = Kit.in(folder);
    EngineExecutionResults results = kit.run(ShopTests.class);
    Throwable failure = Kit.failureOf(results);
    String shown =
        (failure.getClass().getName() + ": " + failure.getMessage())
            .replace(
                kit.database().resolve(ShopTests.class.getName()).toString(),
                ".weft/com.example.ShopTests");
    String block = readmeBlock("java.lang.AssertionError: Weft found a failing schedule");
    String beforeThePath = "Timeline as HTML: ";
    assertThat(shown.substring(0, shown.indexOf(beforeThePath)))
        .isEqualTo(block.substring(0, block.indexOf(beforeThePath)));
    assertThat(Kit.entries(results)).containsEntry("weft.minimalSchedule", "\"\"");
  }

  /** The README's fenced block that starts with {@code firstLine}, as the README shows it. */
  private static String readmeBlock(String firstLine) throws IOException {
    String text = Files.readString(Path.of("..", "README.md"));
    int start = text.indexOf("```\n" + firstLine);
    assertThat(start).as("README block starting with " + firstLine).isNotNegative();
    int end = text.indexOf("```", start + 4);
    return text.substring(start + 4, end);
  }
}
