package dev.weft.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Runs the seed's bug as a user's {@code @Explore} test through the JUnit engine, and copies the
 * HTML timeline the extension publishes for its failure to a file, to look at in a browser or to
 * screenshot (see CONTRIBUTING); prints the failure's report too.
 *
 * <pre>{@code
 * mvn -B -q install -DskipTests
 * mvn -B -q -pl junit-extension test-compile exec:java \
 *     -Dexec.mainClass=dev.weft.junit.TimelineScreenshot -Dexec.classpathScope=test \
 *     -Dexec.args=/tmp/weft-timeline.html
 * }</pre>
 */
final class TimelineScreenshot {
  private TimelineScreenshot() {}

  /** The user's test: the stop signals are queued before the producers are awaited. */
  static class ShopTests {
    @Explore
    void everyItemIsConsumed(ProducerConsumer program) {
      ProducerConsumer.Result result =
          program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).run();
      org.assertj.core.api.Assertions.assertThat(result.lost()).as("lost items").isEmpty();
    }
  }

  /**
   * Writes the page.
   *
   * @param args the file to write; {@code /tmp/weft-timeline.html} if none
   * @throws IOException if the page cannot be copied
   */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "/tmp/weft-timeline.html");
    Path folder = Files.createTempDirectory("weft-screenshot");
    EngineExecutionResults results =
        Kit.in(folder).with("weft.database", "none").run(ShopTests.class);
    System.out.println(Kit.failureOf(results).getMessage());
    List<Path> pages = Kit.files(results);
    if (pages.size() != 1) {
      throw new IllegalStateException("expected one published page, got " + pages);
    }
    Files.copy(pages.get(0), target, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("wrote " + target.toAbsolutePath());
  }
}
