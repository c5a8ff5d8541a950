package dev.weft.explore;

import dev.weft.Preemption;
import dev.weft.RunEvent;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.internal.Messages;
import dev.weft.internal.search.ScheduleAccess;
import dev.weft.internal.search.TryRecord;
import java.util.List;

/** A counterexample and its report. */
final class FoundCounterexample implements Counterexample {

  private final Explorer explorer;

  /** Which try found it, for the report's first line: "on try 4 of 200". */
  private final String where;

  private final Schedule found;
  private final Schedule minimal;
  private final int foundChoices;
  private final int replays;
  private final TryRecord minimalRun;
  private final Throwable foundFailure;
  private final FailureKind kind;
  private final String nondeterminism;

  /** The exploration's slow step warning, or null: set once the exploration has ended. */
  private String slowStepWarning;

  FoundCounterexample(
      Explorer explorer,
      String where,
      Schedule found,
      Schedule minimal,
      int foundChoices,
      int replays,
      TryRecord minimalRun,
      Throwable foundFailure,
      FailureKind kind,
      String nondeterminism) {
    this.explorer = explorer;
    this.where = where;
    this.found = found;
    this.minimal = minimal;
    this.foundChoices = foundChoices;
    this.replays = replays;
    this.minimalRun = minimalRun;
    this.foundFailure = foundFailure;
    this.kind = kind;
    this.nondeterminism = nondeterminism;
  }

  /** Ends the report with the exploration's slow step warning, if {@code warning} is not null. */
  void slowStepWarning(String warning) {
    this.slowStepWarning = warning;
  }

  @Override
  public Schedule schedule() {
    return found;
  }

  @Override
  public Schedule minimal() {
    return minimal;
  }

  /** What the minimal run threw, or, if it no longer failed, what the try as found threw. */
  @Override
  public Throwable failure() {
    return minimalRun.failure() != null ? minimalRun.failure() : foundFailure;
  }

  @Override
  public FailureKind kind() {
    return minimalRun.failure() != null ? Signature.kindOf(minimalRun.end()) : kind;
  }

  @Override
  public long seed() {
    return explorer.seed();
  }

  @Override
  public List<RunEvent> trace() {
    return minimalRun.events() == null ? List.of() : minimalRun.events();
  }

  @Override
  public String timeline() {
    return minimalRun.events() == null
        ? "  (not traced: the run blocked outside Weft, and a traced replay would block again)\n"
        : Timeline.of(minimalRun.events());
  }

  @Override
  public String toString() {
    return report(
        "Weft.run("
            + replayOptions()
            + ", scenario);\n  where scenario is the code given to Explorer.explore.");
  }

  @Override
  public String report(String howToReplay) {
    StringBuilder out = new StringBuilder();
    out.append("Weft found a failing schedule ")
        .append(where)
        .append(" (")
        .append(explorer.strategy())
        .append(", seed ")
        .append(explorer.seed())
        .append(
            explorer.tryOptions().preemption() == Preemption.EVERY_OPERATION
                ? ", every operation"
                : "")
        .append(").\n\n");
    Throwable failure = failure();
    if (minimalRun.failure() == null) {
      out.append("The minimal schedule did NOT fail when replayed with a trace, so something")
          .append(" outside Weft changes the runs. The try as found failed with:\n")
          .append(indent(String.valueOf(foundFailure)))
          .append('\n');
    } else {
      out.append("Failure")
          .append(
              minimalRun.failingTask() == null || minimalRun.failingTask().equals("main")
                  ? ""
                  : " (from task " + minimalRun.failingTask() + ")")
          .append(":\n")
          .append(indent(Messages.withoutRunAgain(failure.toString())))
          .append('\n');
    }
    out.append("\nMinimal schedule (")
        .append(minimal.size())
        .append(minimal.size() == 1 ? " choice" : " choices")
        .append(", shrunk from ")
        .append(foundChoices)
        .append(" in ")
        .append(replays)
        .append(replays == 1 ? " replay" : " replays")
        .append("):\n  \"")
        .append(minimal)
        .append(
            minimal.size() == 0
                ? "\"  (empty: asyncio's own order, and 0 from every Weft.choose)"
                : "\"\n  (n or n:Task: run the n-th ready task, 0 being asyncio's order; p1: switch"
                    + " at an operation;\n   dN: a value of Weft.choose; _: a choice left at its"
                    + " default; *N: the token repeated N times)")
        .append("\n\nReplay it:\n  ")
        .append(howToReplay)
        .append("\n\n")
        .append("Timeline of the minimal run (one row per task; #n is the run's n-th step,\n")
        .append("* a step picked out of asyncio's order):\n")
        .append(timeline());
    if (minimalRun.divergence() != null) {
      out.append("\nNote: the replay departed from its schedule ")
          .append(minimalRun.divergence())
          .append(".\n");
    }
    if (minimalRun.failure() instanceof dev.weft.BlockedOutsideWeftException) {
      out.append(
          "\nNot shrunk: a task blocked outside Weft, and every replay would wait for the watchdog"
              + " again.\n");
    } else if (nondeterminism != null) {
      out.append(
              "\nUNCONTROLLED NONDETERMINISM: replaying the minimal schedule gave different runs: ")
          .append(nondeterminism)
          .append(". Something outside Weft's control decides the order (real time, unseeded")
          .append(
              " randomness, iteration over a HashMap or HashSet, threads Weft does not run), so")
          .append(" this counterexample may not replay. Make that input deterministic.\n");
    } else if (explorer.checksDeterminism() && minimalRun.failure() != null) {
      out.append("\nReplayed twice more, with identical traces.\n");
    }
    if (slowStepWarning != null) {
      out.append('\n').append(slowStepWarning).append('\n');
    }
    return out.toString();
  }

  /**
   * Returns the options that replay the minimal run, as code: the replay, and the explorer's
   * settings that decide how it runs and ends when they differ from the defaults (step limit,
   * failure policies; not the watchdog, which only bounds real time). The preemption mode is not
   * needed: a schedule whose run depends on it says it ({@code every-operation:}).
   */
  private String replayOptions() {
    RunOptions options = explorer.options();
    RunOptions defaults = RunOptions.defaults();
    StringBuilder code = new StringBuilder("RunOptions.defaults().replay(Schedule.parse(");
    code.append(ScheduleAccess.javaLiteral(minimal)).append("))");
    if (options.maxSteps() != defaults.maxSteps()) {
      code.append(".maxSteps(").append(options.maxSteps()).append(')');
    }
    if (options.failOnUnobservedFailures() != defaults.failOnUnobservedFailures()) {
      code.append(".failOnUnobservedFailures(")
          .append(options.failOnUnobservedFailures())
          .append(')');
    }
    if (options.failOnLeftoverTasks() != defaults.failOnLeftoverTasks()) {
      code.append(".failOnLeftoverTasks(").append(options.failOnLeftoverTasks()).append(')');
    }
    return code.toString();
  }

  private static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
