package dev.weft.samples.seed;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs a nested {@code ...TestCase} class through the real Jupiter engine, as a user's build would,
 * so that a test can assert that an {@code @Explore} fails and how: no failure database, no
 * implicit configuration, published files (the HTML timeline) under {@code folder}.
 */
final class ExploreKit {
  private ExploreKit() {}

  static EngineExecutionResults run(Class<?> testCase, Path folder) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("weft.database", "none")
        .outputDirectoryCreator(new Folder(folder))
        .selectors(selectClass(testCase))
        .execute();
  }

  /** The one test's failure. */
  static Throwable failureOf(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test failed: " + results.testEvents().list()))
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  /** The report entries published ({@code weft.tries}, {@code weft.minimalSchedule}, ...). */
  static Map<String, String> entries(EngineExecutionResults results) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Event event : results.allEvents().reportingEntryPublished().list()) {
      event.getPayload(ReportEntry.class).ifPresent(entry -> out.putAll(entry.getKeyValuePairs()));
    }
    return out;
  }

  private static final class Folder implements OutputDirectoryCreator {
    private final Path root;

    Folder(Path root) {
      this.root = root;
    }

    @Override
    public Path getRootDirectory() {
      return root;
    }

    @Override
    public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
      String name = descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9._-]", "_");
      return Files.createDirectories(root.resolve(name));
    }
  }
}
