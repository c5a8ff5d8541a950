package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Weft;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Several explorations at once share nothing: their results are those of a sequential run. */
class ParallelTests {
  @TempDir Path folder;

  static class ManyTestCase {
    @Explore(tries = 200)
    void correctA(ProducerConsumer program) {
      assertThat(program.run().lost()).isEmpty();
    }

    @Explore(tries = 200)
    void correctB(ProducerConsumer program) {
      assertThat(program.consumers(2).capacity(1).run().lost()).isEmpty();
    }

    @Explore(tries = 200)
    void buggyA(ProducerConsumer program) {
      assertThat(program.shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT).run().lost())
          .isEmpty();
    }

    @Explore(tries = 200, seed = "3")
    void buggyB(ProducerConsumer program) {
      assertThat(
              program
                  .shutdown(ProducerConsumer.Shutdown.SKIP_PRODUCER_AWAIT)
                  .consumers(2)
                  .run()
                  .lost())
          .isEmpty();
    }

    @Explore(tries = 300)
    void data() {
      int a = Weft.choose(10);
      int b = Weft.choose(10);
      assertThat(a + b).isLessThan(15);
    }
  }

  private Map<String, String> outcome(EngineExecutionResults results) {
    return results.testEvents().finished().stream()
        .collect(
            Collectors.toMap(
                event -> event.getTestDescriptor().getDisplayName(),
                event ->
                    event
                        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .map(
                            result ->
                                result.getStatus()
                                    + result
                                        .getThrowable()
                                        .map(t -> ": " + t.getMessage())
                                        .orElse(""))
                        .orElseThrow()
                        .replaceAll("Timeline as HTML: .*", "")
                        .replaceAll("Kept in the failure database \\(.*\\)", "")));
  }

  @Test
  void concurrentExplorationsGiveTheSequentialResults() {
    Map<String, String> sequential =
        outcome(
            Kit.in(folder.resolve("sequential"))
                .with("weft.database", "none")
                .run(ManyTestCase.class));
    Map<String, String> parallel =
        outcome(
            Kit.in(folder.resolve("parallel"))
                .with("weft.database", "none")
                .with("junit.jupiter.execution.parallel.enabled", "true")
                .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .with("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .run(ManyTestCase.class));
    assertThat(parallel).isEqualTo(sequential);
    assertThat(sequential.keySet())
        .containsExactlyInAnyOrder(
            "correctA(ProducerConsumer)",
            "correctB(ProducerConsumer)",
            "buggyA(ProducerConsumer)",
            "buggyB(ProducerConsumer)",
            "data()");
    List<String> failed =
        sequential.entrySet().stream()
            .filter(e -> e.getValue().startsWith("FAILED"))
            .map(Map.Entry::getKey)
            .sorted()
            .collect(Collectors.toList());
    assertThat(failed)
        .containsExactly("buggyA(ProducerConsumer)", "buggyB(ProducerConsumer)", "data()");
  }
}
