package dev.weft;

import java.time.Duration;
import java.util.concurrent.Callable;

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

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** How a call ended (value or error) and at which virtual time. */
  record Ended(Object value, Throwable error, Duration at) {}

  /** Runs {@code call} in the current task and records how and when it ended. */
  static Ended attempt(Callable<?> call) {
    try {
      Object value = call.call();
      return new Ended(value, null, Weft.elapsed());
    } catch (Throwable error) {
      return new Ended(null, error, Weft.elapsed());
    }
  }
}
