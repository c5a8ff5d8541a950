package dev.weft.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Runs test classes through the real Jupiter engine, as JUnit tests its own extensions: with the
 * failure database and published files in a folder of the calling test, and no implicit
 * configuration (no junit-platform.properties), so each test says what it configures.
 */
final class Kit {
  private final Path folder;
  private final Map<String, String> parameters;

  private Kit(Path folder, Map<String, String> parameters) {
    this.folder = folder;
    this.parameters = parameters;
  }

  /** A kit whose database and files go under {@code folder}. */
  static Kit in(Path folder) {
    return new Kit(folder, Map.of());
  }

  Kit with(String key, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(parameters);
    more.put(key, value);
    return new Kit(folder, more);
  }

  Path database() {
    return folder.resolve("db");
  }

  EngineExecutionResults run(Class<?> testClass) {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("weft.database", database().toString());
    all.putAll(parameters);
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .configurationParameters(all)
        .outputDirectoryCreator(new FolderPerTest(folder.resolve("reports")))
        .selectors(selectClass(testClass))
        .execute();
  }

  /** The one test's failure. */
  static Throwable failureOf(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test failed: " + results.testEvents().list()))
        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  /** The report entries the tests published, merged in order. */
  static Map<String, String> entries(EngineExecutionResults results) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Event event : results.allEvents().reportingEntryPublished().list()) {
      event.getPayload(ReportEntry.class).ifPresent(entry -> out.putAll(entry.getKeyValuePairs()));
    }
    return out;
  }

  /** The files the tests published. */
  static List<Path> files(EngineExecutionResults results) {
    return results.allEvents().stream()
        .filter(event -> event.getType() == EventType.FILE_ENTRY_PUBLISHED)
        .map(event -> event.getPayload(org.junit.platform.engine.reporting.FileEntry.class))
        .flatMap(java.util.Optional::stream)
        .map(org.junit.platform.engine.reporting.FileEntry::getPath)
        .collect(Collectors.toList());
  }

  /** One folder per test under the root, as Maven's and Gradle's output directories do. */
  private static final class FolderPerTest implements OutputDirectoryCreator {
    private final Path root;

    FolderPerTest(Path root) {
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
