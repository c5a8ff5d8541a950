package dev.weft;

import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Small helpers that the spec tests share: durations and log lines, how a call ended, and the
 * little tasks many tests spawn (sleepers, failers, loggers). Public members are also used by the
 * tests of {@code dev.weft.explore}.
 */
public final class TestPrograms {
  private TestPrograms() {}

  // Durations and log lines

  static Duration secs(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** The virtual time for log lines: "@3s", or "@100ms" when not whole seconds. */
  static String at() {
    long millis = Weft.elapsed().toMillis();
    return "@" + (millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms");
  }

  // How a call ended

  /** The exception's simple class name, or "nothing thrown". */
  static String kind(Throwable thrown) {
    return thrown == null ? "nothing thrown" : thrown.getClass().getSimpleName();
  }

  /** The exception's message, or "nothing thrown". */
  static String message(Throwable thrown) {
    return thrown == null ? "nothing thrown" : thrown.getMessage();
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

  /** Joins {@code task} and returns what it threw, or {@code null} if it returned. */
  static Throwable joinFailure(Task<?> task) {
    return catchThrowable(task::join);
  }

  /**
   * Joins {@code task} and says how that went: the simple name of what it threw, or "returned v".
   */
  static String outcome(Task<?> task) {
    Throwable failure = joinFailure(task);
    return failure == null ? "returned " + task.result() : kind(failure);
  }

  // Tasks that sleep, then return or throw

  /** Spawns a task that sleeps for {@code sleep} and returns {@code value}. */
  static <T> Task<T> sleeper(String name, Duration sleep, T value) {
    return Weft.spawn(name, sleepThenReturn(name, sleep, value, null));
  }

  /** Spawns a task that sleeps for {@code seconds} and returns {@code value}. */
  static <T> Task<T> sleeper(String name, long seconds, T value) {
    return sleeper(name, secs(seconds), value);
  }

  /**
   * Spawns a task that sleeps for {@code seconds}, logs "NAME done@t" and returns {@code value}.
   */
  static <T> Task<T> sleeper(String name, long seconds, T value, List<String> log) {
    return Weft.spawn(name, sleepThenReturn(name, secs(seconds), value, log));
  }

  /** Spawns a group child that sleeps for {@code sleep}, logs "NAME done@t" and returns value. */
  static <T> Task<T> sleeper(
      TaskGroup group, String name, Duration sleep, T value, List<String> log) {
    return group.spawn(name, sleepThenReturn(name, sleep, value, log));
  }

  /** Spawns a task that sleeps for {@code sleep} and throws {@code failure}. */
  static <T> Task<T> failer(String name, Duration sleep, Exception failure) {
    return Weft.spawn(name, sleepThenThrow(name, sleep, failure, null));
  }

  /** Spawns a task that sleeps for {@code seconds} and throws {@code failure}. */
  static <T> Task<T> failer(String name, long seconds, Exception failure) {
    return failer(name, secs(seconds), failure);
  }

  /** Spawns a task that sleeps for {@code seconds}, logs "NAME fails@t" and throws failure. */
  static <T> Task<T> failer(String name, long seconds, Exception failure, List<String> log) {
    return Weft.spawn(name, sleepThenThrow(name, secs(seconds), failure, log));
  }

  /** Spawns a group child that sleeps for {@code sleep}, logs "NAME fails@t" and throws failure. */
  static <T> Task<T> failer(
      TaskGroup group, String name, Duration sleep, Exception failure, List<String> log) {
    return group.spawn(name, sleepThenThrow(name, sleep, failure, log));
  }

  /**
   * Spawns a group child that sleeps for {@code sleep} and logs "NAME done@t"; if cancelled, logs
   * "NAME cancelled@t" and then throws {@code onCancel} (or rethrows the cancellation when it is
   * null).
   */
  static Task<Void> cancellable(
      TaskGroup group, String name, Duration sleep, RuntimeException onCancel, List<String> log) {
    return group.spawn(
        name,
        () -> {
          try {
            Weft.sleep(sleep);
            log.add(name + " done" + at());
          } catch (CancelledException e) {
            log.add(name + " cancelled" + at());
            if (onCancel != null) {
              throw onCancel;
            }
            throw e;
          }
        });
  }

  private static <T> Callable<T> sleepThenReturn(
      String name, Duration sleep, T value, List<String> log) {
    return () -> {
      Weft.sleep(sleep);
      if (log != null) {
        log.add(name + " done" + at());
      }
      return value;
    };
  }

  private static <T> Callable<T> sleepThenThrow(
      String name, Duration sleep, Exception failure, List<String> log) {
    return () -> {
      Weft.sleep(sleep);
      if (log != null) {
        log.add(name + " fails" + at());
      }
      throw failure;
    };
  }

  // Tasks that log their steps

  /** Spawns a task named {@code name} that appends its name to {@code log}. */
  static Task<Void> logsName(String name, List<String> log) {
    return Weft.spawn(
        name,
        () -> {
          log.add(name);
        });
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

  /**
   * Main schedules a callback with {@code callSoon}, then spawns a task: both are ready in the next
   * pass, the callback first in asyncio's order. Returns the order they ran: "callback task" or
   * "task callback".
   */
  public static String callbackThenTask() {
    List<String> log = new ArrayList<>();
    Weft.callSoon(() -> log.add("callback"));
    Weft.spawn("task", () -> log.add("task")).join();
    return String.join(" ", log);
  }
}
