package dev.weft.explore;

import dev.weft.Queue;
import dev.weft.Schedule;
import dev.weft.Task;
import dev.weft.TaskGroupException;
import dev.weft.ThrowingRunnable;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Programs the Explorer tests search, each failing only under some schedules, and helpers to read a
 * counterexample report.
 */
final class ExplorerPrograms {
  private ExplorerPrograms() {}

  /** What consumers take as "no more items": asyncio's {@code None}. */
  static final String DONE = "<done>";

  /**
   * Spec 4.2's 2-producer / 3-consumer / sentinel program on a queue of maxsize 2, with item counts
   * drawn by {@code 1 + Weft.choose(5)} in each producer. The buggy form is BUG-2: the sentinels
   * are queued before the producers are awaited, then producers and consumers are gathered. The
   * fixed form awaits the producers first. Either way main then checks that every produced item was
   * processed.
   */
  static final class Sentinels {
    final boolean fixed;

    /** The item counts ("A3 B1") of every try that got to the end, across tries. */
    final Set<String> countsSeen = new LinkedHashSet<>();

    Sentinels(boolean fixed) {
      this.fixed = fixed;
    }

    void main() {
      Queue<String> queue = new Queue<>("items", 2);
      List<String> produced = new ArrayList<>();
      List<String> processed = new ArrayList<>();
      int[] counts = new int[2];
      List<Task<Void>> producers = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        int index = p;
        String name = p == 0 ? "A" : "B";
        producers.add(
            Weft.spawn(
                name,
                () -> {
                  counts[index] = 1 + Weft.choose(5);
                  for (int i = 0; i < counts[index]; i++) {
                    queue.put(name + i);
                    produced.add(name + i);
                  }
                }));
      }
      List<Task<Void>> consumers = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        consumers.add(
            Weft.spawn(
                "C" + c,
                () -> {
                  for (String item = queue.get(); !item.equals(DONE); item = queue.get()) {
                    processed.add(item);
                  }
                }));
      }
      if (fixed) {
        Weft.gather(producers);
      }
      for (int c = 0; c < consumers.size(); c++) {
        queue.put(DONE);
      }
      List<Task<Void>> all = new ArrayList<>(producers);
      all.addAll(consumers);
      Weft.gather(all);
      countsSeen.add("A" + counts[0] + " B" + counts[1]);
      if (!processed.containsAll(produced)) {
        throw new AssertionError("produced " + produced + " but processed only " + processed);
      }
    }
  }

  /**
   * An order violation: {@code use} needs {@code init} to have run, which holds in asyncio's order
   * (tasks start in creation order, semantics §2.1) but breaks if {@code use} runs first.
   */
  static void initThenUse() {
    boolean[] initialized = {false};
    Task<Void> init =
        Weft.spawn(
            "init",
            () -> {
              initialized[0] = true;
            });
    Task<Void> use =
        Weft.spawn(
            "use",
            () -> {
              if (!initialized[0]) {
                throw new IllegalStateException("use ran before init");
              }
            });
    Weft.gather(init, use);
  }

  /**
   * A checkout validates a card and charges it in one task group; validation fails, and the group
   * cancels the charge by a done callback that runs in the pass after the failure, with the
   * charge's next step. asyncio's order runs the callback first; if the charge's step runs first,
   * it commits: "charged a declined card".
   */
  static void chargeAfterDecline() {
    boolean[] charged = {false};
    try {
      Weft.taskGroup(
          group -> {
            group.spawn(
                "validate",
                () -> {
                  Weft.yieldNow();
                  throw new IllegalStateException("card declined");
                });
            group.spawn(
                "charge",
                () -> {
                  Weft.yieldNow();
                  Weft.yieldNow();
                  charged[0] = true;
                });
          });
    } catch (TaskGroupException declined) {
      if (charged[0]) {
        throw new IllegalStateException("charged a declined card");
      }
    }
  }

  /**
   * A lost update: two tasks each read a counter, do an operation that never suspends ({@code
   * between} is "checkpoint" or "putNowait"), and write the counter back plus one. Atomic when
   * cooperative; a switch at the operation loses an increment.
   */
  static ThrowingRunnable lostUpdate(String between) {
    return () -> {
      int[] counter = {0};
      Queue<String> log = new Queue<>("log", 0);
      List<Task<Void>> incrementers = new ArrayList<>();
      for (String name : List.of("inc1", "inc2")) {
        incrementers.add(
            Weft.spawn(
                name,
                () -> {
                  int read = counter[0];
                  if (between.equals("putNowait")) {
                    log.putNowait(name);
                  } else {
                    Weft.checkpoint();
                  }
                  counter[0] = read + 1;
                }));
      }
      Weft.gather(incrementers);
      if (counter[0] != 2) {
        throw new AssertionError("lost update: counter is " + counter[0] + ", expected 2");
      }
    };
  }

  /**
   * Three tasks that each append their name and return; every try adds the order to {@code orders}.
   */
  static ThrowingRunnable threeAppenders(Set<String> orders) {
    return () -> {
      StringBuilder order = new StringBuilder();
      List<Task<Void>> tasks = new ArrayList<>();
      for (String name : List.of("a", "b", "c")) {
        tasks.add(
            Weft.spawn(
                name,
                () -> {
                  order.append(name);
                }));
      }
      Weft.gather(tasks);
      orders.add(order.toString());
    };
  }

  /** The names heading the rows of a timeline, in order (continuation lines are indented). */
  static List<String> rowNames(String timeline) {
    List<String> names = new ArrayList<>();
    for (String line : timeline.split("\n")) {
      if (line.length() > 2 && line.charAt(2) != ' ') {
        names.add(line.trim().split(" ")[0]);
      }
    }
    return names;
  }

  /** How many choices of {@code schedule} depart from asyncio's order (a task index > 0, or p1). */
  static int departures(Schedule schedule) {
    int count = 0;
    for (String token : schedule.toString().split(" ")) {
      if (token.isEmpty() || token.equals("every-operation:")) {
        continue;
      }
      String[] repeated = token.split("\\*");
      String choice = repeated[0];
      int times = repeated.length > 1 ? Integer.parseInt(repeated[1]) : 1;
      boolean departs =
          choice.equals("p1")
              || (!choice.startsWith("p")
                  && !choice.startsWith("d")
                  && !choice.startsWith("0")
                  && !choice.equals("_"));
      count += departs ? times : 0;
    }
    return count;
  }
}
