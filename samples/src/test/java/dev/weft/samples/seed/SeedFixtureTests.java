package dev.weft.samples.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.junit.Explore;
import dev.weft.junit.ProducerConsumer;
import dev.weft.junit.ProducerConsumer.Shutdown;

/** The seed's correct endings through the fixture, three lines each (the bug: SeedBugTests). */
class SeedFixtureTests {
  @Explore
  void awaitingTheProducersLosesNothing(ProducerConsumer program) {
    assertThat(program.shutdown(Shutdown.AWAIT_PRODUCERS).run().lost()).isEmpty();
  }

  @Explore
  void joinThenCancelLosesNothing(ProducerConsumer program) {
    assertThat(program.shutdown(Shutdown.JOIN_THEN_CANCEL).run().lost()).isEmpty();
  }

  @Explore
  void queueShutdownLosesNothing(ProducerConsumer program) {
    assertThat(program.shutdown(Shutdown.QUEUE_SHUTDOWN).run().lost()).isEmpty();
  }
}
