package dev.weft.samples.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.DeadlockException;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import dev.weft.junit.WeftTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed program in asyncio's order, and each correct ending explored (semantics §4.2). */
class SeedProgramTests {
  @WeftTest
  void awaitingTheProducersProcessesEveryItemInAsyncioOrderAtTimeZero() {
    assertThat(SeedProgram.SEED.awaitProducers()).containsExactly("A0", "A1", "A2", "B0", "B1");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ZERO);
  }

  @WeftTest
  void withLatenciesTheCorrectProgramEndsAtFourHundredFiftyMilliseconds() {
    SeedProgram slow = SeedProgram.SEED.withLatency(Duration.ofMillis(100), Duration.ofMillis(150));
    assertThat(slow.awaitProducers()).containsExactly("A0", "B0", "A1", "B1", "A2");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(450));
  }

  @WeftTest
  void joinThenCancelProcessesEveryItem() {
    assertThat(SeedProgram.SEED.joinThenCancel()).containsExactly("A0", "A1", "A2", "B0", "B1");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ZERO);
  }

  @WeftTest
  void queueShutdownProcessesEveryItem() {
    assertThat(SeedProgram.SEED.queueShutdown()).containsExactly("A0", "A1", "A2", "B0", "B1");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ZERO);
  }

  @Test
  void skippingTheProducerAwaitDeadlocksInAsyncioOrder() {
    assertThatThrownBy(() -> Weft.run(() -> SeedProgram.SEED.skipProducerAwait()))
        .isInstanceOf(DeadlockException.class)
        .hasMessageContaining("main  blocked in gather(A, B, C0, C1, C2), waiting for A")
        .hasMessageContaining("A     blocked in put on queue 'items' (full, 2/2)")
        .hasMessageContaining("Tasks already ended (3): C0, C1, C2.");
  }

  /** 1 to 3 items per producer, drawn by the schedule, as the README's exploration does. */
  static SeedProgram chosen() {
    return SeedProgram.of(1 + Weft.choose(3), 1 + Weft.choose(3), 2);
  }

  @Explore(tries = 500)
  void awaitingTheProducersLosesNothingInAnySchedule() {
    SeedProgram program = chosen();
    List<String> processed = program.awaitProducers();
    assertThat(processed).containsExactlyInAnyOrderElementsOf(program.items());
  }

  @Explore(tries = 500)
  void joinThenCancelLosesNothingInAnySchedule() {
    SeedProgram program = chosen();
    assertThat(program.joinThenCancel()).containsExactlyInAnyOrderElementsOf(program.items());
  }

  @Explore(tries = 500)
  void queueShutdownLosesNothingInAnySchedule() {
    SeedProgram program = chosen();
    assertThat(program.queueShutdown()).containsExactlyInAnyOrderElementsOf(program.items());
  }
}
