package dev.weft.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.TimerHandle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The timer heap on its own (semantics §1.3): ordered by deadline, and by registration among equal
 * deadlines; cancelled timers never reach the ready queue and never make the clock jump.
 */
@DisplayName("Timers (semantics §1.3)")
class TimersTests {
  private final Timers timers = new Timers();
  private final ReadyQueue ready = new ReadyQueue();

  /** What the callbacks of the moved timers log when they run. */
  private final List<String> fired = new ArrayList<>();

  /**
   * Schedules a timer at {@code deadline} whose callback logs {@code name}; returns its handle (as
   * the public interface, so these tests do not depend on the handle class's name).
   */
  private TimerHandle at(long deadline, String name) {
    return timers.schedule(deadline, () -> fired.add(name), name);
  }

  /** Runs everything in the ready queue, head first, and returns what the callbacks logged. */
  private List<String> runReady() {
    while (!ready.isEmpty()) {
      ready.removeAt(0).run();
    }
    return fired;
  }

  @Nested
  @DisplayName("nextDeadline()")
  class NextDeadline {
    @Test
    @DisplayName("is NONE when no timer was scheduled")
    void noneWhenEmpty() {
      assertThat(timers.nextDeadline()).isEqualTo(Timers.NONE);
    }

    @Test
    @DisplayName("is the earliest deadline, whatever the registration order")
    void earliestDeadline() {
      at(30, "c");
      at(10, "a");
      at(20, "b");
      assertThat(timers.nextDeadline()).isEqualTo(10);
    }

    @Test
    @DisplayName("does not remove anything: asking twice gives the same answer")
    void doesNotConsume() {
      at(5, "a");
      assertThat(timers.nextDeadline()).isEqualTo(5);
      assertThat(timers.nextDeadline()).isEqualTo(5);
      timers.moveDue(5, ready);
      assertThat(runReady()).containsExactly("a");
    }

    @Test
    @DisplayName("skips cancelled timers, so they never make the clock jump")
    void skipsCancelled() {
      at(10, "a").cancel();
      at(20, "b");
      at(20, "c").cancel();
      at(30, "d");
      assertThat(timers.nextDeadline()).isEqualTo(20);

      timers.moveDue(20, ready);
      assertThat(timers.nextDeadline()).isEqualTo(30);
    }

    @Test
    @DisplayName("is NONE when every timer left was cancelled")
    void noneWhenAllCancelled() {
      at(10, "a").cancel();
      at(20, "b").cancel();
      assertThat(timers.nextDeadline()).isEqualTo(Timers.NONE);
    }

    @Test
    @DisplayName("is NONE once every timer was moved to the ready queue")
    void noneWhenAllMoved() {
      at(10, "a");
      timers.moveDue(10, ready);
      assertThat(timers.nextDeadline()).isEqualTo(Timers.NONE);
    }
  }

  @Nested
  @DisplayName("moveDue(now, ready)")
  class MoveDue {
    @Test
    @DisplayName("moves the timers due at or before now, in deadline order, and leaves the rest")
    void movesOnlyDueTimers() {
      at(30, "late");
      at(20, "on time");
      at(10, "early");
      at(21, "just after");

      timers.moveDue(20, ready);

      assertThat(ready.size()).isEqualTo(2);
      assertThat(runReady()).containsExactly("early", "on time");
      assertThat(timers.nextDeadline()).isEqualTo(21);
    }

    @Test
    @DisplayName("moves the handle that schedule returned")
    void movesTheHandle() {
      TimerHandle timer = at(10, "a");
      timers.moveDue(10, ready);
      assertThat(ready.get(0)).isSameAs(timer);
    }

    @Test
    @DisplayName("timers due at the same instant go in registration order (not heap order)")
    void equalDeadlinesInRegistrationOrder() {
      // CPython's heap would fire six such timers as [0, 2, 5, 1, 3, 4].
      for (int i = 0; i < 6; i++) {
        at(10, "t" + i);
      }
      at(5, "before");
      at(10, "t6");
      at(15, "after");

      timers.moveDue(15, ready);

      assertThat(runReady())
          .containsExactly("before", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "after");
    }

    @Test
    @DisplayName("appends to the tail of the ready queue, after what is already there")
    void appendsToTheTail() {
      ready.addLast(() -> fired.add("already ready"));
      at(10, "timer");

      timers.moveDue(10, ready);

      assertThat(runReady()).containsExactly("already ready", "timer");
    }

    @Test
    @DisplayName("skips cancelled timers, wherever they are in the heap")
    void skipsCancelled() {
      at(10, "a");
      at(10, "b").cancel();
      at(20, "c").cancel();
      at(20, "d");
      at(30, "e").cancel();

      timers.moveDue(30, ready);

      assertThat(ready.size()).as("cancelled timers are not moved").isEqualTo(2);
      assertThat(runReady()).containsExactly("a", "d");
      assertThat(timers.nextDeadline()).isEqualTo(Timers.NONE);
    }

    @Test
    @DisplayName("moves nothing when nothing is due yet")
    void nothingDue() {
      at(10, "a");
      timers.moveDue(9, ready);
      assertThat(ready.isEmpty()).isTrue();
      assertThat(timers.nextDeadline()).isEqualTo(10);
    }

    @Test
    @DisplayName("a timer scheduled after a move with an earlier deadline is moved next time")
    void laterRegistrationEarlierDeadline() {
      at(20, "b");
      timers.moveDue(10, ready);
      at(10, "a");
      assertThat(timers.nextDeadline()).isEqualTo(10);

      timers.moveDue(20, ready);

      assertThat(runReady()).containsExactly("a", "b");
    }

    @Test
    @DisplayName("a deadline of Long.MAX_VALUE (a delay too long to add) is due only then")
    void maxDeadline() {
      at(Long.MAX_VALUE, "never");
      timers.moveDue(Long.MAX_VALUE - 1, ready);
      assertThat(ready.isEmpty()).isTrue();
      assertThat(timers.nextDeadline()).isEqualTo(Long.MAX_VALUE);

      timers.moveDue(Long.MAX_VALUE, ready);
      assertThat(runReady()).containsExactly("never");
    }
  }
}
