package dev.weft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The 2-producer / 3-consumer / sentinel program of semantics §4.2, in its correct form and its two
 * buggy forms, with the knobs the spec varies: queue size, item counts and latencies.
 */
final class ProducerConsumer {
  /** What consumers take as "no more items": asyncio's {@code None}. */
  static final String DONE = "<done>";

  /** Where main queues the sentinels (semantics §4.2). */
  enum Variant {
    /** Awaits the producers, then queues the sentinels, then awaits the consumers. */
    CORRECT,
    /** Queues the sentinels, then awaits only the consumers: producers are never awaited. */
    BUG_1,
    /** Queues the sentinels, then awaits producers and consumers together. */
    BUG_2
  }

  final Variant variant;
  final int maxsize;
  final int countA;
  final int countB;
  final Duration produceDelay;
  final Duration consumeDelay;

  /** Items in the order consumers handled them. */
  final List<String> processed = new ArrayList<>();

  /** Every successful put, sentinels included, in queue order. */
  final List<String> enqueued = new ArrayList<>();

  /** What each producer was putting when it was cancelled: "A on A2". */
  final List<String> cancelledPuts = new ArrayList<>();

  /** The queue of the last run, for assertions about what stayed in it. */
  Queue<String> queue;

  Task<Void> producerA;
  Task<Void> producerB;

  ProducerConsumer(Variant variant, int maxsize) {
    this(variant, maxsize, 3, 2, Duration.ZERO, Duration.ZERO);
  }

  ProducerConsumer(
      Variant variant,
      int maxsize,
      int countA,
      int countB,
      Duration produceDelay,
      Duration consumeDelay) {
    this.variant = variant;
    this.maxsize = maxsize;
    this.countA = countA;
    this.countB = countB;
    this.produceDelay = produceDelay;
    this.consumeDelay = consumeDelay;
  }

  /** The program's main: returns when main does (a buggy variant may deadlock instead). */
  void main() {
    queue = new Queue<>("items", maxsize);
    producerA = Weft.spawn("A", () -> produce("A", countA));
    producerB = Weft.spawn("B", () -> produce("B", countB));
    List<Task<Void>> consumers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      consumers.add(Weft.spawn("C" + i, this::consume));
    }
    if (variant == Variant.CORRECT) {
      Weft.gather(producerA, producerB);
    }
    for (int i = 0; i < consumers.size(); i++) {
      queue.put(DONE);
      enqueued.add(DONE);
    }
    if (variant == Variant.BUG_2) {
      List<Task<Void>> all = new ArrayList<>(List.of(producerA, producerB));
      all.addAll(consumers);
      Weft.gather(all);
    } else {
      Weft.gather(consumers);
    }
  }

  private void produce(String name, int count) {
    for (int i = 0; i < count; i++) {
      if (!produceDelay.isZero()) {
        Weft.sleep(produceDelay);
      }
      String item = name + i;
      try {
        queue.put(item);
      } catch (CancelledException e) {
        cancelledPuts.add(name + " on " + item);
        throw e;
      }
      enqueued.add(item); // put returns right after enqueueing, with no switch in between
    }
  }

  private void consume() {
    while (true) {
      String item = queue.get();
      if (item.equals(DONE)) {
        return;
      }
      processed.add(item);
      if (!consumeDelay.isZero()) {
        Weft.sleep(consumeDelay);
      }
    }
  }
}
