package dev.weft.samples.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import dev.weft.junit.WeftTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Results as they complete, within a deadline; the late ones cancelled (semantics §2.5). */
class StreamedResultsTests {
  static Task<String> shard(String name, long millis) {
    return Weft.spawn(
        name,
        () -> {
          Weft.sleep(Duration.ofMillis(millis));
          return name + " rows";
        });
  }

  static Task<String> failingShard(String name, long millis) {
    return Weft.spawn(
        name,
        () -> {
          Weft.sleep(Duration.ofMillis(millis));
          throw new IllegalStateException(name + " failed");
        });
  }

  @WeftTest
  void resultsArriveInCompletionOrderAndTheLateShardIsCancelledAtTheDeadline() {
    List<Task<String>> shards =
        List.of(shard("s1", 120), shard("s2", 30), failingShard("s3", 50), shard("s4", 80));
    List<String> received = new ArrayList<>();

    StreamedResults.Summary summary =
        StreamedResults.stream(shards, Duration.ofMillis(100), received::add);

    assertThat(received).containsExactly("s2 rows", "s4 rows");
    assertThat(summary).isEqualTo(new StreamedResults.Summary(2, List.of("s3"), List.of("s1")));
    assertThat(shards.get(0).isCancelled()).isTrue();
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(100));
  }

  @WeftTest
  void whenEveryShardIsInTimeTheStreamEndsWithTheLastOne() {
    List<String> received = new ArrayList<>();
    StreamedResults.Summary summary =
        StreamedResults.stream(
            List.of(shard("s1", 60), shard("s2", 30)), Duration.ofMillis(100), received::add);

    assertThat(received).containsExactly("s2 rows", "s1 rows");
    assertThat(summary).isEqualTo(new StreamedResults.Summary(2, List.of(), List.of()));
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(60));
  }

  @WeftTest
  void aShardThatCompletesExactlyAtTheDeadlineIsLate() {
    List<String> received = new ArrayList<>();
    StreamedResults.Summary summary =
        StreamedResults.stream(
            List.of(shard("s1", 100), shard("s2", 30)), Duration.ofMillis(100), received::add);

    assertThat(received).containsExactly("s2 rows");
    assertThat(summary).isEqualTo(new StreamedResults.Summary(1, List.of(), List.of("s1")));
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(100));
  }

  /**
   * Latencies of 40, 80, 100 or 120 ms against a deadline of 100 ms: in every schedule exactly the
   * shards faster than the deadline are delivered, in order of latency; the others are late.
   */
  @Explore(tries = 500)
  void inEveryScheduleExactlyTheShardsBeforeTheDeadlineAreDelivered() {
    long[] choices = {40, 80, 100, 120};
    List<Task<String>> shards = new ArrayList<>();
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long millis = choices[Weft.choose(choices.length)];
      latencies.add(millis);
      shards.add(shard("s" + i, millis));
    }
    List<String> received = new ArrayList<>();

    StreamedResults.Summary summary =
        StreamedResults.stream(shards, Duration.ofMillis(100), received::add);

    List<String> inTime = new ArrayList<>();
    List<String> late = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      (latencies.get(i) < 100 ? inTime : late).add("s" + i);
    }
    assertThat(received)
        .containsExactlyInAnyOrderElementsOf(inTime.stream().map(s -> s + " rows").toList());
    assertThat(received)
        .isSortedAccordingTo(
            (a, b) ->
                Long.compare(latencies.get(a.charAt(1) - '0'), latencies.get(b.charAt(1) - '0')));
    assertThat(summary.late()).isEqualTo(late);
    long last = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(Math.min(last, 100)));
  }
}
