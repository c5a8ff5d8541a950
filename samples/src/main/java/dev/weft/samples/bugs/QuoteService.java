package dev.weft.samples.bugs;

import dev.weft.Event;
import dev.weft.Weft;

/**
 * Pattern 7, an order violation: a service that loads its settings in the background when it
 * starts, and answers requests meanwhile. A request that reads the settings assumes the loader ran
 * first; nothing makes it so.
 */
public interface QuoteService {
  /** Where the settings come from; {@code load} suspends the calling task. */
  interface SettingsSource {
    /**
     * Loads the currency quotes are given in.
     *
     * @return the currency code
     */
    String loadCurrency();
  }

  /** Starts loading the settings in the background, and returns at once. */
  void start();

  /**
   * Quotes a price.
   *
   * @param cents the price in cents
   * @return the quote, in the configured currency
   */
  String quote(long cents);

  /**
   * Reads the settings whether or not the loader has run: a request served before it throws. The
   * shrunk report:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 1 of 500 (Strategy.random(), seed 0).
   *
   * Failure (from task request):
   *   java.lang.NullPointerException: Cannot invoke "String.toUpperCase(java.util.Locale)" because "this.currency" is null
   *
   * Minimal schedule (1 choice, shrunk from 2 in 6 replays):
   *   "1:request"
   *
   * Timeline of the minimal run (...):
   *   main           #1 @0s waits in join(Task 'request')
   *                  #6 FAILED: java.lang.NullPointerException: Cannot invoke "String.toUpperCase(java.util.Locale)" because "this.currency" is null
   *   load-settings  #3 @0s yields | #5 returned eur
   *   request        #2* @0s yields
   *                  #4 FAILED: java.lang.NullPointerException: Cannot invoke "String.toUpperCase(java.util.Locale)" because "this.currency" is null
   * }</pre>
   */
  final class Buggy implements QuoteService {
    private final SettingsSource source;
    private String currency;

    /**
     * Creates a service.
     *
     * @param source where settings come from
     */
    public Buggy(SettingsSource source) {
      this.source = source;
    }

    @Override
    public void start() {
      Weft.spawn("load-settings", () -> currency = source.loadCurrency());
    }

    @Override
    public String quote(long cents) {
      return currency.toUpperCase(java.util.Locale.ROOT) + " " + cents / 100 + "." + cents % 100;
    }
  }

  /** Requests wait for an event that the loader sets once the settings are in. */
  final class Fixed implements QuoteService {
    private final SettingsSource source;
    private final Event loaded = new Event("settings loaded");
    private String currency;

    /**
     * Creates a service.
     *
     * @param source where settings come from
     */
    public Fixed(SettingsSource source) {
      this.source = source;
    }

    @Override
    public void start() {
      Weft.spawn(
          "load-settings",
          () -> {
            currency = source.loadCurrency();
            loaded.set();
          });
    }

    @Override
    public String quote(long cents) {
      loaded.await(); // returns at once once loaded
      return currency.toUpperCase(java.util.Locale.ROOT) + " " + cents / 100 + "." + cents % 100;
    }
  }
}
