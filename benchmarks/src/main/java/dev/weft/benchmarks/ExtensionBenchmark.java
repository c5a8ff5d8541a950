package dev.weft.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import dev.weft.junit.Explore;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JUnit extension costs: the same exploration of the seed's program (correct version, as
 * in {@link ExplorerBenchmark}) run through {@code @Explore} by the JUnit Platform launcher, and
 * through {@link Explorer} directly. One invocation is one exploration of {@value #TRIES} tries;
 * the score is per try, in tries per second, so the launcher's fixed cost per test (discovery,
 * engine start) is spread over the tries as it is in a real test run.
 *
 * <p>Goal: the extension adds at most 5% per try, on JDK 17 and JDK 25.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExtensionBenchmark extends CarrierAwareBenchmark {
  /** Tries per exploration. */
  static final int TRIES = 2_000;

  private Launcher launcher;
  private LauncherDiscoveryRequest request;

  /** The test class the launcher runs: one {@code @Explore} of the program. */
  public static class ExploredTestCase {
    /** The seed's program, {@value #TRIES} tries. */
    @Explore(tries = TRIES)
    void correctProgram() {
      ExplorerBenchmark.producerConsumer();
    }
  }

  /** Makes the launcher and the request once: a build tool does that once per test run. */
  @Setup(Level.Trial)
  public void setUpLauncher() {
    launcher = LauncherFactory.create();
    request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(ExploredTestCase.class))
            .configurationParameter("weft.database", "none")
            .build();
  }

  /** The exploration through {@code @Explore} and the JUnit Platform launcher. */
  @Benchmark
  @OperationsPerInvocation(TRIES)
  public long throughExtension() {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    TestExecutionSummary result = summary.getSummary();
    if (result.getTestsSucceededCount() != 1) {
      throw new IllegalStateException(
          "the @Explore test did not pass: " + result.getFailures().get(0).getException());
    }
    return result.getTestsSucceededCount();
  }

  /** The same exploration through {@link Explorer}. */
  @Benchmark
  @OperationsPerInvocation(TRIES)
  public int throughExplorer() {
    ExplorationResult result =
        Explorer.explore(ExplorerBenchmark::producerConsumer).tries(TRIES).run();
    if (result.counterexample().isPresent()) {
      throw new IllegalStateException("the correct program failed: " + result);
    }
    return result.tries();
  }
}
