package dev.weft;

import static dev.weft.Weft.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Promises: asyncio's {@code Future}, a task completed by hand. How completing one orders its
 * joiners among other tasks is in {@link SchedulingTests}.
 */
class PromiseTests {

  @Test
  void completeGivesTheValueToJoinersAndToResult() {
    String result =
        Weft.run(
            () -> {
              Promise<String> promise = Weft.promise();
              Weft.callLater(Duration.ofSeconds(1), () -> promise.complete("pong"));
              String joined = promise.join();
              assertThat(promise.isDone()).isTrue();
              assertThat(promise.isCancelled()).isFalse();
              return joined + " " + promise.result() + " at " + Weft.elapsed().toSeconds() + "s";
            });

    assertThat(result).isEqualTo("pong pong at 1s");
  }

  @Test
  void failGivesTheFailureToJoiners() {
    IllegalStateException failure = new IllegalStateException("no reply");
    Throwable joined =
        Weft.run(
            () -> {
              Promise<String> promise = Weft.promise();
              Task<Throwable> waiter = Weft.spawn("waiter", () -> catchThrowable(promise::join));
              Weft.yieldNow();

              promise.fail(failure);
              assertThat(promise.isDone()).isTrue();
              assertThat(promise.isCancelled()).isFalse();
              return waiter.join();
            });

    assertThat(joined).isSameAs(failure);
  }

  @Test
  void cancelEndsThePromiseCancelled() {
    List<String> log = new ArrayList<>();
    run(
        () -> {
          Promise<String> promise = Weft.promise("reply");
          Task<Void> waiter =
              Weft.spawn(
                  "waiter",
                  () -> {
                    try {
                      promise.join();
                    } catch (CancelledException e) {
                      log.add("waiter saw " + e.getMessage());
                    }
                  });
          Weft.yieldNow();

          assertThat(promise.cancel()).isTrue();
          assertThat(promise.isCancelled()).isTrue();
          assertThat(promise.cancel()).isFalse();
          waiter.join();
        });

    assertThat(log)
        .containsExactly("waiter saw Promise 'reply' was cancelled by main at virtual time 0s");
  }

  @Test
  void joinersResumeInTheOrderTheyStartedWaiting() {
    // Spawned w1, w2, w3, but they start waiting as w3, w1, w2.
    List<String> log = new ArrayList<>();
    run(
        () -> {
          Promise<String> promise = Weft.promise();
          List<Task<Void>> waiters = new ArrayList<>();
          int[] yieldsBeforeJoining = {1, 2, 0};
          for (int i = 0; i < 3; i++) {
            String name = "w" + (i + 1);
            int yields = yieldsBeforeJoining[i];
            waiters.add(
                Weft.spawn(
                    name,
                    () -> {
                      for (int y = 0; y < yields; y++) {
                        Weft.yieldNow();
                      }
                      log.add(name + " waits");
                      log.add(name + " got " + promise.join());
                    }));
          }
          Weft.sleep(Duration.ofSeconds(1));
          promise.complete("value");
          Weft.gather(waiters);
        });

    assertThat(log)
        .containsExactly(
            "w3 waits", "w1 waits", "w2 waits", "w3 got value", "w1 got value", "w2 got value");
  }

  @Test
  void completingTwiceIsRejected() {
    run(
        () -> {
          Promise<Integer> promise = Weft.promise("answer");
          promise.complete(42);

          assertThatThrownBy(() -> promise.complete(43))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("Promise 'answer' is already done");
          assertThatThrownBy(() -> promise.fail(new IllegalStateException("late")))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("already done");
          assertThat(promise.result()).isEqualTo(42);
        });
  }

  @Test
  void failWithNullOrACancellationIsRejected() {
    run(
        () -> {
          Promise<String> promise = Weft.promise();

          assertThatThrownBy(() -> promise.fail(null))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("error must not be null");
          assertThatThrownBy(() -> promise.fail(new CancelledException("stop")))
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("CancelledException")
              .hasMessageContaining("cancel()");
          assertThat(promise.isDone()).isFalse();
        });
  }

  @Test
  void resultOfAPendingPromiseIsRejected() {
    run(
        () -> {
          Promise<String> promise = Weft.promise("reply");

          assertThatThrownBy(promise::result)
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("Promise 'reply' is not done yet");
        });
  }

  @Test
  void aCheckedFailureArrivesWrappedAndAnUncheckedOneAsTheSameInstance() {
    IOException checked = new IOException("disk gone");
    IllegalStateException unchecked = new IllegalStateException("bad state");
    List<Throwable> seen = new ArrayList<>();
    run(
        () -> {
          Promise<String> failsChecked = Weft.promise("checked");
          Promise<String> failsUnchecked = Weft.promise("unchecked");
          Weft.callSoon(() -> failsChecked.fail(checked));
          Weft.callSoon(() -> failsUnchecked.fail(unchecked));
          seen.add(catchThrowable(failsChecked::join));
          seen.add(catchThrowable(failsChecked::result));
          seen.add(catchThrowable(failsUnchecked::join));
          seen.add(catchThrowable(failsUnchecked::result));
        });

    for (Throwable wrapped : seen.subList(0, 2)) {
      assertThat(wrapped)
          .isInstanceOf(TaskFailedException.class)
          .hasMessageContaining("Promise 'checked'")
          .cause()
          .isSameAs(checked);
    }
    assertThat(seen.subList(2, 4)).allSatisfy(t -> assertThat(t).isSameAs(unchecked));
  }
}
