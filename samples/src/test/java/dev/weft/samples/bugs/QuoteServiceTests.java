package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pattern 7: a request arrives while the service is still loading its settings. */
class QuoteServiceTests {
  /** Settings one round trip away. */
  static final QuoteService.SettingsSource SOURCE =
      () -> {
        Weft.yieldNow();
        return "eur";
      };

  /** The service starts; a request, parsed first (one await), asks for a quote. */
  static void aRequestRightAfterStart(
      Function<QuoteService.SettingsSource, QuoteService> services) {
    QuoteService service = services.apply(SOURCE);
    service.start();
    Task<String> request =
        Weft.spawn(
            "request",
            () -> {
              Weft.yieldNow(); // parsing the request
              return service.quote(1999);
            });
    assertThat(request.join()).isEqualTo("EUR 19.99");
  }

  @Explore(tries = 500)
  void theFixedServiceWaitsForItsSettings() {
    aRequestRightAfterStart(QuoteService.Fixed::new);
  }

  static class BuggyServiceTestCase {
    @Explore(tries = 500)
    void aRequestIsQuotedInTheConfiguredCurrency() {
      aRequestRightAfterStart(QuoteService.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyServiceFindsTheRequestServedBeforeTheSettings() {
    Hunt.Found found = Hunt.failureOf(BuggyServiceTestCase.class);
    assertThat(found.cause())
        .isExactlyInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot invoke \"String.toUpperCase(java.util.Locale)\" because \"this.currency\" is"
                + " null");
    assertThat(found.report()).contains("Failure (from task request):");
    assertThat(found.minimalSchedule()).isEqualTo("1:request");
    assertThat(found.tries()).isEqualTo(1);
  }
}
