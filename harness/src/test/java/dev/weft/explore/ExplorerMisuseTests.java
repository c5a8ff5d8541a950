package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.weft.Queue;
import dev.weft.Weft;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Misuse of Weft inside an exploration is a usage error, not a failing schedule: run() and check()
 * throw its IllegalStateException on the first try that misuses Weft, even when the scenario
 * catches it, without shrinking.
 */
class ExplorerMisuseTests {

  @Test
  @DisplayName("a nested Weft.run: the first try throws, caught or not")
  void nestedRun() {
    AtomicInteger tries = new AtomicInteger();
    Throwable thrown =
        catchThrowable(
            () ->
                Explorer.explore(
                        () -> {
                          tries.incrementAndGet();
                          try {
                            Weft.run(() -> 1);
                          } catch (IllegalStateException caught) {
                            // the scenario swallows it; the exploration still reports it
                          }
                        })
                    .run());

    assertThat(thrown)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Weft.run was called inside a running Weft.run (from Task 'main')")
        .hasMessageContaining("Runs cannot be nested");
    assertThat(tries).hasValue(1);
  }

  @Test
  @DisplayName("check() throws the same IllegalStateException, not an AssertionError")
  void checkThrowsIt() {
    Throwable thrown = catchThrowable(() -> Explorer.explore(() -> Weft.run(() -> 1)).check());

    assertThat(thrown)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Runs cannot be nested");
  }

  @Test
  @DisplayName("a Weft call from a thread the scenario started: the first try throws")
  void foreignThread() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    AtomicReference<Throwable> seenByThread = new AtomicReference<>();
    Throwable thrown =
        catchThrowable(
            () ->
                Explorer.explore(
                        () -> {
                          tries.incrementAndGet();
                          Thread thread =
                              new Thread(
                                  () -> {
                                    try {
                                      Weft.yieldNow();
                                    } catch (IllegalStateException e) {
                                      seenByThread.set(e);
                                    }
                                  },
                                  "my-thread");
                          thread.start();
                          thread.join();
                        })
                    .run());

    assertThat(thrown)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was called on thread 'my-thread', which Weft does not run")
        .isSameAs(seenByThread.get());
    assertThat(tries).hasValue(1);
  }

  @Test
  @DisplayName("a queue kept from one try to the next: the second try throws")
  void primitiveOfAnotherTry() {
    AtomicInteger tries = new AtomicInteger();
    Queue<String> shared = new Queue<>("shared", 0);
    Throwable thrown =
        catchThrowable(
            () ->
                Explorer.explore(
                        () -> {
                          tries.incrementAndGet();
                          shared.putNowait("item");
                        })
                    .run());

    assertThat(thrown)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageContaining("queue 'shared'")
        .hasMessageContaining("was called from a different Weft run");
    assertThat(tries).hasValue(2);
  }
}
