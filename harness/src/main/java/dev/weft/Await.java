package dev.weft;

import dev.weft.internal.Adapters;
import dev.weft.internal.Preconditions;
import dev.weft.internal.VirtualTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Waits until a condition holds, polling it on the run's virtual clock: <a
 * href="http://www.awaitility.org/">Awaitility</a>'s {@code await()}, for code that runs in a Weft
 * task.
 *
 * <pre>{@code
 * import static dev.weft.Await.await;
 *
 * Weft.spawn("indexer", () -> indexer.run(documents));
 * await().atMost(Duration.ofMinutes(30)).until(() -> index.size() == 1_000);  // milliseconds of real time
 * }</pre>
 *
 * <p>The names and defaults are Awaitility 4.3's, so that a test moves over by changing its import
 * from {@code org.awaitility.Awaitility.await} to {@code dev.weft.Await.await}: at most 10 seconds,
 * a poll every 100 milliseconds, and a first poll after one poll interval unless {@link #pollDelay}
 * says otherwise. Between polls the calling task sleeps on the virtual clock ({@link Weft#sleep}),
 * so other tasks run and time passes without real waiting; the same program polls at the same
 * virtual times on every run. The last poll is at the deadline itself: a condition that becomes
 * true exactly {@code atMost} after the call still counts.
 *
 * <p>When the time is up, {@link TimedOutException} says what was awaited (the {@link #alias}, if
 * any), the condition's last value or the assertion's last failure (also its cause), how many times
 * it was polled and at which virtual times, and in which task. Like Awaitility, an exception the
 * condition throws ends the wait at once and is thrown as it is, a checked one too, unless {@link
 * #ignoreExceptions()} was called; {@link #untilAsserted} retries on an {@link AssertionError}.
 *
 * <p>An {@code Await} is an immutable value: each method returns a new one, so a configured {@code
 * Await} may be kept in a field and shared. It may be configured anywhere; {@code until...} must be
 * called from a task of a run, since it sleeps.
 *
 * <p>Where Weft differs from Awaitility: the poll interval must be positive (a zero interval would
 * poll forever at the same virtual instant); the condition runs in the calling task, not on a
 * polling thread, so a condition that waits in Weft (joins a task, takes from a queue) delays the
 * next poll by that much virtual time and is not cut off at the deadline; a timeout is Weft's
 * {@link TimedOutException}, not Awaitility's {@code ConditionTimeoutException}; and the global
 * defaults ({@code Awaitility.setDefaultTimeout}), {@code atLeast}, {@code during}, {@code
 * forever}, Hamcrest matchers and listeners are not offered.
 *
 * <p>A static import of {@code Await.await} hides every {@code await} that a wildcard {@code import
 * static dev.weft.Weft.*} brings in, {@code Weft.await(CompletionStage)} included: Java lets a
 * single static import shadow, by name, every method a wildcard static import brings in. Import
 * both by name ({@code import static dev.weft.Weft.await;} next to {@code import static
 * dev.weft.Await.await;}), and both overloads work; or write {@code Weft.await(stage)}.
 *
 * @since 0.1
 */
public final class Await {
  /** Awaitility's default for {@link #atMost}: 10 seconds. */
  public static final Duration DEFAULT_AT_MOST = Duration.ofSeconds(10);

  /** Awaitility's default for {@link #pollInterval}: 100 milliseconds. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

  private static final Await DEFAULTS =
      new Await(null, DEFAULT_AT_MOST, DEFAULT_POLL_INTERVAL, null, false);

  private final String alias;
  private final Duration atMost;
  private final Duration pollInterval;

  /** The delay before the first poll, or {@code null} for "one poll interval", as Awaitility. */
  private final Duration pollDelay;

  private final boolean ignoreExceptions;

  private Await(
      String alias,
      Duration atMost,
      Duration pollInterval,
      Duration pollDelay,
      boolean ignoreExceptions) {
    this.alias = alias;
    this.atMost = atMost;
    this.pollInterval = pollInterval;
    this.pollDelay = pollDelay;
    this.ignoreExceptions = ignoreExceptions;
  }

  /**
   * Starts describing a wait, with Awaitility's defaults: at most 10 seconds, a poll every 100
   * milliseconds, the first one after 100 milliseconds.
   *
   * @return the defaults
   */
  public static Await await() {
    return DEFAULTS;
  }

  /**
   * Starts describing a wait that messages call {@code alias}; same as {@code
   * await().alias(alias)}.
   *
   * @param alias the name, or {@code null} for none
   * @return the defaults with that alias
   * @throws IllegalArgumentException if {@code alias} is blank
   */
  public static Await await(String alias) {
    return DEFAULTS.alias(alias);
  }

  /**
   * Returns a copy that gives up after {@code timeout} of virtual time; Awaitility's {@code
   * atMost}.
   *
   * @param timeout how long to wait, positive and longer than the poll delay
   * @return the new value
   * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
   */
  public Await atMost(Duration timeout) {
    Preconditions.requirePositive(timeout, "atMost");
    return new Await(alias, timeout, pollInterval, pollDelay, ignoreExceptions);
  }

  /**
   * Returns a copy that gives up after {@code timeout} {@code unit}s of virtual time.
   *
   * @param timeout how long to wait, positive
   * @param unit its unit
   * @return the new value
   * @throws IllegalArgumentException if {@code unit} is null or the timeout is not positive
   */
  public Await atMost(long timeout, TimeUnit unit) {
    return atMost(duration(timeout, unit, "atMost"));
  }

  /**
   * Returns a copy that polls every {@code interval} of virtual time; Awaitility's {@code
   * pollInterval}.
   *
   * @param interval the time between two polls, positive
   * @return the new value
   * @throws IllegalArgumentException if {@code interval} is null, zero or negative
   */
  public Await pollInterval(Duration interval) {
    Preconditions.requirePositive(interval, "pollInterval");
    return new Await(alias, atMost, interval, pollDelay, ignoreExceptions);
  }

  /**
   * Returns a copy that polls every {@code interval} {@code unit}s of virtual time.
   *
   * @param interval the time between two polls, positive
   * @param unit its unit
   * @return the new value
   * @throws IllegalArgumentException if {@code unit} is null or the interval is not positive
   */
  public Await pollInterval(long interval, TimeUnit unit) {
    return pollInterval(duration(interval, unit, "pollInterval"));
  }

  /**
   * Returns a copy whose first poll comes {@code delay} after the call; Awaitility's {@code
   * pollDelay}. Without it, the first poll comes one poll interval after the call, as in
   * Awaitility; {@code Duration.ZERO} polls at once.
   *
   * @param delay the time before the first poll, zero or more, and less than {@link #atMost}
   * @return the new value
   * @throws IllegalArgumentException if {@code delay} is null or negative
   */
  public Await pollDelay(Duration delay) {
    Preconditions.requireNotNegative(delay, "pollDelay");
    return new Await(alias, atMost, pollInterval, delay, ignoreExceptions);
  }

  /**
   * Returns a copy whose first poll comes {@code delay} {@code unit}s after the call.
   *
   * @param delay the time before the first poll, zero or more
   * @param unit its unit
   * @return the new value
   * @throws IllegalArgumentException if {@code unit} is null or the delay is negative
   */
  public Await pollDelay(long delay, TimeUnit unit) {
    Preconditions.requireNonNull(unit, "unit");
    return pollDelay(Duration.of(delay, unit.toChronoUnit()));
  }

  /**
   * Returns a copy that a timeout's message calls {@code alias}: {@code Await 'index built' timed
   * out ...}; Awaitility's {@code alias}.
   *
   * @param alias the name, or {@code null} for none
   * @return the new value
   * @throws IllegalArgumentException if {@code alias} is blank
   */
  public Await alias(String alias) {
    if (alias != null && alias.isBlank()) {
      throw new IllegalArgumentException(
          "alias must be null (none) or a non-blank string, but was '" + alias + "'");
    }
    return new Await(alias, atMost, pollInterval, pollDelay, ignoreExceptions);
  }

  /**
   * Returns a copy that treats an {@link Exception} thrown by the condition as "not yet" and polls
   * again; Awaitility's {@code ignoreExceptions}. The last one becomes the cause of the timeout.
   * Errors, {@link CancelledException} among them, still end the wait.
   *
   * @return the new value
   */
  public Await ignoreExceptions() {
    return new Await(alias, atMost, pollInterval, pollDelay, true);
  }

  /**
   * Returns this value unchanged, to read as Awaitility's {@code await().with().pollInterval(...)}.
   *
   * @return this
   */
  public Await with() {
    return this;
  }

  /**
   * Returns this value unchanged, to read as Awaitility's {@code
   * ...atMost(...).and().pollDelay(...)}.
   *
   * @return this
   */
  public Await and() {
    return this;
  }

  /**
   * Waits until {@code condition} returns {@code true}, polling it on the virtual clock.
   *
   * <pre>{@code
   * await().atMost(Duration.ofMinutes(30)).until(() -> cache.size() == 0);   // passes at the poll after eviction
   * await().atMost(Duration.ofSeconds(1)).until(() -> false);                // TimedOutException after 1s of virtual time
   * }</pre>
   *
   * @param condition what to wait for; {@code null} counts as {@code false}
   * @throws TimedOutException if it is still not {@code true} at the deadline
   * @throws IllegalArgumentException if {@code condition} is null, or {@link #atMost} is not longer
   *     than the poll delay
   * @throws IllegalStateException if not called from a task of a run
   * @throws CancelledException if the calling task is cancelled while it waits
   */
  public void until(Callable<Boolean> condition) {
    Preconditions.requireNonNull(condition, "condition");
    poll("until", condition, Boolean.TRUE::equals, Kind.CONDITION);
  }

  /**
   * Waits until {@code predicate} accepts the value {@code supplier} returns, and returns that
   * value.
   *
   * <pre>{@code
   * Order order = await().until(() -> orders.find(id), o -> o.status() == SHIPPED);   // the shipped order
   * }</pre>
   *
   * @param supplier what to poll
   * @param predicate what its value must satisfy
   * @param <T> the value's type
   * @return the first value the predicate accepted
   * @throws TimedOutException if the predicate still rejects the value at the deadline; the message
   *     shows the last value
   * @throws IllegalArgumentException if an argument is null, or {@link #atMost} is not longer than
   *     the poll delay
   * @throws IllegalStateException if not called from a task of a run
   * @throws CancelledException if the calling task is cancelled while it waits
   */
  public <T> T until(Callable<T> supplier, Predicate<? super T> predicate) {
    Preconditions.requireNonNull(supplier, "supplier");
    Preconditions.requireNonNull(predicate, "predicate");
    return poll("until", supplier, predicate, Kind.PREDICATE);
  }

  /**
   * Waits until {@code flag} is {@code true}; Awaitility's {@code untilTrue}.
   *
   * @param flag the flag
   * @throws TimedOutException if it is still {@code false} at the deadline
   * @throws IllegalArgumentException if {@code flag} is null
   * @throws IllegalStateException if not called from a task of a run
   */
  public void untilTrue(AtomicBoolean flag) {
    Preconditions.requireNonNull(flag, "flag");
    poll("untilTrue", flag::get, Boolean.TRUE::equals, Kind.CONDITION);
  }

  /**
   * Waits until {@code assertion} runs without an {@link AssertionError}; Awaitility's {@code
   * untilAsserted}.
   *
   * <pre>{@code
   * await().untilAsserted(() -> assertThat(inbox.messages()).hasSize(3));
   * }</pre>
   *
   * @param assertion the assertions, for example AssertJ's; Weft's {@link ThrowingRunnable}, whose
   *     {@code run()} may throw any {@link Exception} (Awaitility's may throw any {@link
   *     Throwable}: a lambda notices no difference)
   * @throws TimedOutException if it still fails at the deadline; the last {@link AssertionError} is
   *     its cause, and its message is quoted
   * @throws IllegalArgumentException if {@code assertion} is null, or {@link #atMost} is not longer
   *     than the poll delay
   * @throws IllegalStateException if not called from a task of a run
   * @throws CancelledException if the calling task is cancelled while it waits
   */
  public void untilAsserted(ThrowingRunnable assertion) {
    Preconditions.requireNonNull(assertion, "assertion");
    poll(
        "untilAsserted",
        () -> {
          assertion.run();
          return Boolean.TRUE;
        },
        Boolean.TRUE::equals,
        Kind.ASSERTION);
  }

  /** What is polled, for the timeout's message. */
  private enum Kind {
    CONDITION,
    PREDICATE,
    ASSERTION
  }

  private <T> T poll(
      String operation, Callable<T> condition, Predicate<? super T> accept, Kind kind) {
    String call = "Await." + operation;
    Task<?> task = Adapters.requireTask(call);
    Duration delay = pollDelay != null ? pollDelay : pollInterval;
    if (atMost.compareTo(delay) <= 0) {
      throw new IllegalArgumentException(
          call
              + ": atMost ("
              + VirtualTime.format(nanos(atMost))
              + ") must be longer than the poll delay ("
              + VirtualTime.format(nanos(delay))
              + (pollDelay != null ? "" : ", which is the poll interval unless pollDelay is set")
              + "), as in Awaitility.");
    }
    long start = Adapters.now(call);
    long deadline = start + Math.min(nanos(atMost), Long.MAX_VALUE - start);
    long interval = nanos(pollInterval);
    if (!delay.isZero()) {
      Weft.sleep(delay);
    }
    long firstPoll = Adapters.now(call);
    int polls = 0;
    Object lastValue = null;
    Throwable lastFailure = null;
    while (true) {
      polls++;
      try {
        T value = condition.call();
        if (accept.test(value)) {
          return value;
        }
        lastValue = value;
        lastFailure = null;
      } catch (AssertionError e) {
        if (kind != Kind.ASSERTION) {
          throw e;
        }
        lastFailure = e;
      } catch (Exception e) {
        if (!ignoreExceptions) {
          throw Await.<RuntimeException>sneaky(e);
        }
        lastFailure = e;
      }
      long now = Adapters.now(call);
      if (now >= deadline) {
        throw timedOut(task, now - start, polls, firstPoll, now, kind, lastValue, lastFailure);
      }
      Weft.sleep(Duration.ofNanos(Math.min(interval, deadline - now)));
    }
  }

  private TimedOutException timedOut(
      Task<?> task,
      long waited,
      int polls,
      long firstPoll,
      long lastPoll,
      Kind kind,
      Object lastValue,
      Throwable lastFailure) {
    StringBuilder message = new StringBuilder("Await");
    if (alias != null) {
      message.append(" '").append(alias).append('\'');
    }
    message
        .append(" timed out after ")
        .append(VirtualTime.format(waited))
        .append(" of virtual time in ")
        .append(task.name())
        .append(": ");
    if (lastFailure instanceof AssertionError) {
      message.append("the assertion still failed: ").append(firstLine(lastFailure));
    } else if (lastFailure != null) {
      message.append("the condition last threw ").append(firstLine(lastFailure));
    } else if (kind == Kind.PREDICATE) {
      message.append("the predicate still rejected the value, last ").append(brief(lastValue));
    } else {
      message.append("the condition was still ").append(brief(lastValue));
    }
    message
        .append(". Polled ")
        .append(polls)
        .append(polls == 1 ? " time, at virtual time " : " times, at virtual times ")
        .append(VirtualTime.format(firstPoll));
    if (polls > 1) {
      message.append(" to ").append(VirtualTime.format(lastPoll));
    }
    message.append(" (atMost ").append(VirtualTime.format(nanos(atMost)));
    message.append(", pollInterval ").append(VirtualTime.format(nanos(pollInterval))).append(").");
    return new TimedOutException(message.toString(), lastFailure);
  }

  /** Returns {@code String.valueOf(value)}, cut to 200 characters, guarding a failing toString. */
  private static String brief(Object value) {
    String text;
    try {
      text = String.valueOf(value);
    } catch (RuntimeException e) {
      text = value.getClass().getName() + " (its toString failed: " + e + ")";
    }
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  private static String firstLine(Throwable failure) {
    String text =
        failure instanceof AssertionError && failure.getMessage() != null
            ? failure.getMessage()
            : failure.toString();
    int newline = text.indexOf('\n');
    return brief(newline < 0 ? text : text.substring(0, newline) + " ...");
  }

  private static Duration duration(long amount, TimeUnit unit, String argument) {
    Preconditions.requireNonNull(unit, "unit");
    return Preconditions.requirePositive(Duration.of(amount, unit.toChronoUnit()), argument);
  }

  private static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable failure) throws E {
    throw (E) failure;
  }

  /**
   * Describes the settings, for debugging.
   *
   * @return for example {@code Await[alias='drained', atMost=10s, pollInterval=0.1s,
   *     pollDelay=0.1s]}
   */
  @Override
  public String toString() {
    return "Await["
        + (alias == null ? "" : "alias='" + alias + "', ")
        + "atMost="
        + VirtualTime.format(nanos(atMost))
        + ", pollInterval="
        + VirtualTime.format(nanos(pollInterval))
        + ", pollDelay="
        + VirtualTime.format(nanos(Objects.requireNonNullElse(pollDelay, pollInterval)))
        + (ignoreExceptions ? ", ignoreExceptions" : "")
        + "]";
  }
}
