package dev.weft.samples.bugs;

import dev.weft.Task;
import dev.weft.Weft;
import java.util.HashMap;
import java.util.Map;

/**
 * Pattern 2, check-then-act across an await: a cache of prices in front of a slow backend. Checking
 * the cache, then fetching on a miss, lets a second request for the same key miss too while the
 * first fetch is in flight: the backend is asked twice.
 */
public interface PriceCache {
  /** The pricing backend; {@code fetch} suspends the calling task. */
  interface Backend {
    /**
     * Looks a price up.
     *
     * @param sku the product
     * @return its price in cents
     */
    long fetch(String sku);
  }

  /**
   * Returns the price of {@code sku}, fetching it once.
   *
   * @param sku the product
   * @return its price in cents
   */
  long price(String sku);

  /**
   * Checks, awaits the backend, then stores: a request that checks during the await misses too. The
   * shrunk report:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 1 of 500 (Strategy.random(), seed 0).
   *
   * Failure:
   *   org.opentest4j.AssertionFailedError: backend calls ==> expected: <[apple]> but was: <[apple, apple]>
   *
   * Minimal schedule (1 choice, shrunk from 3 in 9 replays):
   *   "1:cart"
   *
   * Timeline of the minimal run (...):
   *   main  #1 @0s waits in gather(home, cart), waiting for home
   *         #7 FAILED: org.opentest4j.AssertionFailedError: backend calls ==> expected: <[apple]> but was: <[apple, apple]>
   *   home  #3 @0s yields | #5 returned 1999
   *   cart  #2* @0s yields | #4 yields | #6 returned 1999
   * }</pre>
   *
   * <p>The cart runs first, so it checks the cache while the home page's fetch is in flight.
   */
  final class Buggy implements PriceCache {
    private final Backend backend;
    private final Map<String, Long> prices = new HashMap<>();

    /**
     * Creates an empty cache.
     *
     * @param backend where prices come from
     */
    public Buggy(Backend backend) {
      this.backend = backend;
    }

    @Override
    public long price(String sku) {
      Long price = prices.get(sku);
      if (price == null) {
        price = backend.fetch(sku); // suspends: another miss on the same sku fetches again
        prices.put(sku, price);
      }
      return price;
    }
  }

  /**
   * Caches the fetch itself, as a task, before the first await: every later request joins the one
   * fetch in flight (asyncio's idiom of caching the future). A failed fetch stays cached here; a
   * real cache would evict it.
   */
  final class Fixed implements PriceCache {
    private final Backend backend;
    private final Map<String, Task<Long>> prices = new HashMap<>();

    /**
     * Creates an empty cache.
     *
     * @param backend where prices come from
     */
    public Fixed(Backend backend) {
      this.backend = backend;
    }

    @Override
    public long price(String sku) {
      Task<Long> fetch =
          prices.computeIfAbsent(sku, key -> Weft.spawn("fetch " + key, () -> backend.fetch(key)));
      return fetch.join();
    }
  }
}
