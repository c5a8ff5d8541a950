package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Preemption;
import dev.weft.Task;
import dev.weft.Weft;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** What a demanding JUnit user runs into: broken databases, inheritance, timeouts, misuse. */
class EdgeCaseTests {
  @TempDir Path folder;

  static class RealBugTestCase {
    @Explore(tries = 3)
    void fails() {
      throw new IllegalStateException("the real bug");
    }
  }

  @Test
  void aDatabaseThatCannotBeWrittenNeverHidesTheRealFailure() throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("a-file"), "not a folder");
    EngineExecutionResults results =
        Kit.in(folder).with("weft.database", notAFolder.toString()).run(RealBugTestCase.class);
    Throwable failure = Kit.failureOf(results);
    assertThat(failure).isExactlyInstanceOf(AssertionError.class);
    assertThat(failure.getCause()).hasMessage("the real bug");
    assertThat(failure.getMessage())
        .contains("@Replay(\"\")")
        .contains("The failure database did not work: Weft could not write the failure database");
    assertThat(Kit.entries(results).get("weft.databaseProblem"))
        .startsWith("Weft could not write the failure database file");
  }

  abstract static class ContractTestCase {
    abstract boolean buggy();

    @Explore(tries = 5)
    void holds() {
      if (buggy()) {
        throw new IllegalStateException("buggy");
      }
    }
  }

  static class BuggyImplTestCase extends ContractTestCase {
    @Override
    boolean buggy() {
      return true;
    }
  }

  static class GoodImplTestCase extends ContractTestCase {
    @Override
    boolean buggy() {
      return false;
    }
  }

  @Test
  void subclassesThatInheritATestMethodKeepTheirOwnFailures() {
    Kit kit = Kit.in(folder);
    kit.run(BuggyImplTestCase.class);
    Path buggy = kit.database().resolve(BuggyImplTestCase.class.getName()).resolve("holds().txt");
    assertThat(buggy).exists();

    assertThat(Kit.entries(kit.run(GoodImplTestCase.class))).containsEntry("weft.tries", "5");
    assertThat(buggy).exists(); // the good one neither replayed nor dropped the buggy one's failure
  }

  static class TimeoutTestCase {
    @Explore(tries = 100_000_000)
    @Timeout(value = 300, unit = TimeUnit.MILLISECONDS)
    void runsForever() {
      Weft.yieldNow();
    }
  }

  @Test
  void aJUnitTimeoutStopsAnExploration() {
    Throwable failure = Kit.failureOf(Kit.in(folder).run(TimeoutTestCase.class));
    assertThat(failure)
        .isInstanceOf(TimeoutException.class)
        .hasMessage("runsForever() timed out after 300 milliseconds");
  }

  static class ReplayOnPlainTestTestCase {
    @Test
    @Replay("1")
    void notOnTheLoop() {}
  }

  @Test
  void replayOnAPlainTestIsAnError() {
    assertThat(Kit.failureOf(Kit.in(folder).run(ReplayOnPlainTestTestCase.class)))
        .hasMessage(
            "Weft: @Replay on ReplayOnPlainTestTestCase#notOnTheLoop() needs @WeftTest or @Explore"
                + " on the method: a plain @Test does not run on Weft's loop.");
  }

  static class AssumptionTestCase {
    @WeftTest
    void skipsItself() {
      Assumptions.assumeTrue(false, "not today");
    }
  }

  @Test
  void anAssumptionInAWeftTestAbortsItWithoutATimeline() {
    EngineExecutionResults results = Kit.in(folder).run(AssumptionTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.aborted(1).failed(0));
    assertThat(Kit.files(results)).isEmpty();
  }

  static class LostUpdateTestCase {
    int counter;

    void twoIncrements() {
      counter = 0;
      Task<Void> a = Weft.spawn("A", this::increment);
      Task<Void> b = Weft.spawn("B", this::increment);
      Weft.gather(a, b);
      org.junit.jupiter.api.Assertions.assertEquals(2, counter, "counter");
    }

    private void increment() {
      int read = counter;
      Weft.checkpoint();
      counter = read + 1;
    }

    @WeftTest(preemption = Preemption.EVERY_OPERATION)
    @Replay("0 p1")
    void theSwitchReplays() {
      twoIncrements();
    }

    @WeftTest
    @Replay("0 p1")
    void withoutPreemptionTheScheduleDoesNotFit() {
      twoIncrements();
    }

    @WeftTest
    @Replay("every-operation: _ p1")
    void aScheduleThatSaysItsModeReplaysUnderIt() {
      twoIncrements();
    }
  }

  @Test
  void aWeftTestReplaysASwitchWhenItsPreemptionOrItsScheduleSaysSo() {
    EngineExecutionResults results = Kit.in(folder).run(LostUpdateTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.failed(3).succeeded(0));
    java.util.Map<String, Throwable> failures = new java.util.TreeMap<>();
    results.testEvents().failed().stream()
        .forEach(
            event ->
                failures.put(
                    event.getTestDescriptor().getDisplayName(),
                    event
                        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .orElseThrow()));
    assertThat(failures.get("theSwitchReplays()"))
        .hasMessage("counter ==> expected: <2> but was: <1>");
    assertThat(failures.get("aScheduleThatSaysItsModeReplaysUnderIt()"))
        .hasMessage("counter ==> expected: <2> but was: <1>");
    // A strict replay: the cooperative run has no switch decision for 'p1', and says so.
    assertThat(failures.get("withoutPreemptionTheScheduleDoesNotFit()"))
        .isInstanceOf(dev.weft.ReplayDivergedException.class)
        .hasMessageContaining("the schedule says switch at an operation")
        .hasMessageContaining("comes only under Preemption.EVERY_OPERATION");
  }

  /** A team's own annotation, built on Weft's. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @Explore(tries = 7)
  @interface QuickExplore {}

  static class ComposedTestCase {
    @QuickExplore
    void composed(ProducerConsumer program) {
      assertThat(program.run().lost()).isEmpty();
    }
  }

  @Test
  void theAnnotationsComposeIntoAUsersOwn() {
    assertThat(Kit.entries(Kit.in(folder).run(ComposedTestCase.class)))
        .containsEntry("weft.tries", "7");
  }

  static class JUnitParametersTestCase {
    static String seen;

    @WeftTest
    void testInfoWorksInTheBody(TestInfo info, @TempDir Path dir) {
      seen = info.getDisplayName() + " " + Files.isDirectory(dir) + " " + Weft.current().name();
    }
  }

  @Test
  void junitsOwnParametersWorkInTheBody() {
    Kit.in(folder).run(JUnitParametersTestCase.class);
    assertThat(JUnitParametersTestCase.seen)
        .isEqualTo("testInfoWorksInTheBody(TestInfo, Path) true main");
  }

  @Test
  void aLoneSurrogateInTheFailureStillGivesAPage() {
    String html =
        HtmlTimeline.render(
            new HtmlTimeline.Page("T \uD800", "x \uDC00 y \uD83D\uDE00", null, null, List.of()));
    assertThat(html).contains("T \uFFFD").contains("x \uFFFD y \uD83D\uDE00");
  }
}
