package dev.weft;

import java.time.Duration;

/** Small helpers that the spec tests share to write readable logs and expectations. */
final class TestPrograms {
  private TestPrograms() {}

  static Duration secs(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  /** The exception's simple class name, or "nothing thrown". */
  static String kind(Throwable thrown) {
    return thrown == null ? "nothing thrown" : thrown.getClass().getSimpleName();
  }

  /** The exception's message, or "nothing thrown". */
  static String message(Throwable thrown) {
    return thrown == null ? "nothing thrown" : thrown.getMessage();
  }

  /** The virtual time for log lines: "@3s", or "@100ms" when not whole seconds. */
  static String at() {
    long millis = Weft.elapsed().toMillis();
    return "@" + (millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms");
  }
}
