package dev.weft.explore;

import dev.weft.Preemption;
import dev.weft.RunInterruptedException;
import dev.weft.RunOptions;
import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.ThrowingRunnable;
import dev.weft.internal.CarrierPool;
import dev.weft.internal.Operations;
import dev.weft.internal.Preconditions;
import dev.weft.internal.Runner;
import dev.weft.internal.SlowSteps;
import dev.weft.internal.search.Chooser;
import dev.weft.internal.search.ScheduleAccess;
import dev.weft.internal.search.Search;
import dev.weft.internal.search.StrategyImpl;
import dev.weft.internal.search.TryRecord;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Searches the schedules of a scenario for one that makes it fail, shrinks that schedule, and
 * reports it with a way to replay it.
 *
 * <p>Each try runs the scenario as {@code main} on a fresh loop, with its choice points (which
 * ready task runs next, switches at operations, {@link dev.weft.Weft#choose} values) decided by the
 * strategy. The first failing try stops the search (unless {@link #everyFailure(boolean)}); its
 * schedule is shrunk to the smallest one that fails the same way (the same {@link FailureKind} and
 * exception type), and the minimal run is replayed with a trace. A scenario that misuses Weft (a
 * nested run, a call from a thread Weft does not run, a task or primitive of another try) is not a
 * failing schedule: {@link #run()} throws its {@code IllegalStateException} on the first try.
 * Everything is derived from the seed: the same explorer gives the same tries and the same
 * counterexample on every machine.
 *
 * <pre>{@code
 * Explorer.explore(() -> program())
 *     .strategy(Strategy.pct(2))
 *     .tries(2_000)
 *     .check();          // AssertionError with the report if some schedule fails
 * }</pre>
 *
 * <p>Every try runs with the explorer's {@link RunOptions}: its strategy and seed decide the
 * choices, and its limits and failure policies apply to each try. {@link #strategy}, {@link #seed},
 * {@link #maxSteps}, {@link #preemption} and {@link #watchdog} set one of them; {@link
 * #options(RunOptions)} sets them all. What only an exploration has (tries, shards, the determinism
 * self-check) is set here.
 *
 * <p>Immutable: each configuring method returns a new explorer. Defaults: {@link
 * Strategy#random()}, 1,000 tries, seed 0, at most 100,000 steps per try, {@link
 * Preemption#COOPERATIVE}, one shard, the determinism self-check on, and otherwise {@link
 * RunOptions#defaults()}.
 *
 * @since 0.1
 */
public final class Explorer {
  /** The run options of an explorer that was not given any: random, 100,000 steps a try. */
  private static final RunOptions DEFAULT_OPTIONS =
      RunOptions.defaults().strategy(Strategy.random()).maxSteps(100_000);

  private final ThrowingRunnable scenario;

  /** The settings; filled before the constructor ends and never changed after. */
  private final Values values;

  /** The settings as a mutable record, so that each option is copied in one place. */
  private static final class Values {
    RunOptions options = DEFAULT_OPTIONS;
    int tries = 1_000;
    int shardIndex;
    int shardCount = 1;
    boolean checkDeterminism = true;
    boolean everyFailure;
    List<Schedule> first = List.of();
    Predicate<? super Throwable> discard = failure -> false;

    Values copy() {
      Values copy = new Values();
      copy.options = options;
      copy.tries = tries;
      copy.shardIndex = shardIndex;
      copy.shardCount = shardCount;
      copy.checkDeterminism = checkDeterminism;
      copy.everyFailure = everyFailure;
      copy.first = first;
      copy.discard = discard;
      return copy;
    }
  }

  private Explorer(ThrowingRunnable scenario, Values values) {
    this.scenario = scenario;
    this.values = values;
  }

  /** Returns a new explorer: this one with {@code change} applied to a copy of its values. */
  private Explorer with(Consumer<Values> change) {
    Values next = values.copy();
    change.accept(next);
    return new Explorer(scenario, next);
  }

  /**
   * Starts an explorer of {@code scenario}, which runs as {@code main} on a fresh loop per try.
   *
   * @param scenario the program under test; it fails by throwing (an assertion, say), deadlocking,
   *     or leaving a task failure unobserved
   * @return an explorer with the defaults
   * @throws IllegalArgumentException if {@code scenario} is null
   */
  public static Explorer explore(ThrowingRunnable scenario) {
    Preconditions.requireNonNull(scenario, "scenario");
    return new Explorer(scenario, new Values());
  }

  /**
   * Sets every run setting at once, replacing whatever {@link #strategy}, {@link #seed}, {@link
   * #maxSteps}, {@link #preemption} or {@link #watchdog} set before: the strategy and seed that
   * decide each try's choices, and the limits, preemption mode, failure policies and listener of
   * each try. A listener sees the events of every try, including the replays that shrink a
   * counterexample. The explorer's default is {@link RunOptions#defaults()} with {@link
   * Strategy#random()} and at most 100,000 steps a try; {@code RunOptions.defaults()} itself has
   * {@link Strategy#fifo()}, which explores a single schedule, and 1,000,000 steps, so start from
   * {@link #options()} to change one setting and keep the others.
   *
   * <pre>{@code
   * Explorer explorer = Explorer.explore(scenario);
   * explorer.options(explorer.options().failOnLeftoverTasks(true)).check();
   * }</pre>
   *
   * @param options the options of every try
   * @return a new explorer
   * @throws IllegalArgumentException if {@code options} is null
   */
  public Explorer options(RunOptions options) {
    Preconditions.requireNonNull(options, "options");
    return with(next -> next.options = options);
  }

  /**
   * Returns the run options every try runs with.
   *
   * @return the options, including the strategy and seed
   */
  public RunOptions options() {
    return values.options;
  }

  /**
   * Sets the strategy; the default is {@link Strategy#random()}.
   *
   * @param strategy the strategy
   * @return a new explorer
   * @throws IllegalArgumentException if {@code strategy} is null or not made by {@link Strategy}'s
   *     factories
   */
  public Explorer strategy(Strategy strategy) {
    return options(values.options.strategy(strategy));
  }

  /**
   * Sets how many tries to run at most (in all shards together); the default is 1,000.
   *
   * @param n 1 or more
   * @return a new explorer
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public Explorer tries(int n) {
    Preconditions.requireAtLeast(n, 1, "tries");
    return with(next -> next.tries = n);
  }

  /**
   * Sets the seed every try's choices derive from; the default is 0.
   *
   * @param seed the seed
   * @return a new explorer
   */
  public Explorer seed(long seed) {
    return options(values.options.seed(seed));
  }

  /**
   * Sets how many scheduler steps one try may take before it fails as a livelock; the default is
   * 100,000.
   *
   * @param n 1 or more
   * @return a new explorer
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public Explorer maxSteps(int n) {
    return options(values.options.maxSteps(n));
  }

  /**
   * Sets where tasks may switch; the default is {@link Preemption#COOPERATIVE}. {@link
   * Preemption#EVERY_OPERATION} also explores switches at every Weft operation.
   *
   * @param preemption the preemption mode
   * @return a new explorer
   * @throws IllegalArgumentException if {@code preemption} is null
   */
  public Explorer preemption(Preemption preemption) {
    return options(values.options.preemption(preemption));
  }

  /**
   * Runs only this shard's part of the tries, so that {@code count} CI jobs split them without
   * overlap: shard {@code index} runs tries {@code index, index + count, index + 2 * count, ...}.
   * For {@link Strategy#random()} each try's choices depend only on the seed and the try's number,
   * so the shards together run exactly the tries one job would. {@link Strategy#pct(int)} learns
   * how long a run is from the tries it has run, so a shard's tries differ from one job's, though
   * never from another shard's. An exhaustive search cannot be split this way: {@link #run()}
   * refuses it.
   *
   * @param index this shard, from 0
   * @param count how many shards, 1 or more
   * @return a new explorer
   * @throws IllegalArgumentException if {@code count < 1}, {@code index} is outside {@code [0,
   *     count)}
   */
  public Explorer shard(int index, int count) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard index must be in [0, count) and count 1 or more, but got index "
              + index
              + " and count "
              + count);
    }
    return with(
        next -> {
          next.shardIndex = index;
          next.shardCount = count;
        });
  }

  /**
   * Sets whether a counterexample's minimal run is replayed twice more and the traces compared, to
   * catch nondeterminism Weft does not control (real time, unseeded randomness, hash order); on by
   * default.
   *
   * @param check whether to check
   * @return a new explorer
   */
  public Explorer checkDeterminism(boolean check) {
    return with(next -> next.checkDeterminism = check);
  }

  /**
   * Sets whether to keep exploring after the first failing try, to the end of the tries, and report
   * every distinct failure: tries are told apart by how they failed ({@link FailureKind}), the
   * exception's type and, for a deadlock, the blocked tasks. {@link ExplorationResult#failures()}
   * then holds each distinct failure, in the order first seen, with how many tries hit it and the
   * first of them shrunk to its own minimal schedule. Off by default: the exploration stops at the
   * first failing try.
   *
   * <pre>{@code
   * ExplorationResult result = Explorer.explore(scenario).everyFailure(true).tries(200).run();
   * System.out.println(result);
   * // Weft found 2 distinct failures in 200 tries (Strategy.random(), seed 0):
   * //   1. deadlock of main, P0, P1: <n> tries (<n/200>%), minimal schedule ""
   * //   2. AssertionError thrown by main: <m> tries (<m/200>%), minimal schedule "_*6 1:P0"
   * //   Passed: <200-n-m> tries (...%).
   * // then each failure's full report, as Counterexample.toString() writes it
   * }</pre>
   *
   * @param keepGoing whether to run every try and collect every distinct failure
   * @return a new explorer
   */
  public Explorer everyFailure(boolean keepGoing) {
    return with(next -> next.everyFailure = keepGoing);
  }

  /**
   * Sets how long, in real time, a task may run without calling into Weft before its try fails with
   * {@link dev.weft.BlockedOutsideWeftException}; the default is {@link RunOptions}'s, 30 s. Such a
   * try is reported as found, not shrunk: every replay would wait this long again.
   *
   * @param limit a positive duration
   * @return a new explorer
   * @throws IllegalArgumentException if {@code limit} is null, zero or negative
   */
  public Explorer watchdog(Duration limit) {
    return options(values.options.watchdog(limit));
  }

  /**
   * Tries these schedules, in order, before the strategy's tries: each is replayed once, and the
   * first that fails is shrunk and reported like a failing try. They are replayed leniently, under
   * the explorer's preemption mode: a schedule kept from an earlier run is a starting point, and
   * where the program changed since, the try goes on in asyncio's order instead of failing as a
   * strict {@link Strategy#replay} would; a failure is reported with the schedule the run took. A
   * tool keeps the minimal schedules of past failures and passes them here, so that a failure seen
   * once is checked first on every later run (the JUnit extension's failure database). They run in
   * every shard and are not counted in {@link #tries(int)}; {@link ExplorationResult#tries()}
   * counts them.
   *
   * @param schedules the schedules to try first; may be empty
   * @return a new explorer
   * @throws IllegalArgumentException if {@code schedules} is or holds null
   */
  public Explorer tryFirst(List<Schedule> schedules) {
    Preconditions.requireNonNull(schedules, "schedules");
    for (Schedule schedule : schedules) {
      Preconditions.requireNonNull(schedule, "each of schedules");
    }
    List<Schedule> copy = List.copyOf(schedules);
    return with(next -> next.first = copy);
  }

  /**
   * Sets which failures discard a try instead of failing it: a try that throws one counts as
   * neither a pass nor a failure ({@link ExplorationResult#discarded()}), as a test framework's
   * assumption does. By default no failure is discarded.
   *
   * <pre>{@code
   * Explorer.explore(scenario).discardWhen(e -> e instanceof TestAbortedException)
   * }</pre>
   *
   * @param discard says whether a try's failure discards it
   * @return a new explorer
   * @throws IllegalArgumentException if {@code discard} is null
   */
  public Explorer discardWhen(Predicate<? super Throwable> discard) {
    Preconditions.requireNonNull(discard, "discard");
    return with(next -> next.discard = discard);
  }

  /**
   * Runs the exploration. A failing scenario does not make this throw: the failure is in the
   * result's counterexample.
   *
   * @return what the exploration found
   * @throws IllegalStateException if called inside a Weft run; or if a try ended for a reason
   *     outside the scenario, which no schedule explains: the options' {@link dev.weft.RunListener}
   *     threw, a carrier thread could not start, or Weft failed internally; or if the scenario
   *     misused Weft (a nested {@code Weft.run} or exploration, a Weft call from a thread Weft does
   *     not run, a task or primitive of another run), on the first try that did, even if the
   *     scenario caught the error: that is the exception thrown, not shrunk as a failing schedule
   * @throws dev.weft.ReplayDivergedException if the strategy is {@link Strategy#replay} and the run
   *     departed from its schedule
   * @throws IllegalStateException if the calling thread is interrupted during the exploration: it
   *     stops before the next try, and the interrupt stays set
   * @throws IllegalArgumentException if the explorer is sharded and its strategy is exhaustive
   */
  public ExplorationResult run() {
    Runner.checkNotInRun("Explorer.run");
    if (values.shardCount > 1 && !StrategyImpl.of(strategy(), "strategy").shardable()) {
      throw new IllegalArgumentException(
          strategy()
              + " explores one tree depth first and cannot be split into shards (this explorer is"
              + " shard "
              + values.shardIndex
              + " of "
              + values.shardCount
              + "): run it in one job, or shard a random or pct exploration instead");
    }
    // The driver waits at most a watchdog period at a time, then a second's grace, and shows it
    // is alive after each wait; twice that, and five seconds more, means it gets no carrier.
    Duration watchdog = values.options.watchdog();
    long stall =
        watchdog.compareTo(Duration.ofDays(365)) > 0
            ? Long.MAX_VALUE
            : 2 * watchdog.toNanos() + STALL_MARGIN;
    return CarrierPool.onCarrier(this::explore, stall);
  }

  /** What the driver's heartbeat may miss beyond two watchdog periods, in nanoseconds. */
  private static final long STALL_MARGIN = 5_000_000_000L;

  private ExplorationResult explore() {
    Search search = StrategyImpl.of(strategy(), "strategy").search(seed());
    Callable<Void> main = Operations.callable(scenario);
    Tally tally = new Tally();
    tally.slowSteps = new SlowSteps(values.options.slowStepWarning());
    try (CarrierPool pool = new CarrierPool()) {
      return explore(search, main, tally, pool);
    } catch (RunInterruptedException interrupted) { // during a try, or a replay while shrinking
      throw interrupted(tally, interrupted);
    }
  }

  private ExplorationResult explore(
      Search search, Callable<Void> main, Tally tally, CarrierPool pool) {
    RunOptions options = tryOptions();
    List<Schedule> first = values.first;
    for (int i = 0; i < first.size(); i++) {
      checkNotInterrupted(tally);
      // Lenient: a schedule kept from an earlier run is a starting point, and the program may have
      // changed since; a failure is reported with the schedule the run actually took.
      Chooser replay = Chooser.replaying(ScheduleAccess.choices(first.get(i)));
      TryRecord record = Runner.runTry(options, replay, false, pool, main, tally.slowSteps);
      if (tally.failed(record, "on schedule " + (i + 1) + " of " + first.size() + " tried first")
          && !values.everyFailure) {
        return tally.result(pool, main);
      }
    }
    for (int tryIndex = 0; tryIndex < values.tries; tryIndex++) {
      if (tryIndex % values.shardCount != values.shardIndex) {
        continue;
      }
      checkNotInterrupted(tally);
      Chooser chooser = search.nextTry(tryIndex);
      if (chooser == null) {
        tally.exhausted = true;
        break;
      }
      TryRecord record = Runner.runTry(options, chooser, false, pool, main, tally.slowSteps);
      search.finished(record.choices());
      tally.traces = search.distinctTraces();
      if (tally.failed(record, "on try " + (tryIndex + 1) + " of " + values.tries)
          && !values.everyFailure) {
        return tally.result(pool, main);
      }
    }
    tally.exhausted |= search.exhausted();
    return tally.result(pool, main);
  }

  /**
   * Stops the exploration when its thread was interrupted (a test framework's timeout, say): the
   * interrupt stays set for the caller.
   */
  private void checkNotInterrupted(Tally tally) {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(tally, null);
    }
  }

  private static IllegalStateException interrupted(Tally tally, Throwable cause) {
    return new IllegalStateException(
        "The exploration was interrupted after "
            + tally.ran
            + (tally.ran == 1 ? " try" : " tries")
            + (tally.groups.isEmpty()
                ? ", with no failing schedule found so far"
                : ", with "
                    + tally.groups.size()
                    + (tally.groups.size() == 1 ? " distinct failure" : " distinct failures")
                    + " found but not yet shrunk")
            + "; it stopped there.",
        cause);
  }

  /** Counts the tries of one exploration, which were discarded, and how the others failed. */
  private final class Tally {
    int ran;
    int discarded;
    boolean exhausted;

    /** The first failing try of each distinct failure, in the order first seen. */
    final Map<Signature, Group> groups = new LinkedHashMap<>();

    /**
     * Counts {@code record}'s try, which ran {@code where}; returns whether it failed (and was not
     * discarded).
     */
    boolean failed(TryRecord record, String where) {
      ran++;
      if (record.failure() == null) {
        return false;
      }
      if (values.discard.test(record.failure())) {
        discarded++;
        return false;
      }
      groups.computeIfAbsent(Signature.of(record), key -> new Group(record, where)).tries++;
      return true;
    }

    /** The distinct traces the strategy's tries ran, or -1 if it does not count them. */
    int traces = -1;

    /** The slow steps of every try (not of the shrinker's replays). */
    SlowSteps slowSteps;

    /** Shrinks the first try of each distinct failure, and makes the result. */
    ExplorationResult result(CarrierPool pool, Callable<Void> main) {
      List<DistinctFailure> failures = new ArrayList<>();
      for (Map.Entry<Signature, Group> entry : groups.entrySet()) {
        Group group = entry.getValue();
        Counterexample shrunk =
            new Shrinker(Explorer.this, pool, main, values.everyFailure)
                .counterexample(group.first, group.where);
        failures.add(new Distinct(entry.getKey(), group.tries, shrunk));
      }
      Result result =
          new Result(
              ran,
              discarded,
              failures,
              // A search that goes on past failures saw its whole space even when some failed.
              exhausted && (failures.isEmpty() || values.everyFailure),
              describe(),
              values.everyFailure);
      result.traces = traces;
      result.slowStepWarning = slowSteps.warning();
      if (!values.everyFailure) { // with every failure, the summary ends with the warning once
        for (DistinctFailure failure : failures) {
          if (failure.counterexample() instanceof FoundCounterexample) {
            ((FoundCounterexample) failure.counterexample())
                .slowStepWarning(result.slowStepWarning);
          }
        }
      }
      return result;
    }
  }

  /** The first try of one distinct failure, and how many tries failed that way. */
  private static final class Group {
    final TryRecord first;
    final String where;
    int tries;

    Group(TryRecord first, String where) {
      this.first = first;
      this.where = where;
    }
  }

  /** The strategy, seed and preemption, as a report's first line says them. */
  private String describe() {
    return strategy()
        + ", seed "
        + seed()
        + (tryOptions().preemption() == Preemption.EVERY_OPERATION ? ", every operation" : "");
  }

  /**
   * Runs the exploration and throws if it found a failing schedule. If it found none but a task
   * held the run blocked outside Weft for longer than {@link RunOptions#slowStepWarning}, the
   * warning is logged as a {@code WARNING} of the {@link System.Logger} named {@code dev.weft}.
   *
   * @throws AssertionError whose message is the counterexample's report (with {@link
   *     #everyFailure(boolean)}, the summary of every distinct failure and each one's report), and
   *     whose cause is the (first) failure
   * @throws IllegalStateException as {@link #run()} does, for a misuse of Weft or a replay that
   *     departs from its schedule
   */
  public void check() {
    ExplorationResult result = run();
    Optional<Counterexample> found = result.counterexample();
    if (found.isPresent()) {
      throw new AssertionError(result.toString(), found.get().failure());
    }
    result
        .slowStepWarning()
        .ifPresent(warning -> System.getLogger("dev.weft").log(Level.WARNING, warning));
  }

  Strategy strategy() {
    return values.options.strategy();
  }

  long seed() {
    return values.options.seed();
  }

  /**
   * The options each try runs with: the explorer's, under the preemption mode of a replayed
   * schedule that says its own.
   */
  RunOptions tryOptions() {
    Preemption preemption = StrategyImpl.of(strategy(), "strategy").preemption();
    return preemption == null ? values.options : values.options.preemption(preemption);
  }

  int tries() {
    return values.tries;
  }

  boolean checksDeterminism() {
    return values.checkDeterminism;
  }

  /** One distinct failure of an exploration. */
  private static final class Distinct implements DistinctFailure {
    private final Signature signature;
    private final int tries;
    private final Counterexample counterexample;

    Distinct(Signature signature, int tries, Counterexample counterexample) {
      this.signature = signature;
      this.tries = tries;
      this.counterexample = counterexample;
    }

    @Override
    public FailureKind kind() {
      return signature.kind();
    }

    @Override
    public String exceptionType() {
      return signature.type();
    }

    @Override
    public List<String> blocked() {
      return signature.blocked();
    }

    @Override
    public int tries() {
      return tries;
    }

    @Override
    public Counterexample counterexample() {
      return counterexample;
    }

    @Override
    public String toString() {
      return signature + ": " + tries + (tries == 1 ? " try" : " tries");
    }
  }

  private static final class Result implements ExplorationResult {
    private final int tries;
    private final int discarded;
    private final List<DistinctFailure> failures;
    private final boolean exhausted;
    private final String settings;
    private final boolean everyFailure;
    int traces = -1;
    String slowStepWarning;

    Result(
        int tries,
        int discarded,
        List<DistinctFailure> failures,
        boolean exhausted,
        String settings,
        boolean everyFailure) {
      this.tries = tries;
      this.discarded = discarded;
      this.failures = List.copyOf(failures);
      this.exhausted = exhausted;
      this.settings = settings;
      this.everyFailure = everyFailure;
    }

    @Override
    public int tries() {
      return tries;
    }

    @Override
    public int discarded() {
      return discarded;
    }

    @Override
    public Optional<Counterexample> counterexample() {
      return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0).counterexample());
    }

    @Override
    public List<DistinctFailure> failures() {
      return failures;
    }

    @Override
    public boolean exhausted() {
      return exhausted;
    }

    @Override
    public OptionalInt distinctTraces() {
      return traces < 0 ? OptionalInt.empty() : OptionalInt.of(traces);
    }

    @Override
    public Optional<String> slowStepWarning() {
      return Optional.ofNullable(slowStepWarning);
    }

    @Override
    public String toString() {
      if (failures.isEmpty()) {
        return "No failing schedule in "
            + tries
            + (tries == 1 ? " try" : " tries")
            + (discarded == 0 ? "" : " (" + discarded + " discarded)")
            + (exhausted ? ": the bounded space was explored completely." : ".")
            + (slowStepWarning == null ? "" : "\n\n" + slowStepWarning);
      }
      if (!everyFailure) {
        return failures.get(0).counterexample().toString();
      }
      return summary() + details() + (slowStepWarning == null ? "" : "\n" + slowStepWarning + "\n");
    }

    /** One line per distinct failure: how often, and its minimal schedule. */
    private String summary() {
      int counted = tries - discarded;
      StringBuilder out =
          new StringBuilder("Weft found ")
              .append(failures.size())
              .append(failures.size() == 1 ? " distinct failure in " : " distinct failures in ")
              .append(tries)
              .append(tries == 1 ? " try" : " tries")
              .append(" (")
              .append(settings)
              .append("):\n");
      int failed = 0;
      for (int i = 0; i < failures.size(); i++) {
        DistinctFailure failure = failures.get(i);
        failed += failure.tries();
        Schedule minimal = failure.counterexample().minimal();
        out.append("  ")
            .append(i + 1)
            .append(". ")
            .append(failure)
            .append(" (")
            .append(percent(failure.tries(), counted))
            .append("), minimal schedule \"")
            .append(minimal)
            .append("\"\n");
      }
      out.append("  Passed: ")
          .append(counted - failed)
          .append(counted - failed == 1 ? " try" : " tries")
          .append(" (")
          .append(percent(counted - failed, counted))
          .append(").\n");
      if (discarded > 0) {
        out.append("  Discarded: ")
            .append(discarded)
            .append(discarded == 1 ? " try" : " tries")
            .append(", not counted in the shares.\n");
      }
      if (exhausted) {
        out.append("  The bounded space was explored completely: these are all its failures.\n");
      }
      return out.toString();
    }

    private String details() {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < failures.size(); i++) {
        out.append("\n=== Failure ")
            .append(i + 1)
            .append(" of ")
            .append(failures.size())
            .append(" ===\n")
            .append(failures.get(i).counterexample());
      }
      return out.toString();
    }

    /** {@code part} of {@code whole} as a percentage with at most one decimal: "41.2%", "12%". */
    private static String percent(int part, int whole) {
      if (whole == 0) {
        return "0%";
      }
      java.math.BigDecimal share =
          java.math.BigDecimal.valueOf(part * 100L)
              .divide(java.math.BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_EVEN)
              .stripTrailingZeros();
      return share.toPlainString() + "%";
    }
  }
}
