package dev.weft;

import static dev.weft.TestPrograms.failer;
import static dev.weft.TestPrograms.ms;
import static dev.weft.TestPrograms.sleeper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("semantics §2.9: Weft.shield")
class ShieldTests {

  /** A task that sleeps 1s, logs when it finishes, and returns "v". */
  static Task<String> oneSecond(List<String> log) {
    return Weft.spawn(
        "inner",
        () -> {
          Weft.sleep(ms(1000));
          log.add("inner finished at " + Weft.elapsed());
          return "v";
        });
  }

  @Test
  @DisplayName("semantics §2.9: shield of a done task is the task itself")
  void shieldOfADoneTaskIsTheTask() {
    Weft.run(
        () -> {
          Task<String> done = Weft.spawn("done", () -> "v");
          Task<String> pending = sleeper("pending", ms(100), "w");
          done.join();
          assertThat(done.isDone()).isTrue();
          assertThat(pending.isDone()).isFalse();
          assertThat(Weft.shield(done)).isSameAs(done);
          assertThat(Weft.shield(pending)).isNotSameAs(pending);
          Promise<Integer> completed = Weft.promise("completed");
          completed.complete(1);
          assertThat(Weft.shield(completed)).isSameAs(completed);
          return null;
        });
  }

  @Test
  @DisplayName("semantics §2.9: cancelling the shield does not cancel the inner task")
  void cancellingTheShieldSparesTheInner() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          Task<String> inner = oneSecond(log);
          Task<String> shield = Weft.shield(inner);
          Weft.sleep(ms(200));
          assertThat(shield.cancel()).isTrue();
          assertThat(shield.isCancelled()).isTrue();
          assertThatThrownBy(shield::join).isInstanceOf(CancelledException.class);
          assertThat(inner.isCancelled()).isFalse();
          log.add("inner gave " + inner.join() + " at " + Weft.elapsed());
          return null;
        });
    assertThat(log).containsExactly("inner finished at PT1S", "inner gave v at PT1S");
  }

  @Test
  @DisplayName(
      "semantics §2.9: cancelling the task awaiting the shield does not cancel the inner task")
  void cancellingTheAwaitingTaskSparesTheInner() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          Task<String> inner = oneSecond(log);
          Task<String> shield = Weft.shield(inner);
          Task<String> waiter =
              Weft.spawn(
                  "waiter",
                  () -> {
                    try {
                      return shield.join();
                    } catch (CancelledException cancelled) {
                      log.add("waiter cancelled at " + Weft.elapsed());
                      throw cancelled;
                    }
                  });
          Weft.sleep(ms(200));
          waiter.cancel();
          Weft.gatherSettled(List.of(waiter));
          assertThat(waiter.isCancelled()).isTrue();
          assertThat(shield.isCancelled()).isTrue();
          assertThat(inner.isDone()).isFalse();
          log.add("inner gave " + inner.join() + " at " + Weft.elapsed());
          return null;
        });
    assertThat(log)
        .containsExactly(
            "waiter cancelled at PT0.2S", "inner finished at PT1S", "inner gave v at PT1S");
  }

  @Test
  @DisplayName("semantics §2.9: the shield mirrors the inner task's result")
  void mirrorsTheResult() {
    List<String> log = new ArrayList<>();
    List<Object> seen =
        Weft.run(
            () -> {
              Task<String> inner = oneSecond(log);
              Task<String> shield = Weft.shield(inner);
              assertThat(shield.isDone()).isFalse();
              return List.of(shield.join(), Weft.elapsed(), inner.isDone());
            });
    assertThat(seen).containsExactly("v", ms(1000), true);
    assertThat(log).containsExactly("inner finished at PT1S");
  }

  @Test
  @DisplayName("semantics §2.9: the shield mirrors the inner task's failure (same instance)")
  void mirrorsTheFailure() {
    IllegalStateException boom = new IllegalStateException("boom");
    Weft.run(
        () -> {
          Task<String> inner = failer("inner", ms(1000), boom);
          Task<String> shield = Weft.shield(inner);
          assertThatThrownBy(shield::join).isSameAs(boom);
          assertThat(Weft.elapsed()).isEqualTo(ms(1000));
          assertThat(shield.isCancelled()).isFalse();
          return null;
        });
  }

  @Test
  @DisplayName("semantics §2.9: the shield mirrors the inner task's cancellation")
  void mirrorsTheCancellation() {
    Weft.run(
        () -> {
          Task<String> inner = oneSecond(new ArrayList<>());
          Task<String> shield = Weft.shield(inner);
          Weft.sleep(ms(200));
          inner.cancel();
          assertThatThrownBy(shield::join).isInstanceOf(CancelledException.class);
          assertThat(inner.isCancelled()).isTrue();
          assertThat(shield.isCancelled()).isTrue();
          assertThat(Weft.elapsed()).isEqualTo(ms(200));
          return null;
        });
  }

  @Test
  @DisplayName("semantics §2.9: shield of a task from another run is rejected")
  void taskOfAnotherRunIsRejected() {
    List<Task<String>> kept = new ArrayList<>();
    Weft.run(
        () -> {
          Task<String> task = Weft.spawn("first-run", () -> "v");
          kept.add(task);
          return task.join();
        });
    // Even a done task, which shield would return as is, belongs to the first run only.
    assertThatThrownBy(() -> Weft.run(() -> Weft.shield(kept.get(0))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Task 'first-run'")
        .hasMessageContaining("different Weft run");
  }
}
