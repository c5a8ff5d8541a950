package dev.weft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Small helpers that the spec tests share to write readable logs and expectations. Public members
 * are also used by the tests of {@code dev.weft.explore}.
 */
public final class TestPrograms {
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

  /**
   * Tasks "A", "B", ... each run {@code steps} steps, logging "a1", "a2", ... and yielding between
   * steps; main joins them all.
   */
  public static List<String> racers(int tasks, int steps) {
    List<String> log = new ArrayList<>();
    List<Task<Void>> spawned = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      String name = String.valueOf((char) ('A' + t));
      spawned.add(
          Weft.spawn(
              name,
              () -> {
                for (int step = 1; step <= steps; step++) {
                  if (step > 1) {
                    Weft.yieldNow();
                  }
                  log.add(name.toLowerCase() + step);
                }
              }));
    }
    for (Task<Void> task : spawned) {
      task.join();
    }
    return log;
  }
}
