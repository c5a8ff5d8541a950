package dev.weft.internal.search;

import dev.weft.Strategy;
import dev.weft.internal.Preconditions;

/**
 * The base of every {@link Strategy}: a description of how to decide choice points, which starts a
 * {@link Search} per exploration. Strategies are values: immutable, and reusable across explorers.
 *
 * <p>Internal: public only so that {@code dev.weft} and {@code dev.weft.explore} can use it.
 */
public abstract class StrategyImpl implements Strategy {
  /**
   * Starts a search; the same seed gives the same tries.
   *
   * @param seed the exploration's seed
   * @return a new search
   */
  public abstract Search search(long seed);

  /**
   * Returns whether an exploration with this strategy can be split into shards by try number.
   *
   * @return true unless the search needs every try's outcome to choose the next one
   */
  public boolean shardable() {
    return true;
  }

  /**
   * Returns the preemption mode this strategy's runs use whatever the run options say, or {@code
   * null} for the options' own: a replayed schedule that says its mode replays under it.
   *
   * @return the preemption mode, or {@code null}
   */
  public dev.weft.Preemption preemption() {
    return null;
  }

  /**
   * Returns the strategy as code: {@code Strategy.pct(2)}.
   *
   * @return how to write this strategy
   */
  @Override
  public abstract String toString();

  /**
   * Returns whether {@code other} is the same strategy: strategies are values, and their code says
   * all there is to them ({@code Strategy.pct(2)} equals {@code Strategy.pct(2)}).
   *
   * @param other the object to compare with
   * @return whether both are the same strategy
   */
  @Override
  public final boolean equals(Object other) {
    return other instanceof StrategyImpl
        && other.getClass() == getClass()
        && other.toString().equals(toString());
  }

  @Override
  public final int hashCode() {
    return toString().hashCode();
  }

  /**
   * Returns {@code strategy} as the internal type, or throws if it was not made by {@link
   * Strategy}'s factories.
   *
   * @param strategy a strategy
   * @param argument the argument's name, for the message
   * @return the strategy
   */
  public static StrategyImpl of(Strategy strategy, String argument) {
    if (strategy instanceof StrategyImpl) {
      return (StrategyImpl) strategy;
    }
    throw new IllegalArgumentException(
        argument
            + " must come from Strategy's factories (fifo, random, pct, pos, exhaustive, replay), but was"
            + " a "
            + (strategy == null ? "null" : strategy.getClass().getName()));
  }

  /** A seed for try {@code tryIndex} of a search seeded with {@code seed}: well mixed. */
  static long trySeed(long seed, int tryIndex) {
    long z = seed + 0x9E3779B97F4A7C15L * (tryIndex + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** {@link Strategy#fifo()}. */
  public static StrategyImpl fifo() {
    return FifoStrategy.INSTANCE;
  }

  /** {@link Strategy#random()}. */
  public static StrategyImpl random() {
    return RandomStrategy.INSTANCE;
  }

  /** {@link Strategy#pos()}. */
  public static StrategyImpl pos() {
    return PosStrategy.INSTANCE;
  }

  /**
   * {@link Strategy#pct(int)}.
   *
   * @param depth the bug depth, 1 or more
   * @return the strategy
   */
  public static StrategyImpl pct(int depth) {
    Preconditions.requireAtLeast(depth, 1, "depth");
    return new PctStrategy(depth);
  }

  /**
   * {@link Strategy#exhaustive(int, dev.weft.SharedState)}.
   *
   * @param maxPreemptions the preemption bound, 0 or more
   * @param sharing what tasks share, not null
   * @return the strategy
   */
  public static StrategyImpl exhaustive(int maxPreemptions, dev.weft.SharedState sharing) {
    Preconditions.requireAtLeast(maxPreemptions, 0, "maxPreemptions");
    Preconditions.requireNonNull(sharing, "sharing");
    return new ExhaustiveStrategy(maxPreemptions, sharing);
  }

  /**
   * {@link Strategy#replay(dev.weft.Schedule)}.
   *
   * @param schedule the schedule, not null
   * @return the strategy
   */
  public static StrategyImpl replay(dev.weft.Schedule schedule) {
    Preconditions.requireNonNull(schedule, "schedule");
    return new ReplayStrategy(schedule);
  }

  /** A search whose tries are independent: each gets a fresh chooser seeded for its number. */
  abstract static class PerTry extends Search {
    private final long seed;

    PerTry(long seed) {
      this.seed = seed;
    }

    @Override
    public final Chooser nextTry(int tryIndex) {
      return chooser(trySeed(seed, tryIndex));
    }

    abstract Chooser chooser(long trySeed);
  }
}
