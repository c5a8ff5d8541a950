package dev.weft.benchmarks;

import dev.weft.SharedState;
import dev.weft.Strategy;
import dev.weft.explore.Counterexample;
import dev.weft.explore.ExplorationResult;
import dev.weft.explore.Explorer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Searches every bug of {@link BugCatalogue} with each strategy over seeds 0 to 9, and prints how
 * many tries each needed to find its first failure (min/median/max over the seeds that found it)
 * and how many choices the shrunk schedule kept; for the exhaustive strategies, also how many
 * schedules their whole bounded space holds (the search goes on past failures to count them). This
 * measures search power, not speed: the figures are the same on every machine and JDK.
 *
 * <p>Run it with {@code mvn -B -q -Pbenchmarks package -DskipTests}, then {@code java -cp
 * benchmarks/target/benchmarks.jar dev.weft.benchmarks.StrategyComparison} (see CONTRIBUTING.md);
 * arguments: the tries per exploration (default 1000), then the strategies as {@code @Explore}
 * writes them ({@code random pos pct(3) exhaustive(2) exhaustive(2,declared)}; default: every
 * strategy of the table).
 */
public final class StrategyComparison {
  private static final int SEEDS = 10;

  private StrategyComparison() {}

  /**
   * Prints the table.
   *
   * @param args the tries per exploration, then the strategies
   */
  public static void main(String[] args) {
    int tries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    List<String> strategies = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      strategies.add(args[i]);
    }
    if (strategies.isEmpty()) {
      strategies.addAll(defaultStrategies());
    }
    System.out.printf(
        Locale.ROOT,
        "Tries to the first failure over seeds 0-%d (min/median/max of the seeds that found it),"
            + " at most %d tries each;%nshrunk: choices in the minimal schedule (min/median/max)."
            + " exhaustive(k) does not depend on the seed.%n%n",
        SEEDS - 1,
        tries);
    System.out.printf(
        Locale.ROOT, "%-34s %-24s %7s %-16s %s%n", "bug", "strategy", "found", "tries", "shrunk");
    for (BugCatalogue.Bug bug : BugCatalogue.all()) {
      for (String text : strategies) {
        System.out.println(row(bug, text, tries));
      }
      System.out.println();
    }
  }

  /** The strategies of the table: every one Weft has. */
  static List<String> defaultStrategies() {
    return List.of(
        "random", "pct(1)", "pct(2)", "pct(3)", "pos", "exhaustive(2)", "exhaustive(2,declared)");
  }

  static String row(BugCatalogue.Bug bug, String text, int tries) {
    Strategy strategy = parse(text);
    boolean seedless = text.startsWith("exhaustive");
    List<Integer> found = new ArrayList<>();
    List<Integer> shrunk = new ArrayList<>();
    int seeds = seedless ? 1 : SEEDS;
    String extra = "";
    for (int seed = 0; seed < seeds; seed++) {
      ExplorationResult result =
          Explorer.explore(bug.scenario())
              .strategy(strategy)
              .preemption(bug.preemption())
              .seed(seed)
              .tries(tries)
              .checkDeterminism(false)
              .run();
      if (result.counterexample().isPresent()) {
        Counterexample found1 = result.counterexample().get();
        found.add(result.tries());
        shrunk.add(found1.minimal().size());
      }
      extra = seedless ? space(bug, strategy, tries) : "";
    }
    String foundText = found.size() + "/" + seeds;
    String triesText = found.isEmpty() ? "not found in " + tries : spread(found);
    String shrunkText = shrunk.isEmpty() ? "-" : spread(shrunk);
    return String.format(
        Locale.ROOT,
        "%-34s %-24s %7s %-16s %-10s %s",
        bug.name(),
        text,
        foundText,
        triesText,
        shrunkText,
        seedless ? extra : "");
  }

  private static String spread(List<Integer> values) {
    List<Integer> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int median =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2) + 1) / 2;
    return sorted.get(0) + "/" + median + "/" + sorted.get(sorted.size() - 1);
  }

  static Strategy parse(String text) {
    if (text.equals("random")) {
      return Strategy.random();
    }
    if (text.equals("fifo")) {
      return Strategy.fifo();
    }
    int open = text.indexOf('(');
    if (open > 0 && text.endsWith(")")) {
      String name = text.substring(0, open);
      String[] arguments = text.substring(open + 1, text.length() - 1).split(",", -1);
      int value = Integer.parseInt(arguments[0].trim());
      if (name.equals("exhaustive")
          && arguments.length == 2
          && arguments[1].trim().equals("declared")) {
        return Strategy.exhaustive(value, SharedState.DECLARED);
      }
      if (name.equals("pct")) {
        return Strategy.pct(value);
      }
      if (name.equals("exhaustive")) {
        return Strategy.exhaustive(value);
      }
    }
    if (text.equals("pos")) {
      return Strategy.pos();
    }
    throw new IllegalArgumentException(
        "strategy must be random, fifo, pos, pct(d), exhaustive(k) or exhaustive(k,declared), but was "
            + text);
  }

  /**
   * What an exhaustive search adds to its row: the size of its whole bounded space, failing
   * schedules included (it goes on past failures), and the distinct traces it ran there.
   */
  private static String space(BugCatalogue.Bug bug, Strategy strategy, int tries) {
    int cap = 100 * tries;
    ExplorationResult result =
        Explorer.explore(bug.scenario())
            .strategy(strategy)
            .preemption(bug.preemption())
            .everyFailure(true)
            .tries(cap)
            .checkDeterminism(false)
            .run();
    String traces =
        result.distinctTraces().isPresent()
            ? ", " + result.distinctTraces().getAsInt() + " distinct traces"
            : "";
    return (result.exhausted()
            ? "space: " + result.tries() + " schedules"
            : "space: more than " + cap + " schedules")
        + traces;
  }
}
