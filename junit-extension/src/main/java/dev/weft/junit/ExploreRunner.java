package dev.weft.junit;

import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.explore.Counterexample;
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
      try {
        database
            .get()
            .store(
                file,
                found.get().minimal(),
                settings.name(),
                String.valueOf(found.get().failure()));
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
    if (!databaseProblems.isEmpty()) {
      entries.put("weft.databaseProblem", String.join("; ", databaseProblems));
    }
    publish(entries);

    if (found.isPresent()) {
      throw failure(found.get(), kept ? file : null, databaseProblems);
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
    String report = found.report(howToReplay.toString()) + "\nTimeline as HTML: " + html + "\n";
    return new AssertionError(report, found.failure());
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
