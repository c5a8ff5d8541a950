package dev.weft.samples.jdk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a token bucket promises, checked on the instants its permits were granted. */
final class RateLimiterProperty {
  private RateLimiterProperty() {}

  /**
   * Returns the first grant that the bucket had not earned by then: the k-th permit (counting from
   * 1) may pass no earlier than when {@code burst + (elapsed / interval)} reaches k.
   *
   * @param start when the bucket was created, full
   * @param grants the instants permits were granted, in any order
   * @param burst the bucket's size
   * @param interval how often it earns a token
   * @return a description of the first overdrawn grant, or empty if none
   */
  static Optional<String> overdrawn(
      Instant start, List<Instant> grants, int burst, Duration interval) {
    List<Instant> sorted = new ArrayList<>(grants);
    sorted.sort(null);
    for (int k = 1; k <= sorted.size(); k++) {
      Duration elapsed = Duration.between(start, sorted.get(k - 1));
      long earned = burst + elapsed.toNanos() / interval.toNanos();
      if (k > earned) {
        return Optional.of(
            "permit "
                + k
                + " passed "
                + elapsed.toMillis()
                + " ms after the start, when only "
                + earned
                + " had been earned");
      }
    }
    return Optional.empty();
  }
}
