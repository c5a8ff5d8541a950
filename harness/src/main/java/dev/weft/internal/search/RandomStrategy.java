package dev.weft.internal.search;

import java.util.SplittableRandom;

/**
 * Uniformly random choices, seeded per try: any ready callback may run next, a switch happens at an
 * operation with probability 1/4, and {@code choose} values are uniform.
 */
final class RandomStrategy extends StrategyImpl {
  static final RandomStrategy INSTANCE = new RandomStrategy();

  private RandomStrategy() {}

  @Override
  public Search search(long seed) {
    return new PerTry(seed) {
      @Override
      Chooser chooser(long trySeed) {
        SplittableRandom random = new SplittableRandom(trySeed);
        return new Chooser() {
          @Override
          int pickTask(LoopView view, int candidates) {
            return random.nextInt(candidates);
          }

          @Override
          boolean preempt(LoopView view) {
            return random.nextInt(4) == 0;
          }

          @Override
          int data(LoopView view, int bound) {
            return random.nextInt(bound);
          }
        };
      }
    };
  }

  @Override
  public String toString() {
    return "Strategy.random()";
  }
}
