package dev.weft.samples.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Weft;
import dev.weft.junit.Explore;
import dev.weft.junit.WeftTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The first answer wins, the rest are cancelled and ended (semantics §2.6). */
class HedgedRequestTests {
  static Replica<String> answersAfter(long millis, List<String> log) {
    return request -> {
      try {
        Weft.sleep(Duration.ofMillis(millis));
        return Weft.current().name() + ":" + request;
      } finally {
        log.add(Weft.current().name() + " ended at " + Weft.elapsed().toMillis() + "ms");
      }
    };
  }

  static Replica<String> failsAfter(long millis) {
    return request -> {
      Weft.sleep(Duration.ofMillis(millis));
      throw new IllegalStateException(Weft.current().name() + " is down");
    };
  }

  @WeftTest
  void theFastestReplicaAnswersAndTheOthersAreCancelledAtOnce() {
    List<String> log = new java.util.ArrayList<>();
    Map<String, Replica<String>> replicas = new LinkedHashMap<>();
    replicas.put("eu", answersAfter(80, log));
    replicas.put("us", answersAfter(30, log));
    replicas.put("ap", answersAfter(120, log));

    HedgedRequest.Answer<String> answer = new HedgedRequest<>(replicas).send("user:42");

    assertThat(answer).isEqualTo(new HedgedRequest.Answer<>("us", "us:user:42"));
    assertThat(log).containsExactly("us ended at 30ms", "eu ended at 30ms", "ap ended at 30ms");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(30));
  }

  @WeftTest
  void aFailingReplicaIsSkippedAndTheNextAnswerWins() {
    List<String> log = new java.util.ArrayList<>();
    Map<String, Replica<String>> replicas = new LinkedHashMap<>();
    replicas.put("eu", answersAfter(80, log));
    replicas.put("us", failsAfter(30));
    replicas.put("ap", answersAfter(120, log));

    assertThat(new HedgedRequest<>(replicas).send("user:42"))
        .isEqualTo(new HedgedRequest.Answer<>("eu", "eu:user:42"));
    assertThat(log).containsExactly("eu ended at 80ms", "ap ended at 80ms");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(80));
  }

  @WeftTest
  void whenEveryReplicaFailsEachFailureIsReported() {
    Map<String, Replica<String>> replicas = new LinkedHashMap<>();
    replicas.put("eu", failsAfter(80));
    replicas.put("us", failsAfter(30));

    assertThatThrownBy(() -> new HedgedRequest<>(replicas).send("user:42"))
        .isExactlyInstanceOf(ReplicasFailedException.class)
        .hasMessage("every replica failed (2)")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .containsExactly("us is down", "eu is down"));
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(80));
  }

  /**
   * Latencies of 10 to 50 ms, ties included, and the first replica failing or not: in every
   * schedule the answer comes from a fastest successful replica, at its latency, and nothing is
   * left running (the test fails on leftover tasks).
   */
  @Explore(tries = 500)
  void inEveryScheduleAFastestReplicaAnswersAtItsLatency() {
    long eu = 10 * (1 + Weft.choose(5));
    long us = 10 * (1 + Weft.choose(5));
    long ap = 10 * (1 + Weft.choose(5));
    boolean euIsDown = Weft.choose(2) == 1;
    List<String> log = new java.util.ArrayList<>();
    Map<String, Replica<String>> replicas = new LinkedHashMap<>();
    replicas.put("eu", euIsDown ? failsAfter(eu) : answersAfter(eu, log));
    replicas.put("us", answersAfter(us, log));
    replicas.put("ap", answersAfter(ap, log));

    HedgedRequest.Answer<String> answer = new HedgedRequest<>(replicas).send("k");

    Map<String, Long> healthy = new LinkedHashMap<>();
    if (!euIsDown) {
      healthy.put("eu", eu);
    }
    healthy.put("us", us);
    healthy.put("ap", ap);
    long fastest = healthy.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    assertThat(healthy.get(answer.replica())).isEqualTo(fastest);
    assertThat(answer.value()).isEqualTo(answer.replica() + ":k");
    assertThat(Weft.elapsed()).isEqualTo(Duration.ofMillis(fastest));
    assertThat(log).hasSize(healthy.size()).allMatch(line -> line.endsWith(" " + fastest + "ms"));
  }
}
