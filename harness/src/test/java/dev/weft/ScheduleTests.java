package dev.weft;

import static dev.weft.TestPrograms.logsName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.explore.Counterexample;
import dev.weft.explore.Explorer;
import dev.weft.internal.search.ScheduleAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * a plain immutable value with a compact text form; {@code Schedule.parse(s.toString())}
 * round-trips, and a bad text is rejected with a message that names the token at fault and what is
 * allowed.
 */
class ScheduleTests {

  /** An odd task name: a space, a colon, a percent sign, a star and a non-ASCII letter. */
  static final String ODD = "w 1:a%b*é";

  /**
   * {@link #ODD} as the text form writes it: UTF-8 bytes, %XX for everything but printable ASCII.
   */
  static final String ODD_ESCAPED = "w%201%3Aa%25b%2A%C3%A9";

  @Nested
  @DisplayName("text form")
  class TextForm {

    @Test
    @DisplayName("'0*12' is twelve default task choices and prints back as 0*12")
    void runLengthReadsAsRepeatedTokens() {
      Schedule twelve = Schedule.parse("0*12");

      assertThat(twelve.size()).isEqualTo(12);
      assertThat(twelve).hasToString("0*12");
      assertThat(twelve).isEqualTo(Schedule.parse("0 0 0 0 0 0 0 0 0 0 0 0"));
    }

    @Test
    @DisplayName("runs of equal tokens are written once with *N, others one by one")
    void toStringCompressesRunsOnly() {
      Schedule schedule = Schedule.parse("0 0 0 1:B 1:B 1 p1 p1 p0 d2 d2 d2 d2 0");

      assertThat(schedule.size()).isEqualTo(14);
      assertThat(schedule).hasToString("0*3 1:B*2 1 p1*2 p0 d2*4 0");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
        strings = {
          "0*3 1:B d2 p1",
          "p0 p1 p0*5 d0 d7*2 3 2:main 0:Task-1",
          "12:" + ODD_ESCAPED + " d999999999 0*100",
          "d2147483646 p1"
        })
    @DisplayName("parse(toString()) round-trips every kind of token")
    void roundTripsEveryKind(String text) {
      Schedule schedule = Schedule.parse(text);
      assertThat(schedule).hasToString(text);
      assertThat(Schedule.parse(schedule.toString())).isEqualTo(schedule);
    }

    @Test
    @DisplayName(
        "a recorded schedule reads as its departures: defaults are blanks, and one that holds a"
            + " switch decision says every-operation:")
    void recordedScheduleReadsAsItsDepartures() {
      String positional = "p1 0 p0*3 1:C0 p0*3 0 p0*3 0 p0*3 0 p0*3 0*3 p0 0 p0 1:A";
      Schedule recorded =
          ScheduleAccess.recorded(ScheduleAccess.choices(Schedule.parse(positional)), true);

      assertThat(Schedule.parse(positional).size()).isEqualTo(28);
      assertThat(recorded).hasToString("every-operation: p1 _*4 1:C0 _*21 1:A");
      assertThat(recorded.size()).isEqualTo(28);
      assertThat(recorded.preemption()).contains(Preemption.EVERY_OPERATION);
      assertThat(Schedule.parse(recorded.toString())).isEqualTo(recorded);
      // Without a switch decision the run is the same under either mode: no mark.
      assertThat(ScheduleAccess.recorded(ScheduleAccess.choices(Schedule.parse("0 d0 1:B")), true))
          .hasToString("_*2 1:B");
      // Trailing defaults are dropped: a replay takes them anyway.
      assertThat(ScheduleAccess.recorded(ScheduleAccess.choices(Schedule.parse("d2 0 p0")), true))
          .hasToString("d2");
    }

