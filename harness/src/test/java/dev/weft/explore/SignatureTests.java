package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.DeadlockException;
import dev.weft.StepLimitExceededException;
import dev.weft.internal.search.Choice;
import dev.weft.internal.search.TryRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Signature}: when two failing runs "fail the same way" for the shrinker. */
class SignatureTests {

  private static final List<Choice> SOME_CHOICES =
      List.of(new Choice(Choice.Kind.DATA, 3, 10, null));

  private static Signature of(Throwable failure, String task, List<String> blocked) {
    return Signature.of(new TryRecord(failure, task, blocked, SOME_CHOICES, null, null));
  }

  private static Signature deadlock(String message, List<String> blocked) {
    return of(new DeadlockException(message), null, blocked);
  }

  @Test
  void aPassingRunHasNoSignature() {
    assertThat(Signature.of(new TryRecord(null, null, List.of(), SOME_CHOICES, null, null)))
        .isNull();
  }

  @Test
  void theSameExceptionTypeFromTheSameTaskIsTheSameFailureWhateverItsMessage() {
    Signature first = of(new IllegalStateException("value 37"), "A", List.of());
    Signature second = of(new IllegalStateException("value 99"), "A", List.of());

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first).hasToString("java.lang.IllegalStateException from A");
  }

  @Test
  void anotherTaskOrAnotherTypeIsAnotherFailure() {
    Signature fromA = of(new IllegalStateException("x"), "A", List.of());

    assertThat(of(new IllegalStateException("x"), "B", List.of())).isNotEqualTo(fromA);
    assertThat(of(new IllegalArgumentException("x"), "A", List.of())).isNotEqualTo(fromA);
    // A subclass is another type too.
    assertThat(of(new NumberFormatException("x"), "A", List.of()))
        .isNotEqualTo(of(new IllegalArgumentException("x"), "A", List.of()));
  }

  @Test
  void aDeadlockIsComparedByItsBlockedTasksOnly() {
    Signature first = deadlock("Deadlock at virtual time 0s: ...", List.of("main", "B"));
    Signature second =
        of(new DeadlockException("Deadlock at virtual time 5s: ..."), "main", List.of("main", "B"));

    assertThat(first).isEqualTo(second);
    assertThat(first).hasToString("deadlock of main, B");
    assertThat(deadlock("Deadlock", List.of("main", "A"))).isNotEqualTo(first);
    assertThat(deadlock("Deadlock", List.of("main"))).isNotEqualTo(first);
  }

  @Test
  void aDeadlockIsNotAnotherFailureOfTheSameTasks() {
    Signature deadlock = deadlock("Deadlock", List.of("main"));

    assertThat(of(new StepLimitExceededException("steps"), "main", List.of("main")))
        .isNotEqualTo(deadlock)
        .hasToString("dev.weft.StepLimitExceededException from main");
  }

  @Test
  void tasksLeftBlockedByAnotherFailureDoNotCount() {
    assertThat(of(new StepLimitExceededException("steps"), "main", List.of("main", "A")))
        .isEqualTo(of(new StepLimitExceededException("steps"), "main", List.of()));
  }
}
