package dev.weft;

import dev.weft.internal.search.StrategyImpl;

/**
 * How a run decides its choice points: which ready task runs next when more than one could, whether
 * to switch at an operation ({@link Preemption#EVERY_OPERATION}), and what {@link Weft#choose}
 * returns. A strategy is an immutable value; get one from the factories below and pass it to {@link
 * RunOptions#strategy} or to an {@code Explorer}. Weft does not take strategies implemented
 * elsewhere: the factories are the only source.
 *
 * @since 0.1
 */
public interface Strategy {
  /**
   * asyncio's order at every choice point, and 0 for every data choice: the default.
   *
   * @return the FIFO strategy
   */
  static Strategy fifo() {
    return StrategyImpl.fifo();
  }

  /**
   * Uniformly random choices, seeded per try from the run's or explorer's seed: the same seed gives
   * the same runs.
   *
   * @return the random strategy
   */
  static Strategy random() {
    return StrategyImpl.random();
  }

  /**
   * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random task priorities with
   * {@code depth - 1} priority change points per try. A step is a decision between tasks: which of
   * two or more ready tasks of a pass runs next, or, under {@link Preemption#EVERY_OPERATION},
   * whether the running task goes on at an operation; the highest priority wins it. At a change
   * point, placed uniformly among the steps, the task about to win drops below every other, so the
   * order changes at that step and the task stays last from then on. A plain callback (a timer, a
   * done callback) draws a priority from the tasks' range for its pass, so it runs before or after
   * each task not dropped with even chances, and is no step. A bug that needs {@code depth}
   * specific orderings is found with probability at least {@code 1 / (n * k^(depth-1))} per try,
   * for {@code n} tasks and {@code k} steps. An explorer learns {@code k} from its tries, counting
   * steps as the change points do; a single run (and an exploration's first try) guesses 32.
   *
   * <p>The priorities hold from pass to pass, so PCT is the strategy for bugs that need an order
   * kept through many passes: a monitor that stays ahead of a worker for several ticks, a client
   * that keeps polling before its server answers, or, at depth 2 and 3, a task that stays ahead for
   * a while, then behind (and then ahead again). {@link #random()} orders each pass anew and meets
   * an order kept through {@code r} passes with probability {@code 2^-r}; for PCT it is one
   * ordering. A bug whose orderings fall within a few passes is met by {@link #random()} with even
   * chances per ordering, and there {@code random} is as fast or faster.
   *
   * @param depth the depth of the bugs to look for, 1 or more; 2 or 3 finds most
   * @return the PCT strategy
   * @throws IllegalArgumentException if {@code depth} is less than 1
   */
  static Strategy pct(int depth) {
    return StrategyImpl.pct(depth);
  }

  /**
   * Partial order sampling (Yuan et al., CAV 2018), the default strategy of the Fray tester: each
   * task's next event (its next step, or under {@link Preemption#EVERY_OPERATION} the operation it
   * is about to do) draws a random priority when its previous event has run and keeps it until it
   * runs; the highest priority runs first, plain callbacks (timers, done callbacks) included. A
   * task passed over keeps its priority, so under {@code EVERY_OPERATION} switches follow the
   * priorities instead of a fixed coin, which spreads the tries more evenly over the orders of
   * dependent operations than {@link #random()} does. In {@link Preemption#COOPERATIVE} mode the
   * first pass is a uniformly random order; the task that runs last in a pass runs without a
   * decision and keeps its low priority, so an order tends to last (of two tasks, one stays ahead
   * of the other through {@code r} passes with probability {@code 1 / (r + 1)}, not {@code 2^-r}).
   * Weft does not see which state task code touches, so unlike the paper it does not redraw the
   * priorities of racing events.
   *
   * @return the POS strategy
   * @since 0.1
   */
  static Strategy pos() {
    return StrategyImpl.pos();
  }

  /**
   * Every schedule with at most {@code maxPreemptions} departures from asyncio's order, depth
   * first; data choices are tried in full. An exploration reports when it has exhausted the bounded
   * space. Orders of steps that commute are run once (partial-order reduction with sleep sets), and
   * {@code ExplorationResult.distinctTraces()} counts the traces run. Weft cannot see which state a
   * task's code touches, so only its own callbacks that run no user code (the timers of tasks that
   * sleep until the same moment, a gather's count of its children) are taken to commute; {@link
   * #exhaustive(int, SharedState)} takes more to commute when the program declares what its tasks
   * share.
   *
   * @param maxPreemptions the most departures per schedule, 0 or more; small bounds (1 to 3) find
   *     most bugs
   * @return the exhaustive strategy
   * @throws IllegalArgumentException if {@code maxPreemptions} is negative
   */
  static Strategy exhaustive(int maxPreemptions) {
    return StrategyImpl.exhaustive(maxPreemptions, SharedState.ANY);
  }

  /**
   * As {@link #exhaustive(int)}, under an assumption about the state tasks share. With {@link
   * SharedState#DECLARED} (the program shares state only through Weft's primitives, futures and
   * tasks, and names it passes to {@link Weft#touch(String)}), steps of a pass that touch nothing
   * in common commute, and the search explores one order of them: dynamic partial-order reduction
   * (Flanagan and Godefroid, 2005) with sleep sets. Programs whose tasks work on different
   * primitives need far fewer tries; {@code ExplorationResult.distinctTraces()} counts the traces
   * run. Within a bound the two searches do not cover quite the same traces: the unreduced search
   * can reach a trace cheaply by reordering steps that commute (their order decides the order of
   * the next pass), which the declared search never reorders, so it may need more departures for
   * that trace; and the other way round. A bound that cuts nothing covers every trace.
   *
   * <pre>{@code
   * Explorer.of(program).strategy(Strategy.exhaustive(2, SharedState.DECLARED)).check();
   * }</pre>
   *
   * @param maxPreemptions the most departures per schedule, 0 or more
   * @param sharing what tasks share: {@link SharedState#ANY} is {@link #exhaustive(int)}
   * @return the exhaustive strategy
   * @throws IllegalArgumentException if {@code maxPreemptions} is negative or {@code sharing} is
   *     null
   * @since 0.1
   */
  static Strategy exhaustive(int maxPreemptions, SharedState sharing) {
    return StrategyImpl.exhaustive(maxPreemptions, sharing);
  }

  /**
   * The choices of {@code schedule}, then the defaults: reproduces a recorded run, under the
   * schedule's preemption mode if it says one ({@code every-operation:}). The replay is strict: a
   * choice that does not fit the run (another kind of choice point, an index past the ready tasks,
   * a named task that is not ready, a value {@code Weft.choose} cannot return) or choices left over
   * at the end make the run throw {@link ReplayDivergedException}, naming the first departure.
   *
   * <pre>{@code
   * Weft.run(RunOptions.defaults().strategy(Strategy.replay(Schedule.parse("1:B d2"))), program);
   * }</pre>
   *
   * @param schedule the schedule to replay
   * @return the replay strategy
   * @throws IllegalArgumentException if {@code schedule} is null
   */
  static Strategy replay(Schedule schedule) {
    return StrategyImpl.replay(schedule);
  }
}
