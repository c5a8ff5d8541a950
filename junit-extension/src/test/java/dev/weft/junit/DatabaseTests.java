package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Weft;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The failure database: minimal schedules kept per test method, replayed first until they pass. */
class DatabaseTests {
  @TempDir Path folder;

  /** Fails only for one value in a thousand: a random search of 50 tries does not find it. */
  static class NeedleTestCase {
    static final AtomicBoolean fixed = new AtomicBoolean();

    @Explore(tries = 50)
    void needle() {
      if (Weft.choose(1000) == 777 && !fixed.get()) {
        throw new AssertionError("the needle");
      }
    }
  }

  @Test
  void aStoredScheduleIsReplayedFirstAndDroppedOnceItPasses() throws Exception {
    Kit kit = Kit.in(folder);
    NeedleTestCase.fixed.set(false);
    assertThat(Kit.entries(kit.run(NeedleTestCase.class))).containsEntry("weft.tries", "50");
    Path file = kit.database().resolve(NeedleTestCase.class.getName()).resolve("needle().txt");
    assertThat(file).doesNotExist(); // nothing is stored for a passing test

    Files.createDirectories(file.getParent());
    Files.writeString(file, "# kept by hand\n\"d777\"\n", StandardCharsets.UTF_8);
    EngineExecutionResults failing = kit.run(NeedleTestCase.class);
    Throwable failure = Kit.failureOf(failing);
    assertThat(failure.getMessage())
        .startsWith("Weft found a failing schedule on schedule 1 of 1 tried first")
        .contains("Kept in the failure database (" + file + ")");
    assertThat(Kit.entries(failing))
        .containsEntry("weft.tries", "1")
        .containsEntry("weft.minimalSchedule", "d777");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines)
        .containsExactly(
            "# Weft failure database: the minimal failing schedule of NeedleTestCase#needle().",
            "# Replayed before any other try when the test runs, and removed once it passes.",
            "# It failed with: java.lang.AssertionError: the needle",
            "\"d777\"");

    NeedleTestCase.fixed.set(true);
    assertThat(Kit.entries(kit.run(NeedleTestCase.class))).containsEntry("weft.tries", "51");
    assertThat(file).doesNotExist();
  }

  static class AlwaysFailsTestCase {
    @Explore(tries = 5)
    void fails() {
      throw new IllegalStateException("always");
    }
  }

  @Test
  void aFailureIsStoredAndNoneMeansNoDatabase() throws Exception {
    Kit kit = Kit.in(folder);
    kit.run(AlwaysFailsTestCase.class);
    try (Stream<Path> files = Files.walk(kit.database())) {
      assertThat(files.filter(Files::isRegularFile))
          .singleElement()
          .satisfies(path -> assertThat(path.getFileName()).hasToString("fails().txt"));
    }

    Path elsewhere = folder.resolve("elsewhere");
    EngineExecutionResults results =
        Kit.in(elsewhere).with("weft.database", "none").run(AlwaysFailsTestCase.class);
    assertThat(Kit.failureOf(results).getMessage()).doesNotContain("failure database");
    assertThat(elsewhere.resolve("db")).doesNotExist();
  }

  @Test
  void aFileWrittenByAnEarlierVersionIsReplayed() throws Exception {
    Kit kit = Kit.in(folder);
    NeedleTestCase.fixed.set(false);
    Path file = kit.database().resolve(NeedleTestCase.class.getName()).resolve("needle().txt");
    Files.createDirectories(file.getParent());
    // As versions before blanks and every-operation: wrote it: one positional schedule, whose
    // trailing defaults do not fit this run's one choice point (the replay is lenient).
    Files.writeString(
        file,
        "# Weft failure database: the minimal failing schedule of NeedleTestCase#needle().\n"
            + "# Replayed before any other try when the test runs, and removed once it passes.\n"
            + "# It failed with: java.lang.AssertionError: the needle\n"
            + "\"d777 0*2 p0\"\n",
        StandardCharsets.UTF_8);
    EngineExecutionResults failing = kit.run(NeedleTestCase.class);
    assertThat(Kit.failureOf(failing).getMessage())
        .startsWith("Weft found a failing schedule on schedule 1 of 1 tried first");
    assertThat(Kit.entries(failing)).containsEntry("weft.minimalSchedule", "d777");
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).last().isEqualTo("\"d777\"");
  }

  @Test
  void anUnreadableLineIsSkipped() throws Exception {
    Kit kit = Kit.in(folder);
    NeedleTestCase.fixed.set(false);
    Path file = kit.database().resolve(NeedleTestCase.class.getName()).resolve("needle().txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "\"d7x\"\nnot quoted\n\"d777\"\n", StandardCharsets.UTF_8);
    assertThat(Kit.failureOf(kit.run(NeedleTestCase.class)).getMessage())
        .startsWith("Weft found a failing schedule on schedule 1 of 1 tried first");
  }
}
