package dev.weft.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Schedule;
import dev.weft.Strategy;
import dev.weft.Task;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import dev.weft.explore.ExplorerPrograms.Sentinels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * everything an exploration does derives from its seed, so the same seed gives the same tries and
 * counterexample on every machine, and shards split the tries without overlap.
 */
@DisplayName("Explorer seeds and shards")
class ExplorerSeedAndShardTests {
  private static final ThrowingRunnable BUGGY = () -> new Sentinels(false).main();

  /**
   * A passing scenario; each try adds its interleaving of {@code tasks} tasks (each yielding {@code
   * steps} times) and two values drawn with choose, so that different tries record different lines.
   */
  private static ThrowingRunnable recording(List<String> perTry, int tasks, int steps) {
    return () -> {
      StringBuilder order = new StringBuilder();
      List<Task<Void>> spawned = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        String name = "t" + t;
        spawned.add(
            Weft.spawn(
                name,
                () -> {
                  for (int s = 0; s < steps; s++) {
                    order.append(name).append(' ');
                    Weft.yieldNow();
                  }
                }));
      }
      Weft.gather(spawned);
      perTry.add(order + "/ " + Weft.choose(1_000_000) + " " + Weft.choose(1_000_000));
    };
  }

  private static int tryNumber(Counterexample found) {
    Matcher matcher = Pattern.compile("on try (\\d+) of").matcher(found.toString());
    assertThat(matcher.find()).as("the report names the try").isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  @Nested
  @DisplayName("seeds")
  class Seeds {
    @Test
    @DisplayName(
        "two explorers with the same seed find the same counterexample and the same report")
    void sameSeedSameCounterexample() {
      Counterexample first =
          Explorer.explore(BUGGY).seed(42).tries(200).run().counterexample().orElseThrow();
      Counterexample second =
          Explorer.explore(BUGGY).seed(42).tries(200).run().counterexample().orElseThrow();

      assertThat(second.schedule()).isEqualTo(first.schedule());
      assertThat(second.minimal()).isEqualTo(first.minimal());
      assertThat(second.toString()).isEqualTo(first.toString());
      assertThat(second.seed()).isEqualTo(42);
      assertThat(first.toString()).contains("seed 42");
    }

    @Test
    @DisplayName("the same seed runs the same tries; another seed runs different ones")
    void seedDecidesTheTries() {
      List<String> seven = new ArrayList<>();
      List<String> sevenAgain = new ArrayList<>();
      List<String> eight = new ArrayList<>();

      Explorer.explore(recording(seven, 3, 2)).seed(7).tries(20).run();
      Explorer.explore(recording(sevenAgain, 3, 2)).seed(7).tries(20).run();
      Explorer.explore(recording(eight, 3, 2)).seed(8).tries(20).run();

      assertThat(seven).hasSize(20).doesNotHaveDuplicates();
      assertThat(sevenAgain).isEqualTo(seven);
      assertThat(eight).hasSize(20).isNotEqualTo(seven);
    }

    @Test
    @DisplayName("some other seed finds a different first failing try than seed 0")
    void seedsMatterForCounterexamples() {
      Schedule seedZero =
          Explorer.explore(BUGGY).tries(200).run().counterexample().orElseThrow().schedule();

      boolean differs = false;
      for (long seed = 1; seed <= 20 && !differs; seed++) {
        Counterexample other =
            Explorer.explore(BUGGY)
                .seed(seed)
                .tries(200)
                .checkDeterminism(false)
                .run()
                .counterexample()
                .orElseThrow();
        differs = !other.schedule().equals(seedZero);
        assertThat(other.seed()).isEqualTo(seed);
      }

      assertThat(differs).as("seeds 1 to 20 all found seed 0's schedule").isTrue();
    }
  }

  @Nested
  @DisplayName("shard(i, n): shard i runs tries i, i + n, i + 2n, ...")
  class Shards {
    /** The lines recorded by each of {@code count} shards, and checks their tries() counts. */
    private List<List<String>> shards(
        Strategy strategy, int tries, int count, int tasks, int steps) {
      List<List<String>> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        List<String> mine = new ArrayList<>();
        ExplorationResult result =
            Explorer.explore(recording(mine, tasks, steps))
                .strategy(strategy)
                .tries(tries)
                .shard(i, count)
                .run();
        assertThat(result.tries()).as("tries of shard %d", i).isEqualTo(mine.size());
        out.add(mine);
      }
      return out;
    }

    private void assertShardsSplit(Strategy strategy, int tries, int count, int tasks, int steps) {
      List<String> whole = new ArrayList<>();
      Explorer.explore(recording(whole, tasks, steps)).strategy(strategy).tries(tries).run();
      List<List<String>> shards = shards(strategy, tries, count, tasks, steps);

      assertThat(whole).hasSize(tries).doesNotHaveDuplicates();
      for (int i = 0; i < count; i++) {
        assertThat(shards.get(i))
            .as("shard %d of %d", i, count)
            .hasSize((tries - i + count - 1) / count);
        for (int t = i; t < tries; t += count) {
          assertThat(shards.get(i).get(t / count))
              .as("try %d, run by shard %d of %d", t + 1, i, count)
              .isEqualTo(whole.get(t));
        }
      }
      List<String> union = new ArrayList<>();
      shards.forEach(union::addAll);
      assertThat(union).containsExactlyInAnyOrderElementsOf(whole);
    }

    @Test
    @DisplayName(
        "random: 3 shards of 30 tries run exactly the 30 tries of one job, without overlap")
    void randomShardsSplitTheTries() {
      assertShardsSplit(Strategy.random(), 30, 3, 3, 2);
    }

    @Test
    @DisplayName("random: 31 tries in 3 shards are 11, 10 and 10")
    void unevenSplit() {
      List<List<String>> shards = shards(Strategy.random(), 31, 3, 2, 1);

      assertThat(shards).extracting(List::size).containsExactly(11, 10, 10);
      List<String> union = new ArrayList<>();
      shards.forEach(union::addAll);
      assertThat(new HashSet<>(union)).hasSize(31);
    }

    @Test
    @DisplayName(
        "pct(2), runs longer than 32 steps: 2 shards split the tries without overlap (each shard"
            + " learns a run's length from its own tries, as the javadoc says)")
    void pctShardsSplitTheTries() {
      // 8 tasks x 5 steps: more picks than PCT's first guess of a run's length
      List<List<String>> shards = shards(Strategy.pct(2), 12, 2, 8, 5);

      assertThat(shards).extracting(List::size).containsExactly(6, 6);
      List<String> union = new ArrayList<>();
      shards.forEach(union::addAll);
      assertThat(union).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("the shard holding the first failing try reports it as one job would")
    void shardFindsTheSameFailingTry() {
      Counterexample whole =
          Explorer.explore(BUGGY).tries(200).run().counterexample().orElseThrow();
      int failingTry = tryNumber(whole);

      Counterexample shard =
          Explorer.explore(BUGGY)
              .tries(200)
              .shard((failingTry - 1) % 2, 2)
              .run()
              .counterexample()
              .orElseThrow();

      assertThat(tryNumber(shard)).isEqualTo(failingTry);
      assertThat(shard.schedule()).isEqualTo(whole.schedule());
      assertThat(shard.minimal()).isEqualTo(whole.minimal());
    }

    @ParameterizedTest(name = "shard({0}, {1})")
    @CsvSource({"-1, 2", "2, 2", "3, 2", "0, 0", "0, -1"})
    @DisplayName("an index outside [0, count) or a count below 1 is an IllegalArgumentException")
    void rejectsBadArguments(int index, int count) {
      Explorer explorer = Explorer.explore(BUGGY);

      assertThatThrownBy(() -> explorer.shard(index, count))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("index " + index)
          .hasMessageContaining("count " + count);
    }

    @Test
    @DisplayName("an exhaustive search cannot be sharded")
    void rejectsExhaustive() {
      Explorer exhaustive = Explorer.explore(BUGGY).strategy(Strategy.exhaustive(1));

      assertThatThrownBy(() -> exhaustive.shard(0, 2).run())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("exhaustive");
      assertThatThrownBy(() -> exhaustive.shard(2, 3).run())
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an exhaustive strategy set after shard(0, 2) is rejected too, not run twice over")
    void rejectsExhaustiveSetAfterSharding() {
      Explorer sharded = Explorer.explore(BUGGY).shard(0, 2);

      assertThatThrownBy(() -> sharded.strategy(Strategy.exhaustive(1)).run())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("exhaustive");
    }
  }
}
