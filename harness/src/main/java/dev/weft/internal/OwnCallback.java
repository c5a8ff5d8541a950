package dev.weft.internal;

/**
 * One of Weft's own callbacks that runs no user code and touches only {@code footprint} (the future
 * it completes, the gather it counts in): two such callbacks with different footprints commute, up
 * to the order in which they make tasks ready, which an exhaustive search orders anyway. The
 * exhaustive search's partial-order reduction reads the footprint through {@link
 * dev.weft.internal.search.LoopView#candidateFootprint}.
 */
final class OwnCallback implements Runnable {
  private final Object footprint;
  private final Runnable body;

  OwnCallback(Object footprint, Runnable body) {
    this.footprint = footprint;
    this.body = body;
  }

  Object footprint() {
    return footprint;
  }

  @Override
  public void run() {
    body.run();
  }
}
