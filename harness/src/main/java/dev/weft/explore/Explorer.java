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
import dev.weft.internal.search.Chooser;
import dev.weft.internal.search.ScheduleAccess;
import dev.weft.internal.search.Search;
import dev.weft.internal.search.StrategyImpl;
import dev.weft.internal.search.TryRecord;
import java.time.Duration;
import java.util.List;
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
 * strategy. The first failing try stops the search; its schedule is shrunk to the smallest one that
 * fails the same way, and the minimal run is replayed with a trace. Everything is derived from the
 * seed: the same explorer gives the same tries and the same counterexample on every machine.
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
    List<Schedule> first = List.of();
    Predicate<? super Throwable> discard = failure -> false;

    Values copy() {
      Values copy = new Values();
      copy.options = options;
      copy.tries = tries;
      copy.shardIndex = shardIndex;
      copy.shardCount = shardCount;
      copy.checkDeterminism = checkDeterminism;
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
   * first that fails is shrunk and reported like a failing try. A tool keeps the minimal schedules
   * of past failures and passes them here, so that a failure seen once is checked first on every
   * later run (the JUnit extension's failure database). They run in every shard and are not counted
   * in {@link #tries(int)}; {@link ExplorationResult#tries()} counts them.
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
   *     threw, a carrier thread could not start, or Weft failed internally
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
    return CarrierPool.onCarrier(this::explore);
  }

  private ExplorationResult explore() {
    Search search = StrategyImpl.of(strategy(), "strategy").search(seed());
    Callable<Void> main = Operations.callable(scenario);
    Tally tally = new Tally();
    try (CarrierPool pool = new CarrierPool()) {
      return explore(search, main, tally, pool);
    } catch (RunInterruptedException interrupted) { // during a try, or a replay while shrinking
      throw interrupted(tally, interrupted);
    }
  }

  private ExplorationResult explore(
      Search search, Callable<Void> main, Tally tally, CarrierPool pool) {
    List<Schedule> first = values.first;
    for (int i = 0; i < first.size(); i++) {
      checkNotInterrupted(tally);
      Chooser replay = Chooser.replaying(ScheduleAccess.choices(first.get(i)));
      TryRecord record = Runner.runTry(values.options, replay, false, pool, main);
      if (tally.failed(record)) {
        String where = "on schedule " + (i + 1) + " of " + first.size() + " tried first";
        return tally.result(new Shrinker(this, pool, main).counterexample(record, where));
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
      TryRecord record = Runner.runTry(values.options, chooser, false, pool, main);
      search.finished(record.choices());
      tally.traces = search.distinctTraces();
      if (tally.failed(record)) {
        String where = "on try " + (tryIndex + 1) + " of " + values.tries;
        return tally.result(new Shrinker(this, pool, main).counterexample(record, where));
      }
    }
    tally.exhausted |= search.exhausted();
    return tally.result(null);
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
            + ", with no failing schedule found so far; it stopped there.",
        cause);
  }

  /** Counts the tries of one exploration, and which were discarded. */
  private final class Tally {
    int ran;
    int discarded;
    boolean exhausted;

    /** Counts {@code record}'s try; returns whether it failed (and was not discarded). */
    boolean failed(TryRecord record) {
      ran++;
      if (record.failure() == null) {
        return false;
      }
      if (values.discard.test(record.failure())) {
        discarded++;
        return false;
      }
      return true;
    }

    /** The distinct traces the strategy's tries ran, or -1 if it does not count them. */
    int traces = -1;

    ExplorationResult result(Counterexample found) {
      Result result = new Result(ran, discarded, found, found == null && exhausted);
      result.traces = traces;
      return result;
    }
  }

  /**
   * Runs the exploration and throws if it found a failing schedule.
   *
   * @throws AssertionError whose message is the counterexample's report, and whose cause is the
   *     failure
   */
  public void check() {
    Optional<Counterexample> found = run().counterexample();
    if (found.isPresent()) {
      throw new AssertionError(found.get().toString(), found.get().failure());
    }
  }

  Strategy strategy() {
    return values.options.strategy();
  }

  long seed() {
    return values.options.seed();
  }

  int tries() {
    return values.tries;
  }

  boolean checksDeterminism() {
    return values.checkDeterminism;
  }

  private static final class Result implements ExplorationResult {
    private final int tries;
    private final int discarded;
    private final Counterexample counterexample;
    private final boolean exhausted;
    int traces = -1;

    Result(int tries, int discarded, Counterexample counterexample, boolean exhausted) {
      this.tries = tries;
      this.discarded = discarded;
      this.counterexample = counterexample;
      this.exhausted = exhausted;
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
      return Optional.ofNullable(counterexample);
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
    public String toString() {
      return counterexample != null
          ? counterexample.toString()
          : "No failing schedule in "
              + tries
              + (tries == 1 ? " try" : " tries")
              + (discarded == 0 ? "" : " (" + discarded + " discarded)")
              + (exhausted ? ": the bounded space was explored completely." : ".");
    }
  }
}
