package dev.weft;

import dev.weft.internal.Preconditions;
import dev.weft.internal.search.Choice;
import dev.weft.internal.search.Choice.Kind;
import dev.weft.internal.search.ScheduleAccess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The choices one run took, in order: which ready task ran next where more than one could, whether
 * to switch at an operation ({@link Preemption#EVERY_OPERATION}), and which values {@link
 * Weft#choose} returned. Replaying a schedule ({@link RunOptions#replay}) reproduces the run
 * exactly; past its end every choice takes its default (asyncio's order, and 0 for data), so the
 * empty schedule is the plain FIFO run.
 *
 * <p>A schedule is an immutable value with a compact text form that {@link #parse} reads back.
 * Tokens are separated by spaces:
 *
 * <ul>
 *   <li>{@code 2} or {@code 2:B}: of the tasks ready at that point, run the one at index 2 (in
 *       asyncio's order, 0 being the default); {@code :B} records that it was the task named B, so
 *       a replay still picks B if an edit to the program moved it to another index.
 *   <li>{@code p1} / {@code p0}: switch / do not switch at an operation.
 *   <li>{@code d3}: {@code Weft.choose} returned 3.
 *   <li>{@code 0*12}: a token repeated 12 times.
 * </ul>
 *
 * <p>Task names are written with {@code %XX} escapes for spaces, {@code %}, {@code :}, {@code *}
 * and characters outside printable ASCII. Example: {@code "0*3 1:B d2 p1"}.
 *
 * @since 0.1
 */
public final class Schedule {
  private static final Schedule EMPTY = new Schedule(List.of());

  /** The longest schedule {@link #parse} accepts: far more choices than a run's step limit. */
  private static final int MAX_CHOICES = 2_000_000;

  static {
    ScheduleAccess.register(
        new ScheduleAccess.Bridge() {
          @Override
          public Schedule make(List<Choice> choices) {
            return of(choices);
          }

          @Override
          public List<Choice> choices(Schedule schedule) {
            return schedule.choices;
          }

          @Override
          public String token(Choice choice) {
            return Schedule.token(choice);
          }
        });
  }

  private final List<Choice> choices;

  private Schedule(List<Choice> choices) {
    this.choices = choices;
  }

  /**
   * Returns the empty schedule: every choice takes its default, which is the plain FIFO run.
   *
   * @return the empty schedule
   */
  public static Schedule empty() {
    return EMPTY;
  }

  private static Schedule of(List<Choice> choices) {
    return choices.isEmpty() ? EMPTY : new Schedule(List.copyOf(choices));
  }

  /**
   * Returns the number of choices.
   *
   * @return how many choices the schedule holds
   */
  public int size() {
    return choices.size();
  }

  /**
   * Reads a schedule from its text form, as {@link #toString()} writes it.
   *
   * @param text the text form; blank for the empty schedule
   * @return the schedule
   * @throws IllegalArgumentException if {@code text} is null or not a schedule; the message names
   *     the token at fault and what is allowed
   */
  public static Schedule parse(String text) {
    Preconditions.requireNonNull(text, "text");
    List<Choice> choices = new ArrayList<>();
    String[] tokens = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      String body = token;
      int repeat = 1;
      int star = token.indexOf('*');
      if (star >= 0) {
        body = token.substring(0, star);
        repeat = number(token.substring(star + 1), token, i, "a repeat count after '*'");
        if (repeat < 1) {
          throw bad(token, i, "a repeat count of 1 or more after '*'");
        }
      }
      Choice choice = choice(body, token, i);
      if ((long) choices.size() + repeat > MAX_CHOICES) {
        throw new IllegalArgumentException(
            "not a schedule: token "
                + (i + 1)
                + " '"
                + token
                + "' makes it longer than "
                + MAX_CHOICES
                + " choices, more than any run could take");
      }
      choices.addAll(Collections.nCopies(repeat, choice));
    }
    return of(choices);
  }

  private static Choice choice(String body, String token, int index) {
    if (body.startsWith("p")) {
      int value = number(body.substring(1), token, index, "0 or 1 after 'p'");
      if (value > 1) {
        throw bad(token, index, "0 or 1 after 'p'");
      }
      return new Choice(Kind.PREEMPT, value, 0, null);
    }
    if (body.startsWith("d")) {
      return new Choice(
          Kind.DATA, number(body.substring(1), token, index, "a number after 'd'"), 0, null);
    }
    int colon = body.indexOf(':');
    String index0 = colon < 0 ? body : body.substring(0, colon);
    int value = number(index0, token, index, "a task index, 'p0'/'p1' or 'd<number>'");
    String task = colon < 0 ? null : unescape(body.substring(colon + 1), token, index);
    if (task != null && task.isEmpty()) {
      throw bad(token, index, "a task name after ':'");
    }
    return new Choice(Kind.TASK, value, 0, task);
  }

  private static int number(String digits, String token, int index, String expected) {
    if (digits.isEmpty()
        || digits.length() > 9
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw bad(token, index, expected);
    }
    return Integer.parseInt(digits);
  }

  private static IllegalArgumentException bad(String token, int index, String expected) {
    return new IllegalArgumentException(
        "not a schedule: token "
            + (index + 1)
            + " '"
            + token
            + "' should be "
            + expected
            + ". A schedule is tokens separated by spaces: '2' or '2:B' (run the ready task at"
            + " index 2, named B), 'p0'/'p1' (do not / do switch), 'd3' (choose returned 3),"
            + " each optionally followed by '*N' to repeat it N times; for example \"0*3 1:B d2\".");
  }

  private static String escape(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > ' ' && c < 0x7f && c != '%' && c != ':' && c != '*') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }

  private static String unescape(String text, String token, int index) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw bad(token, index, "a task name with '%' followed by two hex digits");
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw bad(token, index, "a task name with '%' followed by two hex digits");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c > ' ' && c < 0x7f && c != ':' && c != '*') {
        bytes.write(c);
      } else {
        throw bad(token, index, "a task name of printable ASCII, other characters escaped as %XX");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw bad(token, index, "a task name whose %XX escapes spell UTF-8");
    }
  }

  /**
   * Returns the text form, which {@link #parse} reads back to an equal schedule: runs of the same
   * token are written once with {@code *N}.
   *
   * @return for example {@code "0*3 1:B d2"}; empty for the empty schedule
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < choices.size()) {
      Choice choice = choices.get(i);
      int run = 1;
      while (i + run < choices.size() && choices.get(i + run).equals(choice)) {
        run++;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(token(choice));
      if (run > 1) {
        out.append('*').append(run);
      }
      i += run;
    }
    return out.toString();
  }

  private static String token(Choice choice) {
    switch (choice.kind()) {
      case PREEMPT:
        return "p" + choice.value();
      case DATA:
        return "d" + choice.value();
      default:
        return choice.task() == null
            ? Integer.toString(choice.value())
            : choice.value() + ":" + escape(choice.task());
    }
  }

  /**
   * Returns whether {@code other} is a schedule with the same choices.
   *
   * @param other the object to compare with
   * @return whether the two schedules are equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Schedule && ((Schedule) other).choices.equals(choices);
  }

  @Override
  public int hashCode() {
    return choices.hashCode();
  }
}
