package dev.weft.junit;

import dev.weft.Queue;
import dev.weft.Task;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The README's producer-consumer program (the harness's {@code ReadmeExample}, which this module's
 * tests cannot see): two producers, three consumers, a queue of two items, one stop signal per
 * consumer.
 */
final class ReadmeProgram {
  private ReadmeProgram() {}

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
   * Runs the program as the current task; with {@code stopSignalsFirst}, main queues the stop
   * signals before it waits for the producers (the README's bug: a deadlock with 3 and 2 items).
   */
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
      Weft.gather(producers);
      for (int c = 0; c < 3; c++) {
        items.put("DONE");
      }
      Weft.gather(consumers);
    }
    return processed;
  }
}
