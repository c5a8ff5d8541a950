package dev.weft.explore;

import dev.weft.Preemption;
import dev.weft.RunOptions;
import dev.weft.Strategy;
import dev.weft.ThrowingRunnable;
import dev.weft.internal.CarrierPool;
import dev.weft.internal.Operations;
import dev.weft.internal.Runner;
import dev.weft.internal.Search;
import dev.weft.internal.StrategyImpl;
import dev.weft.internal.TryRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

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
 * <p>Immutable: each configuring method returns a new explorer. Defaults: {@link
 * Strategy#random()}, 1,000 tries, seed 0, at most 100,000 steps per try, {@link
 * Preemption#COOPERATIVE}, one shard, the determinism self-check on.
 *
 * @since 0.1
 */
public final class Explorer {
  private final ThrowingRunnable scenario;

  /** The settings; filled before the constructor ends and never changed after. */
  private final Values values;

  /** The settings as a mutable record, so that each option is copied in one place. */
  private static final class Values {
    Strategy strategy = Strategy.random();
    int tries = 1_000;
    long seed;
    int maxSteps = 100_000;
    Preemption preemption = Preemption.COOPERATIVE;
    int shardIndex;
    int shardCount = 1;
    boolean checkDeterminism = true;
    Duration watchdog = RunOptions.defaults().watchdog();

    Values copy() {
      Values copy = new Values();
      copy.strategy = strategy;
      copy.tries = tries;
      copy.seed = seed;
      copy.maxSteps = maxSteps;
      copy.preemption = preemption;
      copy.shardIndex = shardIndex;
      copy.shardCount = shardCount;
      copy.checkDeterminism = checkDeterminism;
      copy.watchdog = watchdog;
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
    if (scenario == null) {
      throw new IllegalArgumentException("scenario must not be null");
    }
    return new Explorer(scenario, new Values());
  }

  /**
   * Sets the strategy; the default is {@link Strategy#random()}.
   *
   * @param strategy the strategy
   * @return a new explorer
   * @throws IllegalArgumentException if {@code strategy} is null
   */
  public Explorer strategy(Strategy strategy) {
    StrategyImpl.of(strategy, "strategy");
    return with(next -> next.strategy = strategy);
  }

  /**
   * Sets how many tries to run at most (in all shards together); the default is 1,000.
   *
   * @param n 1 or more
   * @return a new explorer
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public Explorer tries(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("tries must be 1 or more, but was " + n);
    }
    return with(next -> next.tries = n);
  }

  /**
   * Sets the seed every try's choices derive from; the default is 0.
   *
   * @param seed the seed
   * @return a new explorer
   */
  public Explorer seed(long seed) {
    return with(next -> next.seed = seed);
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
    if (n < 1) {
      throw new IllegalArgumentException("maxSteps must be 1 or more, but was " + n);
    }
    return with(next -> next.maxSteps = n);
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
    if (preemption == null) {
      throw new IllegalArgumentException("preemption must not be null");
    }
    return with(next -> next.preemption = preemption);
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
    RunOptions.defaults().watchdog(limit); // checks the argument
    return with(next -> next.watchdog = limit);
  }

  /**
   * Runs the exploration. A failing scenario does not make this throw: the failure is in the
   * result's counterexample.
   *
   * @return what the exploration found
   * @throws IllegalStateException if called inside a Weft run
   * @throws IllegalArgumentException if the explorer is sharded and its strategy is exhaustive
   */
  public ExplorationResult run() {
    Runner.checkNotInRun("Explorer.run");
    if (values.shardCount > 1 && !StrategyImpl.of(values.strategy, "strategy").shardable()) {
      throw new IllegalArgumentException(
          values.strategy
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
    Search search = StrategyImpl.of(values.strategy, "strategy").search(values.seed);
    RunOptions options = options();
    Callable<Void> main = main();
    int ran = 0;
    boolean exhausted = false;
    try (CarrierPool pool = new CarrierPool()) {
      for (int tryIndex = 0; tryIndex < values.tries; tryIndex++) {
        if (tryIndex % values.shardCount != values.shardIndex) {
          continue;
        }
        TryRecord record = Runner.explore(options, search, tryIndex, false, pool, main);
        if (record == null) {
          exhausted = true;
          break;
        }
        ran++;
        if (record.failure != null) {
          Counterexample found =
              new Shrinker(this, options, pool, main).counterexample(record, tryIndex);
          return new Result(ran, found, false);
        }
      }
    }
    return new Result(ran, null, exhausted || search.exhausted());
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

  RunOptions options() {
    return RunOptions.defaults()
        .maxSteps(values.maxSteps)
        .preemption(values.preemption)
        .watchdog(values.watchdog);
  }

  private Callable<Void> main() {
    return Operations.callable(scenario);
  }

  Strategy strategy() {
    return values.strategy;
  }

  long seed() {
    return values.seed;
  }

  int tries() {
    return values.tries;
  }

  int maxSteps() {
    return values.maxSteps;
  }

  Preemption preemption() {
    return values.preemption;
  }

  boolean checksDeterminism() {
    return values.checkDeterminism;
  }

  private static final class Result implements ExplorationResult {
    private final int tries;
    private final Counterexample counterexample;
    private final boolean exhausted;

    Result(int tries, Counterexample counterexample, boolean exhausted) {
      this.tries = tries;
      this.counterexample = counterexample;
      this.exhausted = exhausted;
    }

    @Override
    public int tries() {
      return tries;
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
    public String toString() {
      return counterexample != null
          ? counterexample.toString()
          : "No failing schedule in "
              + tries
              + (tries == 1 ? " try" : " tries")
              + (exhausted ? ": the bounded space was explored completely." : ".");
    }
  }
}
