package dev.weft.samples.bugs;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs a nested {@code ...TestCase} class through the real Jupiter engine, as a user's build would
 * run it, and returns what its one {@code @Explore} reported. The failure database is off ({@code
 * weft.database=none}), so every run searches afresh and leaves nothing behind.
 */
public final class Hunt {
  private Hunt() {}

  /** What an exploration that failed reported. */
  public record Found(Throwable failure, Map<String, String> entries) {
    /** The minimal run's own failure: what the program threw under the minimal schedule. */
    public Throwable cause() {
      return failure.getCause();
    }

    /** The report entry {@code weft.minimalSchedule}; {@code ""} (two quotes) when empty. */
    public String minimalSchedule() {
      return entries.get("weft.minimalSchedule");
    }

    /** How many tries ran, the failing one included. */
    public int tries() {
      return Integer.parseInt(entries.get("weft.tries"));
    }

    /** The report: the failure, the minimal schedule, the line that replays it, the timeline. */
    public String report() {
      return failure.getMessage();
    }
  }

  /** Runs {@code testCase}, which must hold exactly one test, and returns its report entries. */
  public static EngineExecutionResults run(Class<?> testCase) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(false)
        .configurationParameter("weft.database", "none")
        .selectors(selectClass(testCase))
        .execute();
  }

  /** Runs {@code testCase} and returns the failure of its one test, which must fail. */
  public static Found failureOf(Class<?> testCase) {
    EngineExecutionResults results = run(testCase);
    List<Event> failed = results.testEvents().failed().list();
    if (results.testEvents().started().count() != 1 || failed.size() != 1) {
      throw new AssertionError(
          "expected one failing test in " + testCase + ", got " + results.testEvents().list());
    }
    Throwable failure =
        failed
            .get(0)
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();
    return new Found(failure, entries(results));
  }

  /** Runs {@code testCase} and returns the report entries of its one test, which must pass. */
  public static Map<String, String> successOf(Class<?> testCase) {
    EngineExecutionResults results = run(testCase);
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    return entries(results);
  }

  private static Map<String, String> entries(EngineExecutionResults results) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Event event : results.allEvents().reportingEntryPublished().list()) {
      event.getPayload(ReportEntry.class).ifPresent(entry -> out.putAll(entry.getKeyValuePairs()));
    }
    return out;
  }
}