    @Test
    @DisplayName(
        "parse(toString()) round-trips generated schedules: every kind of choice, odd names, any"
            + " value Weft.choose can return, runs, and the every-operation: mark")
    void roundTripsGeneratedSchedules() {
      java.util.SplittableRandom random = new java.util.SplittableRandom(12);
      String[] names = {"main", "P0", "Task-1", ODD, "_", "p1", "d2", "0", "every-operation:"};
      for (int n = 0; n < 2_000; n++) {
        List<dev.weft.internal.search.Choice> choices = new ArrayList<>();
        int length = random.nextInt(12);
        while (choices.size() < length) {
          dev.weft.internal.search.Choice choice;
          switch (random.nextInt(4)) {
            case 0:
              choice =
                  new dev.weft.internal.search.Choice(
                      dev.weft.internal.search.Choice.Kind.TASK,
                      random.nextInt(5),
                      0,
                      random.nextBoolean() ? null : names[random.nextInt(names.length)]);
              break;
            case 1:
              choice =
                  new dev.weft.internal.search.Choice(
                      dev.weft.internal.search.Choice.Kind.PREEMPT, random.nextInt(2), 0, null);
              break;
            case 2: // Weft.choose(bound) returns up to Integer.MAX_VALUE - 1
              int value =
                  random.nextBoolean()
                      ? random.nextInt(4)
                      : Integer.MAX_VALUE - 1 - random.nextInt(1 << 20);
              choice =
                  new dev.weft.internal.search.Choice(
                      dev.weft.internal.search.Choice.Kind.DATA, value, 0, null);
              break;
            default:
              choice =
                  new dev.weft.internal.search.Choice(
                      dev.weft.internal.search.Choice.Kind.DEFAULT, 0, 0, null);
          }
          int repeat = random.nextInt(4) == 0 ? 1 + random.nextInt(30) : 1;
          for (int r = 0; r < repeat && choices.size() < length; r++) {
            choices.add(choice);
          }
        }
        Schedule plain = ScheduleAccess.make(choices);
        List<Schedule> forms = new ArrayList<>(List.of(plain));
        if (!choices.isEmpty() || random.nextBoolean()) {
          forms.add(Schedule.parse("every-operation: " + plain));
        }
        for (Schedule schedule : forms) {
          String text = schedule.toString();
          Schedule back = Schedule.parse(text);

          assertThat(back).as("parse(\"%s\")", text).isEqualTo(schedule);
          assertThat(back).hasToString(text);
          assertThat(back.size()).isEqualTo(choices.size());
          assertThat(back.preemption()).isEqualTo(schedule.preemption());
        }
      }
    }

    @Test
    @DisplayName("'every-operation:' comes first only; '_' is a blank; old texts still parse")
    void modeAndBlanks() {
      assertThat(Schedule.parse("every-operation:")).hasToString("every-operation:");
      assertThat(Schedule.parse("every-operation:").preemption())
          .contains(Preemption.EVERY_OPERATION);
      assertThat(Schedule.parse("every-operation:")).isNotEqualTo(Schedule.empty());
      assertThat(Schedule.parse("_ _ _")).hasToString("_*3").isNotEqualTo(Schedule.parse("0*3"));
      assertThat(Schedule.parse("0 p1").preemption()).isEmpty();
      assertThat(Schedule.parse("0 p1")).hasToString("0 p1");
      assertThatThrownBy(() -> Schedule.parse("0 every-operation: p1"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "token 2 'every-operation:' should be the first token, before any choice");
    }

    @Test
    @DisplayName("any spacing reads; the text form uses single spaces")
    void whitespaceIsFree() {
      Schedule schedule = Schedule.parse("  0\t 1:B \n d2   p1 ");

      assertThat(schedule).hasToString("0 1:B d2 p1");
      assertThat(schedule.size()).isEqualTo(4);
    }

    @Test
    @DisplayName("%XX escapes may be lower case; the text form writes upper case")
    void escapesAreNormalized() {
      Schedule lower = Schedule.parse("1:w%201%3aa%25b%2a%c3%a9");

      assertThat(lower).hasToString("1:" + ODD_ESCAPED);
      assertThat(lower).isEqualTo(Schedule.parse("1:" + ODD_ESCAPED));
    }

    @Test
    @DisplayName("the empty schedule is \"\", and blank text parses to it")
    void emptySchedule() {
      assertThat(Schedule.empty()).hasToString("");
      assertThat(Schedule.empty().size()).isZero();
      assertThat(Schedule.parse("")).isEqualTo(Schedule.empty());
      assertThat(Schedule.parse(" \t\n ")).isEqualTo(Schedule.empty());
      assertThat(Schedule.parse("0")).isNotEqualTo(Schedule.empty());
    }
  }

  @Nested
  @DisplayName("task names in the text form")
  class TaskNames {

    @Test
    @DisplayName(
        "a recorded task name with a space, ':', '%', '*' or non-ASCII is"
            + " escaped as %XX, and the parsed schedule is equal to the recorded one")
    void recordedOddNamesAreEscapedAndRoundTrip() {
      Counterexample found =
          Explorer.explore(
                  () -> {
                    List<String> log = new ArrayList<>();
                    Weft.gather(logsName("plain", log), logsName(ODD, log));
                    if (log.get(0).equals(ODD)) {
                      throw new IllegalStateException("the odd task ran first");
                    }
                  })
              .strategy(Strategy.random())
              .tries(100)
              .run()
              .counterexample()
              .orElseThrow();

      // The first choice (plain, odd ready) departed from the default: it names the odd task.
      Schedule recorded = found.schedule();
      assertThat(recorded.toString()).startsWith("1:" + ODD_ESCAPED);
      assertThat(found.minimal()).hasToString("1:" + ODD_ESCAPED);
      assertThat(Schedule.parse(recorded.toString())).isEqualTo(recorded);
      assertThat(Schedule.parse(recorded.toString())).hasToString(recorded.toString());
    }

