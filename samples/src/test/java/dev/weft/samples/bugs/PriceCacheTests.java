package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pattern 2: two page renders price the same product; the backend must be asked once. */
class PriceCacheTests {
  /** A backend one round trip away, counting its calls. */
  static final class CountingBackend implements PriceCache.Backend {
    final List<String> calls = new ArrayList<>();

    @Override
    public long fetch(String sku) {
      calls.add(sku);
      Weft.yieldNow(); // the round trip
      return 1999;
    }
  }

  /** The home page prices an apple at once; the cart loads its template first (one await). */
  static void twoRendersPriceTheSameProduct(Function<PriceCache.Backend, PriceCache> cacheOf) {
    CountingBackend backend = new CountingBackend();
    PriceCache cache = cacheOf.apply(backend);
    Task<Long> home = Weft.spawn("home", () -> cache.price("apple"));
    Task<Long> cart =
        Weft.spawn(
            "cart",
            () -> {
              Weft.yieldNow(); // loading the template
              return cache.price("apple");
            });
    assertThat(Weft.gather(home, cart)).containsExactly(1999L, 1999L);
    assertEquals(List.of("apple"), backend.calls, "backend calls");
  }

  @Explore(tries = 500)
  void theFixedCacheFetchesOnce() {
    twoRendersPriceTheSameProduct(PriceCache.Fixed::new);
  }

  static class BuggyCacheTestCase {
    @Explore(tries = 500)
    void theBackendIsAskedOnce() {
      twoRendersPriceTheSameProduct(PriceCache.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyCacheFindsTheDoubleFetch() {
    Hunt.Found found = Hunt.failureOf(BuggyCacheTestCase.class);
    assertThat(found.cause())
        .isInstanceOf(AssertionError.class)
        .hasMessage("backend calls ==> expected: <[apple]> but was: <[apple, apple]>");
    assertThat(found.minimalSchedule()).isEqualTo("1:cart");
    assertThat(found.tries()).isEqualTo(1);
  }
}
