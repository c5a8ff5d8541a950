package dev.weft.junit;

import dev.weft.Preemption;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.explore.Counterexample;
import dev.weft.explore.DistinctFailure;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Runs an {@link Explore} method: the failure database's schedules first, then the strategy's
 * tries, each invoking the method afresh; reports a counterexample as an {@link AssertionError}.
 */
final class ExploreRunner {
  private final ExtensionContext context;
  private final ReflectiveInvocationContext<Method> invocationContext;
  private final Method method;
  private final Settings settings;
  private final Explore annotation;

  ExploreRunner(
      ExtensionContext context,
      ReflectiveInvocationContext<Method> invocationContext,
      Explore annotation) {
    this.context = context;
    this.invocationContext = invocationContext;
    this.method = invocationContext.getExecutable();
    this.settings = new Settings(context, method);
    this.annotation = annotation;
  }

  void run(Invocation<Void> invocation) throws Throwable {
    invocation.skip(); // each try invokes the method itself
    TestMethod test = new TestMethod(invocationContext);
    Explorer explorer = Explorer.explore(test::invoke);
    Optional<Schedule> replay = settings.replay();
    if (replay.isPresent()) { // one run of that schedule: no seed is drawn or needed
      RunOptions options = settings.explore(annotation, explorer.options(), 0);
      publish(Map.of("weft.tries", "1", "weft.replay", quoted(replay.get())));
      WeftTestRunner.run(
          context, settings, options.replay(replay.get()), replay.get().toString(), test::invoke);
      return;
    }
    long seed = settings.seed(annotation);
    RunOptions options = settings.explore(annotation, explorer.options(), seed);
    int tries = settings.tries(annotation);
    int[] shard = settings.shard();
    Optional<FailureDatabase> database = settings.database().map(FailureDatabase::new);
    Path file = database.map(db -> db.fileOf(context.getRequiredTestClass(), method)).orElse(null);
    List<Schedule> stored = List.of();
    List<String> databaseProblems = new ArrayList<>();
    if (file != null) {
      try {
        stored = database.get().load(file);
      } catch (UncheckedIOException e) { // the database helps; it must never stop a test
        databaseProblems.add(problem(e));
      }
    }
    ExplorationResult result;
    try {
      result =
          explorer
              .options(options)
              .tries(tries)
              .shard(shard[0], shard[1])
              .tryFirst(stored)
              .discardWhen(failure -> failure instanceof TestAbortedException)
              .everyFailure(annotation.everyFailure())
              .run();
    } catch (IllegalArgumentException unshardable) { // the one setting Explorer.run itself refuses
      throw new ExtensionConfigurationException(
          "Weft: "
              + Settings.SHARD
              + "="
              + shard[0]
              + "/"
              + shard[1]
              + " cannot apply to "
              + settings.name()
              + ": "
              + unshardable.getMessage()
              + ".",
          unshardable);
    }

    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("weft.tries", Integer.toString(result.tries()));
    entries.put("weft.seed", Long.toString(seed));
    entries.put("weft.strategy", options.strategy().toString());
    if (result.exhausted()) {
      entries.put("weft.exhausted", "true");
    }
    Optional<Counterexample> found = result.counterexample();
    if (found.isPresent()) {
      entries.put("weft.minimalSchedule", quoted(found.get().minimal()));
    }
    boolean kept = false;
    if (file != null && found.isPresent()) {
      List<Schedule> minimal = new ArrayList<>();
      for (DistinctFailure failure : result.failures()) {
        minimal.add(failure.counterexample().minimal());
      }
      try {
        database.get().store(file, minimal, settings.name(), String.valueOf(found.get().failure()));
        kept = true;
      } catch (UncheckedIOException e) {
        databaseProblems.add(problem(e));
      }
    }
    if (file != null && found.isEmpty() && Files.exists(file)) {
      try {
        database.get().drop(file); // every stored schedule passed
      } catch (UncheckedIOException e) {
        databaseProblems.add(problem(e));
      }
    }
    result.slowStepWarning().ifPresent(warning -> entries.put(WeftTestRunner.SLOW_STEPS, warning));
    if (!databaseProblems.isEmpty()) {
      entries.put("weft.databaseProblem", String.join("; ", databaseProblems));
    }
    publish(entries);

    if (found.isPresent()) {
      throw annotation.everyFailure()
          ? everyFailure(result, kept ? file : null, databaseProblems, options)
          : failure(found.get(), kept ? file : null, databaseProblems);
    }
    if (result.tries() > 0 && result.discarded() == result.tries()) {
      throw new TestAbortedException(
          "Weft: all "
              + result.tries()
              + " tries of "
              + settings.name()
              + " were discarded by assumptions, so nothing was checked. Loosen the assumption,"
              + " or generate values that meet it with Weft.choose.");
    }
  }

