package dev.weft;

import dev.weft.internal.Preconditions;
import dev.weft.internal.search.Choice;
import dev.weft.internal.search.Choice.Kind;
import dev.weft.internal.search.ScheduleAccess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

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
 *   <li>{@code _}: a choice point of any kind left at its default (asyncio's order, no switch, 0).
 *   <li>{@code _*12}, {@code 0*12}: a token repeated 12 times.
 *   <li>{@code every-operation:}, only first: the schedule was recorded under {@link
 *       Preemption#EVERY_OPERATION} and replays under it, whatever the run's options say.
 * </ul>
 *
 * <p>A schedule that an exploration records reads as its departures: the choices that leave
 * asyncio's order (and the values of {@code Weft.choose}) are written out, and the defaults between
 * them are blanks, {@code _*N}. A schedule of 28 choices recorded under every-operation preemption,
 * positionally {@code "p1 0 p0*3 1:C0 p0*3 0 p0*3 0 p0*3 0 p0*3 0*3 p0 0 p0 1:A"}, reads {@code
 * "every-operation: p1 _*4 1:C0 _*21 1:A"}: a switch at the first choice point, consumer C0 run out
 * of turn at the sixth, producer A at the 28th. A blank matches a choice point of any kind, so an
 * edit that turns one kind of choice point into another (a lock instead of a queue, a {@code
 * Weft.choose} instead of a spawn) leaves the schedule's meaning alone; the named tokens ({@code
 * 1:C0}) keep their task when others are added; and an edit that moves a departure onto another
 * kind of choice point, or a task that is no longer ready, makes the replay fail and say where,
 * instead of quietly running another schedule.
 *
 * <p><b>Replay is strict.</b> A replay ({@link RunOptions#replay}, {@link Strategy#replay}) fails
 * with {@link ReplayDivergedException} at the first choice that does not fit the run: a token of
 * another kind than the choice point the run reached ({@code p1} where the run picks a task, or any
 * {@code p} token under cooperative preemption), an index past the ready tasks, a named task that
 * is not ready, a value {@code Weft.choose} cannot return ({@code d9} against {@code choose(3)}),
 * or choices left over when the run ends. The message names the choice, the run's step and virtual
 * time, what the schedule said and what the run offered. A schedule may end before the run does:
 * the rest is asyncio's order.
 *
 * <p><b>Preemption.</b> A schedule recorded under {@link Preemption#EVERY_OPERATION} that holds a
 * switch decision starts with {@code every-operation:} and replays under that mode. A text without
 * it (every cooperative schedule, and texts written before Weft recorded the mode) replays under
 * the preemption of the run that replays it, {@link Preemption#COOPERATIVE} unless the options say
 * otherwise; its {@code p} tokens then fit only a run under every-operation preemption, as before.
 *
 * <p>Task names are written with {@code %XX} escapes for spaces, {@code %}, {@code :}, {@code *}
 * and characters outside printable ASCII. Example: {@code "0*3 1:B d2 _*4 2:C"}.
 *
 * @since 0.1
 */
public final class Schedule {
  private static final Schedule EMPTY = new Schedule(List.of(), null);

  /** The first token of a schedule recorded under every-operation preemption. */
  private static final String MARKER = "every-operation:";

  /** The longest schedule {@link #parse} accepts: far more choices than a run's step limit. */
  private static final int MAX_CHOICES = 2_000_000;

  static {
    ScheduleAccess.register(
        new ScheduleAccess.Bridge() {
          @Override
          public Schedule make(List<Choice> choices, Preemption preemption) {
            return of(choices, preemption);
          }

          @Override
          public Preemption preemption(Schedule schedule) {
            return schedule.preemption;
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

  /** The mode the schedule replays under; {@code null}: the run's own. */
  private final Preemption preemption;

  private Schedule(List<Choice> choices, Preemption preemption) {
    this.choices = choices;
    this.preemption = preemption;
  }

  /**
   * Returns the empty schedule: every choice takes its default, which is the plain FIFO run.
   *
   * @return the empty schedule
   */
  public static Schedule empty() {
    return EMPTY;
  }

  private static Schedule of(List<Choice> choices, Preemption preemption) {
    return choices.isEmpty() && preemption == null
        ? EMPTY
        : new Schedule(List.copyOf(choices), preemption);
  }

  /**
   * Returns the preemption mode the schedule replays under, when it says ({@code every-operation:}
   * before its first choice); when it does not, a replay runs under the run's own preemption.
   *
   * <pre>{@code
   * Schedule.parse("every-operation: p1 _*4 1:C0").preemption()  // Optional[EVERY_OPERATION]
   * Schedule.parse("1:B d2").preemption()                        // Optional.empty()
   * }</pre>
   *
   * @return the schedule's preemption mode, or empty
   */
  public Optional<Preemption> preemption() {
    return Optional.ofNullable(preemption);
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
    Preemption preemption = null;
    int start = 0;
    if (tokens.length > 0 && tokens[0].equals(MARKER)) {
      preemption = Preemption.EVERY_OPERATION;
      start = 1;
    }
    for (int i = start; i < tokens.length; i++) {
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
    return of(choices, preemption);
  }

  private static Choice choice(String body, String token, int index) {
    if (body.equals("_")) {
      return new Choice(Kind.DEFAULT, 0, 0, null);
    }
    if (body.equals(MARKER)) {
      throw bad(token, index, "the first token, before any choice");
    }
    if (body.startsWith("p")) {
      int value = number(body.substring(1), token, index, "0 or 1 after 'p'");
      if (value > 1) {
        throw bad(token, index, "0 or 1 after 'p'");
      }
      return new Choice(Kind.PREEMPT, value, 0, null);
    }
    if (body.startsWith("d")) {
      // Weft.choose takes any int bound, so a value may need all ten digits of an int.
      return new Choice(
          Kind.DATA,
          number(body.substring(1), token, index, "a number after 'd'", Integer.MAX_VALUE),
          0,
          null);
    }
    int colon = body.indexOf(':');
    String index0 = colon < 0 ? body : body.substring(0, colon);
    int value = number(index0, token, index, "a task index, 'p0'/'p1', 'd<number>' or '_'");
    String task = colon < 0 ? null : unescape(body.substring(colon + 1), token, index);
    if (task != null && task.isEmpty()) {
      throw bad(token, index, "a task name after ':'");
    }
    return new Choice(Kind.TASK, value, 0, task);
  }

  private static int number(String digits, String token, int index, String expected) {
    return number(digits, token, index, expected, 999_999_999);
  }

  private static int number(String digits, String token, int index, String expected, int max) {
    if (digits.isEmpty()
        || digits.length() > 10
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
        || Long.parseLong(digits) > max) {
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
            + " index 2, named B), 'p0'/'p1' (do not / do switch), 'd3' (choose returned 3), '_'"
            + " (a choice left at its default), each optionally followed by '*N' to repeat it N"
            + " times, after an optional first 'every-operation:'; for example \"0*3 1:B d2\" or"
            + " \"every-operation: p1 _*4 1:C0\".");
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
   * @return for example {@code "0*3 1:B d2"} or {@code "every-operation: p1 _*4 1:C0"}; empty for
   *     the empty schedule
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(preemption == null ? "" : MARKER);
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
      case DEFAULT:
        return "_";
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
   * Returns whether {@code other} is a schedule with the same choices and preemption mode.
   *
   * @param other the object to compare with
   * @return whether the two schedules are equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Schedule
        && ((Schedule) other).choices.equals(choices)
        && ((Schedule) other).preemption == preemption;
  }

  @Override
  public int hashCode() {
    return choices.hashCode() * 31 + (preemption == null ? 0 : preemption.hashCode());
  }
}
