package dev.weft.junit;

import dev.weft.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The minimal schedules of past failures, one small text file per test method (and test class that
 * runs it) under the folder {@code weft.database} names ({@code .weft} by default), so that a
 * failure found once is replayed first on every later run until it passes.
 *
 * <p>A file holds comment lines ({@code #}) that say what it is, then one schedule per line, quoted
 * as the report writes it. Files written before schedules said their preemption mode still load.
 * The explorer replays these schedules leniently (as starting points, since the program may have
 * changed since they failed), unlike {@link Replay}, which is strict. A file is replaced as a whole
 * by a move from a temporary file in the same folder, so a reader never sees half of one, and test
 * methods running in parallel each write their own file.
 */
final class FailureDatabase {
  private final Path folder;

  FailureDatabase(Path folder) {
    this.folder = folder;
  }

  /**
   * Returns the file that keeps the schedules of {@code method} run in {@code testClass}: the class
   * that runs it, not the one that declares it, so that two subclasses inheriting one test method
   * keep their own failures; the parameter types are spelled in full, so that overloads do not
   * share a file.
   */
  Path fileOf(Class<?> testClass, Method method) {
    StringBuilder name = new StringBuilder(method.getName()).append('(');
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      name.append(i == 0 ? "" : ",").append(types[i].getName());
    }
    name.append(").txt");
    return folder.resolve(safe(testClass.getName())).resolve(safe(name.toString()));
  }

  /**
   * Returns the schedules kept in {@code file}, oldest first; none if there is no file. A line that
   * does not parse (edited by hand, or written by another Weft version) is skipped.
   */
  List<Schedule> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Weft could not read the failure database file " + file, e);
    }
    List<Schedule> schedules = new ArrayList<>();
    for (String line : lines) {
      String text = line.trim();
      if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
        try {
          Schedule schedule = Schedule.parse(text.substring(1, text.length() - 1));
          if (!schedules.contains(schedule)) {
            schedules.add(schedule);
          }
        } catch (IllegalArgumentException e) {
          // not a schedule this version can read: skip it
        }
      }
    }
    return schedules;
  }

  /**
   * Keeps {@code schedules} as the failing schedules of {@code method}: the minimal one, or with
   * {@code @Explore(everyFailure = true)} one per distinct failure.
   */
  void store(Path file, List<Schedule> schedules, String testName, String failure) {
    StringBuilder text =
        new StringBuilder("# Weft failure database: the minimal failing schedule")
            .append(schedules.size() == 1 ? "" : "s")
            .append(" of ")
            .append(testName)
            .append(
                ".\n# Replayed before any other try when the test runs, and removed once it"
                    + " passes.\n")
            .append("# It failed with: ")
            .append(firstLine(failure))
            .append('\n');
    for (Schedule schedule : schedules) {
      text.append('"').append(schedule).append("\"\n");
    }
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".weft-", ".tmp");
      try {
        Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
        move(temporary, file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Weft could not write the failure database file " + file, e);
    }
  }

  /** Forgets the schedules kept in {@code file}: they all passed. */
  void drop(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Weft could not delete the failure database file " + file, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** Keeps a file name portable: letters, digits and {@code ( ) , . _ - $}; others become '_'. */
  private static String safe(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      boolean ok = Character.isLetterOrDigit(c) || "(),._-$".indexOf(c) >= 0;
      out.append(ok && c < 128 ? c : '_');
    }
    return out.toString();
  }
}
