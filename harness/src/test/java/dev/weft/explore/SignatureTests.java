package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.DeadlockException;
import dev.weft.StepLimitExceededException;
import dev.weft.TaskFailedException;
import dev.weft.internal.search.Choice;
import dev.weft.internal.search.TryRecord;
import dev.weft.internal.search.TryRecord.End;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Signature}: when two failing runs "fail the same way" for the shrinker (same kind and
 * exception type, from whichever task) and when they are the same distinct failure (also the same
 * blocked tasks).
 */
class SignatureTests {

  private static final List<Choice> SOME_CHOICES =
      List.of(new Choice(Choice.Kind.DATA, 3, 10, null));

  private static Signature of(Throwable failure, String task, List<String> blocked, End end) {
    return Signature.of(new TryRecord(failure, task, blocked, SOME_CHOICES, null, null, end));
  }

  private static Signature thrown(Throwable failure, String task) {
    return of(failure, task, List.of(), End.MAIN);
  }

  private static Signature deadlock(String message, List<String> blocked) {
    return of(new DeadlockException(message), "main", blocked, End.DEADLOCK);
  }

  @Test
  void aPassingRunHasNoSignature() {
    assertThat(Signature.of(new TryRecord(null, null, List.of(), SOME_CHOICES, null, null, null)))
        .isNull();
  }

  @Test
  void theSameExceptionTypeFromAnyTaskFailsTheSameWayWhateverItsMessage() {
    Signature first = thrown(new IllegalStateException("value 37"), "A");
    Signature second = thrown(new IllegalStateException("value 99"), "B");

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first.sameWay(second)).isTrue();
    assertThat(first.kind()).isEqualTo(FailureKind.EXCEPTION);
    assertThat(first).hasToString("IllegalStateException thrown by main");
  }

  @Test
  void anotherTypeOrKindIsAnotherFailure() {
    Signature thrown = thrown(new IllegalStateException("x"), "A");

    assertThat(thrown(new IllegalArgumentException("x"), "A").sameWay(thrown)).isFalse();
    // A subclass is another type too.
    assertThat(
            thrown(new NumberFormatException("x"), "A")
                .sameWay(thrown(new IllegalArgumentException("x"), "A")))
        .isFalse();
    // The same exception type, unobserved in a task instead of thrown by main.
    Signature unobserved =
        of(
            new TaskFailedException("A failed", new IllegalStateException("x")),
            "A",
            List.of(),
            End.UNOBSERVED_FAILURE);
    assertThat(unobserved.kind()).isEqualTo(FailureKind.UNOBSERVED_TASK_FAILURE);
    assertThat(unobserved.type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(unobserved.sameWay(thrown)).isFalse();
    assertThat(unobserved).hasToString("IllegalStateException in a task, unobserved");
  }

  @Test
  void deadlocksFailTheSameWayButAreDistinctByTheirBlockedTasks() {
    Signature first = deadlock("Deadlock at virtual time 0s: ...", List.of("main", "B"));
    Signature second = deadlock("Deadlock at virtual time 5s: ...", List.of("main", "B"));
    Signature other = deadlock("Deadlock", List.of("main", "A"));

    assertThat(first).isEqualTo(second);
    assertThat(first).hasToString("deadlock of main, B");
    assertThat(other).isNotEqualTo(first);
    assertThat(other.sameWay(first)).isTrue();
  }

  @Test
  void aDeadlockIsNotAStepLimitOfTheSameTasks() {
    Signature deadlock = deadlock("Deadlock", List.of("main"));
    Signature steps =
        of(new StepLimitExceededException("steps"), "main", List.of(), End.STEP_LIMIT);

    assertThat(steps.sameWay(deadlock)).isFalse();
    assertThat(steps.kind()).isEqualTo(FailureKind.STEP_LIMIT);
    assertThat(steps).hasToString("step limit");
  }

  @Test
  void tasksLeftBlockedByAnotherFailureDoNotCount() {
    assertThat(
            of(
                new StepLimitExceededException("steps"),
                "main",
                List.of("main", "A"),
                End.STEP_LIMIT))
        .isEqualTo(of(new StepLimitExceededException("steps"), "main", List.of(), End.STEP_LIMIT));
  }
}
