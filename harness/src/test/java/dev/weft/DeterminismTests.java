package dev.weft;

import static dev.weft.TestPrograms.sleeper;
import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** the same program and options always give the same run, event for event. */
class DeterminismTests {

  /** A program that exercises sleeps, yields, promises, gather, wait, timeouts and cancellation. */
  private static Callable<List<Object>> busyProgram() {
    return () -> {
      Promise<String> ready = Weft.promise("ready");
      List<Task<String>> workers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int id = i;
        workers.add(
            Weft.spawn(
                "w" + id,
                () -> {
                  Weft.sleep(ofMillis(10L * (id % 3)));
                  Weft.yieldNow();
                  if (id == 4) {
                    ready.complete("go");
                  }
                  return ready.join() + id;
                }));
      }
      Task<String> slow = sleeper("slow", ofMillis(500), "slow");
      Weft.wait(workers, ReturnWhen.FIRST_COMPLETED);
      List<Object> out = new ArrayList<>(Weft.gather(workers));
      try {
        Weft.waitFor(slow, ofMillis(100));
      } catch (TimedOutException e) {
        out.add("timed out at " + Weft.elapsed());
      }
      return out;
    };
  }

  private static List<String> record(Callable<List<Object>> program) {
    List<String> events = new ArrayList<>();
    List<Object> result =
        Weft.run(RunOptions.defaults().listener(e -> events.add(e.toString())), program);
    events.add("result " + result);
    return events;
  }

  @Test
  void theSameProgramRecordsTheSameEventsTwice() {
    List<String> first = record(busyProgram());
    List<String> second = record(busyProgram());
    assertThat(first).hasSizeGreaterThan(60);
    assertThat(second).isEqualTo(first);
    assertThat(first.get(first.size() - 1))
        .isEqualTo("result [go0, go1, go2, go3, go4, go5, timed out at PT0.12S]");
  }

  @Test
  void eventsDescribeTheRunInOrder() {
    List<String> events = new ArrayList<>();
    Weft.run(
        RunOptions.defaults().listener(e -> events.add(e.toString())),
        () -> {
          Task<Integer> child = sleeper("child", ofMillis(200), 7);
          return child.join();
        });
    assertThat(events)
        .containsSubsequence(
            "0s main SPAWNED",
            "0s main RAN",
            "0s child SPAWNED",
            "0s main SUSPENDED join(Task 'child')",
            "0s child RAN",
            "0s child SUSPENDED sleep(0.2s), until 0.2s",
            "0.2s child RAN",
            "0.2s child COMPLETED 7",
            "0.2s main RAN",
            "0.2s main COMPLETED 7");
  }
}
