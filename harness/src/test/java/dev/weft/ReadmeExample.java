package dev.weft;

import dev.weft.explore.Explorer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The README's example, runnable as a main class (the README's demo command runs the samples'
 * {@code Demo}, which tells the same story with the fixture). Runs the producer-consumer program of
 * semantics §4.2 twice: correctly, printing its timeline, then with the stop signals queued before
 * the producers are awaited, printing the report Weft gives. {@link ReadmeExampleTests} checks that
 * the README's claims hold.
 */
final class ReadmeExample {
  private ReadmeExample() {}

  /** A producer: puts {@code count} items, waiting while the queue is full. */
  static void produce(Queue<String> items, String name, int count) {
    for (int i = 0; i < count; i++) {
      items.put(name + i);
    }
  }

  /** A consumer: takes items until it takes the stop signal. */
  static void consume(Queue<String> items, List<String> processed) {
    for (String item = items.get(); !item.equals("DONE"); item = items.get()) {
      processed.add(item);
    }
  }

  /**
   * Two producers, three consumers, a queue of 2. With {@code stopSignalsFirst}, main queues the
   * consumers' stop signals before it waits for the producers: the bug of semantics §4.2.
   */
  static List<String> producerConsumer(boolean stopSignalsFirst) {
    return producerConsumer(stopSignalsFirst, 3, 2);
  }

  /** The same program with {@code countA} and {@code countB} items from the producers. */
  static List<String> producerConsumer(boolean stopSignalsFirst, int countA, int countB) {
    List<String> processed = new ArrayList<>();
    Queue<String> items = new Queue<>("items", 2);
    List<Task<Void>> producers =
        List.of(
            Weft.spawn("A", () -> produce(items, "A", countA)),
            Weft.spawn("B", () -> produce(items, "B", countB)));
    List<Task<Void>> consumers = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      consumers.add(Weft.spawn("C" + c, () -> consume(items, processed)));
    }
    if (stopSignalsFirst) {
      for (int c = 0; c < 3; c++) {
        items.put("DONE"); // the bug: the producers may not be done
      }
      Weft.gather(Stream.concat(producers.stream(), consumers.stream()).toList());
    } else {
      Weft.gather(producers); // first every item...
      for (int c = 0; c < 3; c++) {
        items.put("DONE"); // ...then one stop signal per consumer
      }
      Weft.gather(consumers);
    }
    return processed;
  }

  /**
   * The README's exploration scenario: the producers make 1 to 3 items each, chosen by the
   * schedule, and every item must be processed.
   */
  static void scenario(boolean stopSignalsFirst) {
    int countA = 1 + Weft.choose(3);
    int countB = 1 + Weft.choose(3);
    List<String> processed = producerConsumer(stopSignalsFirst, countA, countB);
    if (processed.size() != countA + countB) {
      throw new AssertionError(
          "processed " + processed + " but the producers made " + (countA + countB) + " items");
    }
  }

  public static void main(String[] args) {
    RunOptions printing = RunOptions.defaults().listener(event -> System.out.println("  " + event));
    System.out.println("Producers awaited, then the stop signals queued:");
    System.out.println("=> processed " + Weft.run(printing, () -> producerConsumer(false)));
    System.out.println();
    System.out.println("Stop signals queued before the producers are awaited:");
    try {
      Weft.run(() -> producerConsumer(true));
    } catch (DeadlockException deadlock) {
      System.out.println(deadlock);
    }
    System.out.println();
    System.out.println("Exploring the correct program (1,000 random schedules):");
    System.out.println(Explorer.explore(() -> scenario(false)).run());
    System.out.println();
    System.out.println("Exploring the program with the stop signals first:");
    System.out.println(Explorer.explore(() -> scenario(true)).run());
  }
}
