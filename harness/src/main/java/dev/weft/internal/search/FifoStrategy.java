package dev.weft.internal.search;

/** asyncio's order at every choice point; every try is the same run. */
final class FifoStrategy extends StrategyImpl {
  static final FifoStrategy INSTANCE = new FifoStrategy();

  private FifoStrategy() {}

  @Override
  public Search search(long seed) {
    return new PerTry(seed) {
      @Override
      Chooser chooser(long trySeed) {
        return Chooser.FIFO;
      }
    };
  }

  @Override
  public String toString() {
    return "Strategy.fifo()";
  }
}