  private AssertionError failure(Counterexample found, Path keptIn, List<String> databaseProblems) {
    String schedule = found.minimal().toString();
    String html =
        FailureReport.publishHtml(context, settings, found.failure(), schedule, found.trace());
    String report = found.report(howToReplay(found, keptIn, databaseProblems));
    return new AssertionError(report + "\nTimeline as HTML: " + html + "\n", found.failure());
  }

  /**
   * The failure of an exploration that ran every try: a summary of its distinct failures, then each
   * one's report with its own {@code @Replay} line and its own timeline page.
   */
  private AssertionError everyFailure(
      ExplorationResult result, Path keptIn, List<String> databaseProblems, RunOptions options) {
    List<DistinctFailure> failures = result.failures();
    Counterexample first = failures.get(0).counterexample();
    int counted = result.tries() - result.discarded();
    StringBuilder out =
        new StringBuilder("Weft found ")
            .append(failures.size())
            .append(failures.size() == 1 ? " distinct failure in " : " distinct failures in ")
            .append(result.tries())
            .append(result.tries() == 1 ? " try (" : " tries (")
            .append(options.strategy())
            .append(", seed ")
            .append(options.seed())
            .append(options.preemption() == Preemption.EVERY_OPERATION ? ", every operation" : "")
            .append("):\n");
    int failed = 0;
    for (int i = 0; i < failures.size(); i++) {
      DistinctFailure failure = failures.get(i);
      failed += failure.tries();
      out.append("  ")
          .append(i + 1)
          .append(". ")
          .append(failure)
          .append(" (")
          .append(percent(failure.tries(), counted))
          .append("), ")
          .append(FailureReport.replayLine(failure.counterexample().minimal().toString()))
          .append('\n');
    }
    out.append("  Passed: ")
        .append(counted - failed)
        .append(counted - failed == 1 ? " try (" : " tries (")
        .append(percent(counted - failed, counted))
        .append(").\n");
    if (result.discarded() > 0) {
      out.append("  Discarded: ")
          .append(result.discarded())
          .append(result.discarded() == 1 ? " try" : " tries")
          .append(", not counted in the shares.\n");
    }
    if (result.exhausted()) {
      out.append("  The bounded space was explored completely: these are all its failures.\n");
    }
    List<String> pages = new ArrayList<>();
    for (int i = 0; i < failures.size(); i++) {
      Counterexample found = failures.get(i).counterexample();
      out.append("\n=== Failure ")
          .append(i + 1)
          .append(" of ")
          .append(failures.size())
          .append(" ===\n")
          .append(found.report(howToReplay(found, keptIn, databaseProblems)));
      pages.add(
          FailureReport.publishHtml(
              context,
              settings,
              found.failure(),
              found.minimal().toString(),
              found.trace(),
              FailureReport.htmlFile(i + 1)));
    }
    out.append("\nTimelines as HTML:\n");
    for (int i = 0; i < pages.size(); i++) {
      out.append("  failure ").append(i + 1).append(": ").append(pages.get(i)).append('\n');
    }
    return new AssertionError(out.toString(), first.failure());
  }

  /** {@code part} of {@code whole} as a percentage with at most one decimal: "41.2%", "12%". */
  private static String percent(int part, int whole) {
    if (whole == 0) {
      return "0%";
    }
    return java.math.BigDecimal.valueOf(part * 100L)
            .divide(java.math.BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  /** The report's "Replay it:" section: the {@code @Replay} line, and the failure database. */
  private String howToReplay(Counterexample found, Path keptIn, List<String> databaseProblems) {
    String schedule = found.minimal().toString();
    StringBuilder howToReplay =
        new StringBuilder(FailureReport.replayLine(schedule))
            .append("\n  Put this line on ")
            .append(settings.name())
            .append(" to run exactly this schedule, once.");
    if (keptIn != null) {
      howToReplay
          .append("\n  Kept in the failure database (")
          .append(keptIn)
          .append("): it is tried first on the next runs, until it passes.");
    }
    for (String problem : databaseProblems) {
      howToReplay.append("\n  The failure database did not work: ").append(problem).append('.');
    }
    return howToReplay.toString();
  }

  /** Says what went wrong with the database, in one line. */
  private static String problem(UncheckedIOException e) {
    return e.getMessage() + " (" + e.getCause() + ")";
  }

  private void publish(Map<String, String> entries) {
    context.publishReportEntry(entries);
  }

  /**
   * The schedule as report entries show it; JUnit refuses blank values, so empty reads {@code ""}.
   */
  private static String quoted(Schedule schedule) {
    return schedule.size() == 0 ? "\"\"" : schedule.toString();
  }
}