    @Test
    @DisplayName(
        "an escaped name is read back byte for byte: replaying 0:<odd name>"
            + " picks the task of that name, which a default run would not run first")
    void escapedNameIsTheTaskName() {
      // Index 0 would be "plain"; the name must win, so it must be decoded exactly.
      assertThat(firstToRun(Schedule.parse("0:" + ODD_ESCAPED))).isEqualTo(ODD);
      assertThat(firstToRun(Schedule.empty())).isEqualTo("plain");
    }

    /** Runs plain and ODD, ready together, under {@code schedule}; returns who ran first. */
    private String firstToRun(Schedule schedule) {
      List<String> log = new ArrayList<>();
      Weft.run(
          RunOptions.defaults().replay(schedule),
          () -> Weft.gather(logsName("plain", log), logsName(ODD, log)));
      return log.get(0);
    }
  }

  @Nested
  @DisplayName("a value")
  class Value {

    @Test
    @DisplayName("equal choices make equal schedules with equal hash codes")
    void equalsAndHashCode() {
      Schedule a = Schedule.parse("0 0 1:B d2 p1");
      Schedule b = Schedule.parse("0*2 1:B d2 p1");

      assertThat(a).isEqualTo(b);
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
      assertThat(a).isEqualTo(Schedule.parse(a.toString()));
      assertThat(a).isNotEqualTo(Schedule.parse("0 1:B 0 d2 p1")); // order matters
      assertThat(a).isNotEqualTo(Schedule.parse("0*3 1:B d2 p1")); // length matters
      assertThat(a).isNotEqualTo(null);
      assertThat((Object) a).isNotEqualTo("0*2 1:B d2 p1");
    }

    @Test
    @DisplayName("task index, switch and data value are different choices")
    void kindsAndNamesDistinguish() {
      List<Schedule> distinct =
          List.of(
              Schedule.parse("1"),
              Schedule.parse("1:B"),
              Schedule.parse("1:C"),
              Schedule.parse("p1"),
              Schedule.parse("d1"),
              Schedule.parse("0"),
              Schedule.parse("p0"),
              Schedule.parse("d0"));
      for (int i = 0; i < distinct.size(); i++) {
        for (int j = 0; j < distinct.size(); j++) {
          if (i != j) {
            assertThat(distinct.get(i)).isNotEqualTo(distinct.get(j));
          }
        }
      }
    }
  }

  @Nested
  @DisplayName("parse rejects what is not a schedule")
  class Rejects {

    @ParameterizedTest(name = "\"{0}\" -> token {1} ''{2}'' should be {3}")
    @DisplayName("the message names the token," + " its position and what is allowed")
    @CsvSource(
        delimiter = '|',
        value = {
          "x            | 1 | x      | a task index, 'p0'/'p1', 'd<number>' or '_'",
          "0 p2         | 2 | p2     | 0 or 1 after 'p'",
          "p            | 1 | p      | 0 or 1 after 'p'",
          "0 1 d        | 3 | d      | a number after 'd'",
          "d-1          | 1 | d-1    | a number after 'd'",
          "1:           | 1 | 1:     | a task name after ':'",
          "0*0          | 1 | 0*0    | a repeat count of 1 or more after '*'",
          "0*           | 1 | 0*     | a repeat count after '*'",
          "0*x          | 1 | 0*x    | a repeat count after '*'",
          "*3           | 1 | *3     | a task index, 'p0'/'p1', 'd<number>' or '_'",
          "-1           | 1 | -1     | a task index, 'p0'/'p1', 'd<number>' or '_'",
          "1:%G1        | 1 | 1:%G1  | a task name with '%' followed by two hex digits",
          "0 0 1:a%4    | 3 | 1:a%4  | a task name with '%' followed by two hex digits",
          "1:a:b        | 1 | 1:a:b  | a task name of printable ASCII, other characters escaped",
          "1:é          | 1 | 1:é    | a task name of printable ASCII, other characters escaped",
          "1234567890   | 1 | 1234567890 | a task index, 'p0'/'p1', 'd<number>' or '_'",
          "d2147483648  | 1 | d2147483648 | a number after 'd'",
        })
    void rejectsBadToken(String text, int position, String token, String expected) {
      Throwable thrown = catchThrowable(() -> Schedule.parse(text));

      assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
      assertThat(thrown.getMessage())
          .contains("token " + position + " '" + token + "'")
          .contains("should be " + expected)
          // what is allowed, in general
          .contains("'2:B'", "'p0'/'p1'", "'d3'", "'*N'");
    }

    @Test
    @DisplayName(
        "Public API contract (misuse): parse(null) is an IllegalArgumentException naming text")
    void rejectsNull() {
      assertThatThrownBy(() -> Schedule.parse(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("text")
          .hasMessageContaining("null");
    }
  }
}
