package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Task;
import dev.weft.TimedOutException;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pattern 6: three calls with a 100 ms deadline; handshakes take 0 to 150 ms (data choices). */
class GatewayTests {
  /** A backend whose handshake takes 0, 50, 100 or 150 ms, as the schedule chooses. */
  static final Gateway.Backend BACKEND =
      new Gateway.Backend() {
        @Override
        public void handshake() {
          Weft.sleep(Duration.ofMillis(50L * Weft.choose(4)));
        }

        @Override
        public String send(String request) {
          Weft.sleep(Duration.ofMillis(20));
          return "ok " + request;
        }
      };

  static void threeCallsThenEveryConnectionIsFree(Function<Gateway.Backend, Gateway> gateways) {
    Gateway gateway = gateways.apply(BACKEND);
    List<Task<String>> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String request = "req-" + i;
      calls.add(
          Weft.spawn(
              request,
              () -> {
                try {
                  return gateway.call(request, Duration.ofMillis(100));
                } catch (TimedOutException e) {
                  return "timed out";
                }
              }));
    }
    Weft.gather(calls);
    assertEquals(Gateway.CONNECTIONS, gateway.freeConnections(), "free connections");
  }

  @Explore(tries = 1000)
  void theFixedGatewayReturnsEveryConnection() {
    threeCallsThenEveryConnectionIsFree(Gateway.Fixed::new);
  }

  static class BuggyGatewayTestCase {
    @Explore(tries = 1000)
    void everyConnectionIsReturned() {
      threeCallsThenEveryConnectionIsFree(Gateway.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyGatewayFindsTheLeakedConnection() {
    Hunt.Found found = Hunt.failureOf(BuggyGatewayTestCase.class);
    assertThat(found.cause())
        .isInstanceOf(AssertionError.class)
        .hasMessage("free connections ==> expected: <2> but was: <1>");
    // d2: req-0's handshake takes 100 ms, and its deadline (set first) fires first
    assertThat(found.minimalSchedule()).isEqualTo("_ d2");
    assertThat(found.tries()).isEqualTo(1);
  }
}
