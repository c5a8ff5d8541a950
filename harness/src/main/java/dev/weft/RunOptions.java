package dev.weft;

import dev.weft.internal.Preconditions;
import dev.weft.internal.search.StrategyImpl;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Weft#run(RunOptions, java.util.concurrent.Callable)} runs a program: limits, failure
 * policies, an optional event listener, and how choice points are decided (strategy, preemption,
 * seed; the default is asyncio's FIFO order).
 *
 * <p>Immutable: every method that configures returns a new value, so a configured instance can be
 * shared.
 *
 * <pre>{@code
 * RunOptions strict = RunOptions.defaults().failOnLeftoverTasks(true).maxSteps(100_000);
 * Weft.run(strict, () -> ...);
 * }</pre>
 *
 * @since 0.1
 */
public final class RunOptions {
  private static final RunOptions DEFAULTS = new RunOptions(new Values());

  /** The settings; filled before the constructor ends and never changed after. */
  private final Values values;

  /** The settings as a mutable record, so that each option is copied in one place. */
  private static final class Values {
    Duration watchdog = Duration.ofSeconds(30);
    Duration slowStepWarning = Duration.ofMillis(100);
    long maxSteps = 1_000_000;
    boolean failOnUnobservedFailures = true;
    boolean failOnLeftoverTasks;
    RunListener listener;
    Strategy strategy = Strategy.fifo();
    Preemption preemption = Preemption.COOPERATIVE;
    long seed;

    Values copy() {
      Values copy = new Values();
      copy.watchdog = watchdog;
      copy.slowStepWarning = slowStepWarning;
      copy.maxSteps = maxSteps;
      copy.failOnUnobservedFailures = failOnUnobservedFailures;
      copy.failOnLeftoverTasks = failOnLeftoverTasks;
      copy.listener = listener;
      copy.strategy = strategy;
      copy.preemption = preemption;
      copy.seed = seed;
      return copy;
    }
  }

  private RunOptions(Values values) {
    this.values = values;
  }

  /** Returns new options: these with {@code change} applied to a copy of their values. */
  private RunOptions with(Consumer<Values> change) {
    Values next = values.copy();
    change.accept(next);
    return new RunOptions(next);
  }

  /**
   * Sets the strategy that decides the run's choice points; see {@link Strategy}. The default is
   * {@link Strategy#fifo()}, asyncio's order.
   *
   * @param strategy the strategy
   * @return new options
   * @throws IllegalArgumentException if {@code strategy} is null or not made by {@link Strategy}'s
   *     factories
   */
  public RunOptions strategy(Strategy strategy) {
    StrategyImpl.of(strategy, "strategy");
    return with(next -> next.strategy = strategy);
  }

  /**
   * Replays a recorded schedule: same as {@code strategy(Strategy.replay(schedule))}. The replay is
   * strict: a run that departs from the schedule throws {@link ReplayDivergedException}, naming the
   * first departure. A schedule that says its preemption mode ({@code every-operation:}) replays
   * under it, whatever {@link #preemption(Preemption)} says.
   *
   * @param schedule the schedule, for example from a counterexample report
   * @return new options
   * @throws IllegalArgumentException if {@code schedule} is null
   */
  public RunOptions replay(Schedule schedule) {
    return strategy(Strategy.replay(schedule));
  }

  /**
   * Sets where the run may switch tasks; the default is {@link Preemption#COOPERATIVE}. A replayed
   * schedule that says its own mode ({@link Schedule#preemption()}) overrides it.
   *
   * @param preemption the preemption mode
   * @return new options
   * @throws IllegalArgumentException if {@code preemption} is null
   */
  public RunOptions preemption(Preemption preemption) {
    Preconditions.requireNonNull(preemption, "preemption");
    return with(next -> next.preemption = preemption);
  }

  /**
   * Sets the seed of a random strategy ({@link Strategy#random()}, {@link Strategy#pct(int)}); the
   * default is 0. The same seed gives the same run.
   *
   * @param seed the seed
   * @return new options
   */
  public RunOptions seed(long seed) {
    return with(next -> next.seed = seed);
  }

  /**
   * Returns the strategy.
   *
   * @return the strategy
   */
  public Strategy strategy() {
    return values.strategy;
  }

  /**
   * Returns the preemption mode.
   *
   * @return the preemption mode
   */
  public Preemption preemption() {
    return values.preemption;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return values.seed;
  }

  /**
   * Returns the defaults: FIFO order as asyncio (strategy fifo, cooperative, seed 0), watchdog 30
   * s, a warning for steps over 100 ms of real time, at most 1,000,000 steps, unobserved task
   * failures fail the run, leftover tasks are cancelled quietly, no listener.
   *
   * @return the default options
   */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets how long, in real time, a task may run without calling into Weft before the run fails with
   * {@link BlockedOutsideWeftException}. The watchdog then interrupts the task's thread and gives
   * it one more second (whatever the limit) to stop; a thread that has not stopped by then is left
   * running, and the failure says so.
   *
   * @param limit a positive duration; default 30 s
   * @return new options
   * @throws IllegalArgumentException if {@code limit} is null, zero or negative
   */
  public RunOptions watchdog(Duration limit) {
    Preconditions.requirePositive(limit, "watchdog limit");
    return with(next -> next.watchdog = limit);
  }

  /**
   * Sets how long, in real time, a task may hold the run (run without a switch to another task)
   * while it is blocked outside Weft before the run warns about it; {@link Duration#ZERO} turns the
   * warning off. Weft runs tasks one at a time and switches only inside its own calls, so code that
   * blocks outside Weft ({@code Thread.sleep}, a JDK lock or queue, I/O) holds up the whole run: it
   * makes runs slow, and what it waits for is invisible to exploration. The run looks at the
   * running task's thread every half threshold, and counts a task's time only if it is longer than
   * the threshold and its thread was seen sleeping or waiting: a task that computes (or loads
   * classes in a fresh JVM) is not warned about, and a busy loop is left to the {@link
   * #watchdog(Duration) watchdog}.
   *
   * <p>The warning names each such task, its longest such time (real time, virtual time, the Weft
   * calls before and after it) and how often it happened. Real time decides nothing in a run and
   * appears nowhere else: a run without a slow step reports exactly what it did before. Where the
   * warning goes: a run that fails carries it as a suppressed exception of what it throws; a run
   * that succeeds gives it to {@link RunListener#onSlowSteps(String)}, which logs it by default (as
   * a {@code WARNING} of the {@link System.Logger} named {@code dev.weft}), as a run without a
   * listener does; an exploration puts the warning for all its tries in its result and at the end
   * of its report.
   *
   * <pre>{@code
   * Weft.run(RunOptions.defaults().slowStepWarning(Duration.ofSeconds(1)), program);  // warn later
   * Weft.run(RunOptions.defaults().slowStepWarning(Duration.ZERO), program);          // never warn
   * }</pre>
   *
   * @param threshold a duration, zero or positive; default 100 ms; zero turns the warning off
   * @return new options
   * @throws IllegalArgumentException if {@code threshold} is null or negative
   * @since 0.2
   */
  public RunOptions slowStepWarning(Duration threshold) {
    Preconditions.requireNotNegative(threshold, "slowStepWarning threshold");
    return with(next -> next.slowStepWarning = threshold);
  }

  /**
   * Returns the threshold of the slow step warning.
   *
   * @return the real time a task may hold the run blocked outside Weft before the run warns; zero
   *     when the warning is off
   * @since 0.2
   */
  public Duration slowStepWarning() {
    return values.slowStepWarning;
  }

  /**
   * Sets how many scheduler steps (task steps and callbacks) a run may take before it fails with
   * {@link StepLimitExceededException}; this turns a livelock into a failure.
   *
   * @param limit 1 or more; default 1,000,000
   * @return new options
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public RunOptions maxSteps(long limit) {
    Preconditions.requireAtLeast(limit, 1, "maxSteps");
    return with(next -> next.maxSteps = limit);
  }

  /**
   * Sets whether a task failure that nobody observed fails the run (default {@code true}).
   *
   * <p>A failure is observed when some code joins the task, reads its {@link Task#result()}, or
   * receives it through {@code gather}, {@code gatherSettled}, {@code waitFor} and the like. An
   * unobserved failure is asyncio's "Task exception was never retrieved". When {@code true}, {@link
   * Weft#run} throws a {@link TaskFailedException} naming the task (if main itself failed, main's
   * failure is thrown and the others are added to it as suppressed exceptions). When {@code false},
   * such failures are ignored.
   *
   * @param fail whether to fail the run
   * @return new options
   */
  public RunOptions failOnUnobservedFailures(boolean fail) {
    return with(next -> next.failOnUnobservedFailures = fail);
  }

  /**
   * Sets whether tasks still pending when main returns fail the run (default {@code false}).
   *
   * <p>Either way they are cancelled in creation order and driven to their end on the virtual
   * clock, as <a
   * href="https://docs.python.org/3.13/library/asyncio-runner.html#asyncio.run">asyncio.run</a>
   * does. When {@code true}, the run then fails with a {@link LeftoverTasksException} that names
   * each leftover task and where it was blocked.
   *
   * @param fail whether to fail the run
   * @return new options
   */
  public RunOptions failOnLeftoverTasks(boolean fail) {
    return with(next -> next.failOnLeftoverTasks = fail);
  }

  /**
   * Sets a listener that receives every {@link RunEvent} of the run.
   *
   * @param listener the listener, or {@code null} for none
   * @return new options
   */
  public RunOptions listener(RunListener listener) {
    return with(next -> next.listener = listener);
  }

  /**
   * Returns the watchdog limit.
   *
   * @return the real-time limit for a task that does not call into Weft
   */
  public Duration watchdog() {
    return values.watchdog;
  }

  /**
   * Returns the step limit.
   *
   * @return the maximum number of scheduler steps
   */
  public long maxSteps() {
    return values.maxSteps;
  }

  /**
   * Returns whether unobserved task failures fail the run.
   *
   * @return the policy
   */
  public boolean failOnUnobservedFailures() {
    return values.failOnUnobservedFailures;
  }

  /**
   * Returns whether leftover tasks fail the run.
   *
   * @return the policy
   */
  public boolean failOnLeftoverTasks() {
    return values.failOnLeftoverTasks;
  }

  /**
   * Returns the listener.
   *
   * @return the listener, or {@code null}
   */
  public RunListener listener() {
    return values.listener;
  }

  @Override
  public String toString() {
    return "RunOptions[watchdog="
        + values.watchdog
        + ", slowStepWarning="
        + values.slowStepWarning
        + ", maxSteps="
        + values.maxSteps
        + ", failOnUnobservedFailures="
        + values.failOnUnobservedFailures
        + ", failOnLeftoverTasks="
        + values.failOnLeftoverTasks
        + ", listener="
        + Objects.toString(values.listener, "none")
        + ", strategy="
        + values.strategy
        + ", preemption="
        + values.preemption
        + ", seed="
        + values.seed
        + "]";
  }
}
