package dev.weft.samples.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.weft.samples.threads.ThreadedProducerConsumer.Shutdown;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real-thread program tested the way such code is tested today, with Awaitility. Only the
 * correct shutdown is tested here: the buggy one fails some of the time, depending on timing, which
 * is what {@link RealThreadsVersusWeft} measures (a test of it would be flaky, which is the point).
 * Every wait is bounded and every test stops its threads, so no test can hang.
 */
class ThreadedProducerConsumerTests {
  private static final List<String> ITEMS = List.of("P0-0", "P0-1", "P0-2", "P1-0", "P1-1", "P1-2");

  @Test
  void theCorrectVersionConsumesEveryItemAndFinishes() throws InterruptedException {
    ThreadedProducerConsumer run = ThreadedProducerConsumer.start(Shutdown.AWAIT_PRODUCERS);
    try {
      await().atMost(Duration.ofSeconds(10)).until(run::isFinished);
      assertThat(run.failure()).isNull();
      assertThat(run.produced()).containsExactlyInAnyOrderElementsOf(ITEMS);
      assertThat(run.consumed()).containsExactlyInAnyOrderElementsOf(ITEMS);
      assertThat(run.lost()).isEmpty();
      await().atMost(Duration.ofSeconds(10)).until(() -> run.liveThreads() == 0);
    } finally {
      run.stop();
    }
  }

  @Test
  void stopEndsEveryThreadOfTheBuggyVersionWhetherItHangsOrNot() throws InterruptedException {
    // The buggy version may hang or finish; either way stop() must leave no thread behind.
    ThreadedProducerConsumer run = ThreadedProducerConsumer.start(Shutdown.SKIP_PRODUCER_AWAIT);
    run.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> run.liveThreads() == 0);
    assertThat(run.liveThreads()).isZero();
  }
}
