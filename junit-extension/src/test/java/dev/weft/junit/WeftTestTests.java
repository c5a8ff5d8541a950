package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.DeadlockException;
import dev.weft.LeftoverTasksException;
import dev.weft.Queue;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;
import dev.weft.Weft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @WeftTest}: the body runs as main of one run; its failure is the test's, unchanged. */
class WeftTestTests {
  @TempDir Path folder;

  private EngineExecutionResults run(Class<?> testCase) {
    return Kit.in(folder).run(testCase);
  }

  static class PassingTestCase {
    @WeftTest
    void theBodyRunsOnTheVirtualLoop() {
      Task<String> fast =
          Weft.spawn(
              "fast",
              () -> {
                Weft.sleep(Duration.ofMillis(10));
                return "a";
              });
      Task<String> slow =
          Weft.spawn(
              "slow",
              () -> {
                Weft.sleep(Duration.ofSeconds(3));
                return "b";
              });
      List<String> order = new ArrayList<>();
      for (Task<String> done : Weft.asCompleted(List.of(slow, fast))) {
        order.add(done.join());
      }
      assertEquals(List.of("a", "b"), order);
      WaitResult<String> nothingLeft = Weft.wait(List.of(fast, slow), ReturnWhen.ALL_COMPLETED);
      assertEquals(2, nothingLeft.done().size());
      assertEquals(List.of("a", "b"), Weft.gather(fast, slow));
      assertEquals(Duration.ofSeconds(3), Weft.elapsed());
      assertEquals("main", Weft.current().name());
    }
  }

  @Test
  void aPassingBodyPasses() {
    run(PassingTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
  }

  static class AssertionTestCase {
    @WeftTest
    void fails() {
      Weft.spawn("worker", () -> 41).join();
      Weft.sleep(Duration.ofMillis(5));
      assertEquals(42, 41, "the answer");
    }
  }

  @Test
  void anAssertionErrorStaysOneAndCarriesTheRunsTimeline() {
    EngineExecutionResults results = run(AssertionTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.failed(1));
    Throwable failure = Kit.failureOf(results);
    assertThat(failure)
        .isInstanceOf(org.opentest4j.AssertionFailedError.class)
        .hasMessage("the answer ==> expected: <42> but was: <41>");
    assertThat(failure.getSuppressed()).hasSize(1);
    String timeline = failure.getSuppressed()[0].getMessage();
    assertThat(timeline)
        .startsWith(
            "Timeline of the run (one row per task; #n is the run's n-th step,\n"
                + "* a step picked out of asyncio's order):\n"
                + "  main    #1 @0s waits in join(Task 'worker') | #3 waits in sleep(0.005s), until"
                + " 0.005s\n"
                + "          #4 @0.005s FAILED: org.opentest4j.AssertionFailedError: the answer"
                + " ==> expected: <42> but was: <41>\n"
                + "  worker  #2 @0s returned 41\n"
                + "As HTML: ");
    assertThat(failure.getSuppressed()[0].toString()).isEqualTo(timeline);
  }

  @Test
  void aFailingRunPublishesItsTimelineAsAnHtmlFileNamedInTheFailure() throws Exception {
    EngineExecutionResults results = run(AssertionTestCase.class);
    List<Path> files = Kit.files(results);
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName()).hasToString("weft-timeline.html");
    assertThat(Kit.failureOf(results).getSuppressed()[0].getMessage())
        .endsWith("As HTML: " + files.get(0).toAbsolutePath());
    String html = Files.readString(files.get(0));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("AssertionTestCase#fails()");
  }

  static class DeadlockTestCase {
    @WeftTest
    void deadlocks() {
      Queue<String> items = new Queue<>("items", 1);
      items.put("A0");
      items.put("A1");
    }
  }

  @Test
  void aDeadlockIsADeadlockExceptionWithItsReport() {
    Throwable failure = Kit.failureOf(run(DeadlockTestCase.class));
    assertThat(failure)
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining("main  blocked in put on queue 'items' (full, 1/1)");
  }

  static class LeftoverTestCase {
    @WeftTest
    void spawnsAndForgets() {
      Weft.spawn(
          "worker",
          () -> {
            Weft.sleep(Duration.ofSeconds(1));
            throw new IllegalStateException("the worker would have failed");
          });
    }

    @WeftTest(failOnLeftoverTasks = false)
    void spawnsAndForgetsOnPurpose() {
      Weft.spawn("worker", () -> Weft.sleep(Duration.ofSeconds(1)));
    }
  }

  @Test
  void aTaskLeftPendingFailsTheTestUnlessTheTestSaysOtherwise() {
    EngineExecutionResults results = run(LeftoverTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
    Throwable failure = Kit.failureOf(results);
    assertThat(failure)
        .isInstanceOf(LeftoverTasksException.class)
        .hasMessageContaining("worker")
        .hasMessageContaining("sleep(1s)");
  }

  static class ReplayTestCase {
    static final List<String> order = new ArrayList<>();

    @WeftTest
    @Replay("1:B")
    void runsTheScheduleGiven() {
      Task<Boolean> a = Weft.spawn("A", () -> order.add("A"));
      Task<Boolean> b = Weft.spawn("B", () -> order.add("B"));
      Weft.gather(a, b);
      assertEquals(List.of("B", "A"), order);
    }
  }

  @Test
  void replayRunsThatSchedule() {
    ReplayTestCase.order.clear();
    run(ReplayTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(ReplayTestCase.order).containsExactly("B", "A");
  }

  static class BadSettingsTestCase {
    @WeftTest
    @Replay("1:")
    void badReplay() {}

    @WeftTest(maxSteps = 0)
    void badMaxSteps() {}

    @WeftTest
    @Explore
    void both() {}
  }

  @Test
  void badSettingsFailTheTestNamingTheAnnotationAndTheValue() {
    EngineExecutionResults results = run(BadSettingsTestCase.class);
    results.testEvents().assertStatistics(stats -> stats.failed(3));
    List<String> messages = new ArrayList<>();
    results.testEvents().failed().stream()
        .forEach(
            event ->
                messages.add(
                    event
                        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                        .orElse("")));
    assertThat(messages)
        .containsExactlyInAnyOrder(
            "ExtensionConfigurationException: @Replay(\"1:\") on BadSettingsTestCase#badReplay()"
                + " is not a schedule: "
                + scheduleError("1:"),
            "ExtensionConfigurationException: Weft: @WeftTest(maxSteps = 0) is not allowed;"
                + " expected 1 or more, or -1.",
            "ExtensionConfigurationException: Weft: BadSettingsTestCase#both() has both @WeftTest"
                + " and @Explore; use one: @WeftTest runs the body once, @Explore searches its"
                + " schedules.");
  }

  private static String scheduleError(String text) {
    try {
      dev.weft.Schedule.parse(text);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError(text + " parsed");
  }

  static class CheckedExceptionTestCase {
    @WeftTest
    void throwsChecked() throws Exception {
      throw new java.io.IOException("disk full");
    }
  }

  @Test
  void aCheckedExceptionArrivesAsTheRunThrowsIt() {
    Throwable failure = Kit.failureOf(run(CheckedExceptionTestCase.class));
    assertThat(failure)
        .isInstanceOf(dev.weft.TaskFailedException.class)
        .hasCauseInstanceOf(java.io.IOException.class);
  }
}
