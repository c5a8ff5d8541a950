package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.LeftoverTasksException;
import dev.weft.Preemption;
import dev.weft.RunOptions;
import dev.weft.Strategy;
import dev.weft.Weft;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An explorer runs every try with its RunOptions. */
class ExplorerOptionsTests {

  @Test
  void theDefaultsAreRandomWithAHundredThousandStepsAndOtherwiseRunOptionsDefaults() {
    RunOptions options = Explorer.explore(() -> {}).options();
    assertThat(options.strategy()).isEqualTo(Strategy.random());
    assertThat(options.maxSteps()).isEqualTo(100_000);
    assertThat(options.preemption()).isEqualTo(Preemption.COOPERATIVE);
    assertThat(options.failOnLeftoverTasks()).isFalse();
    assertThat(options.failOnUnobservedFailures()).isTrue();
  }

  @Test
  void theSettersChangeOneOptionAndOptionsReplacesThemAll() {
    Explorer explorer = Explorer.explore(() -> {}).maxSteps(10).strategy(Strategy.pct(2)).seed(7);
    assertThat(explorer.options().maxSteps()).isEqualTo(10);
    assertThat(explorer.options().strategy()).hasToString("Strategy.pct(2)");
    assertThat(explorer.options().seed()).isEqualTo(7);

    Explorer replaced = explorer.options(RunOptions.defaults());
    assertThat(replaced.options().maxSteps()).isEqualTo(1_000_000);
    assertThat(replaced.options().strategy()).isEqualTo(Strategy.fifo());
    assertThat(explorer.options().maxSteps()).isEqualTo(10); // immutable
  }

  @Test
  void theOptionsFailurePoliciesApplyToEveryTryAndAppearInTheReplayLine() {
    Explorer explorer =
        Explorer.explore(
            () -> Weft.spawn("worker", () -> Weft.sleep(java.time.Duration.ofSeconds(1))));
    assertThat(explorer.tries(3).run().counterexample()).isEmpty(); // leftovers cancelled quietly

    Counterexample found =
        explorer
            .options(explorer.options().failOnLeftoverTasks(true))
            .tries(3)
            .run()
            .counterexample()
            .orElseThrow();
    assertThat(found.failure()).isInstanceOf(LeftoverTasksException.class);
    assertThat(found.toString())
        .contains(
            "Weft.run(RunOptions.defaults().replay(Schedule.parse(\"\")).maxSteps(100000)"
                + ".failOnLeftoverTasks(true), scenario);");
  }

  @Test
  void aListenerThatThrowsStopsTheExplorationInsteadOfBecomingACounterexample() {
    AtomicInteger tries = new AtomicInteger();
    Explorer explorer =
        Explorer.explore(() -> tries.incrementAndGet())
            .options(
                RunOptions.defaults()
                    .strategy(Strategy.random())
                    .listener(
                        event -> {
                          throw new UnsupportedOperationException("listener broke");
                        }));

    assertThatThrownBy(explorer::run)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The RunListener threw on the event \"0s main SPAWNED\"")
        .hasCauseInstanceOf(UnsupportedOperationException.class);
    assertThat(tries.get()).isZero();
  }

  @Test
  void anInterruptStopsTheExplorationBetweenTriesAndStaysSet() {
    Thread caller = Thread.currentThread();
    AtomicInteger tries = new AtomicInteger();
    Explorer explorer =
        Explorer.explore(
                () -> {
                  if (tries.incrementAndGet() == 5) {
                    caller.interrupt(); // as a test framework's timeout would
                  }
                })
            .tries(Integer.MAX_VALUE);
    try {
      // On platform carriers the explorer runs on the caller and stops right after try 5; on
      // virtual ones the interrupt is forwarded to the explorer's own thread, a few tries later.
      assertThatThrownBy(explorer::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageMatching(
              "The exploration was interrupted after \\d+ tries, with no failing schedule found so"
                  + " far; it stopped there\\.");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(tries.get()).isGreaterThanOrEqualTo(5).isLessThan(Integer.MAX_VALUE);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptedSearchForEveryFailureSaysHowManyItFound() {
    Thread caller = Thread.currentThread();
    AtomicInteger tries = new AtomicInteger();
    Explorer explorer =
        Explorer.explore(
                () -> {
                  if (tries.incrementAndGet() == 5) {
                    caller.interrupt();
                  }
                  throw new AssertionError("always");
                })
            .everyFailure(true)
            .tries(Integer.MAX_VALUE);
    try {
      assertThatThrownBy(explorer::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageMatching(
              "The exploration was interrupted after \\d+ tries, with 1 distinct failure found but"
                  + " not yet shrunk; it stopped there\\.");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void optionsRejectsNull() {
    assertThatThrownBy(() -> Explorer.explore(() -> {}).options(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("options must not be null");
  }
}
