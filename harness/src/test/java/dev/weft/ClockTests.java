package dev.weft;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code Weft.clock()}: code that takes a {@code Clock} or an {@code InstantSource} reads the run's
 * virtual time.
 *
 * <p>semantics §6.3.
 */
class ClockTests {

  /** Code under test written against the JDK's types: a session that expires after a while. */
  static final class Session {
    private final InstantSource time;
    private final Instant expires;

    Session(InstantSource time, Duration ttl) {
      this.time = time;
      this.expires = time.instant().plus(ttl);
    }

    boolean expired() {
      return !time.instant().isBefore(expires);
    }
  }

  @Test
  void codeTakingAnInstantSourceSeesVirtualTime() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          InstantSource source = Weft.clock(); // every Clock is an InstantSource
          Session session = new Session(source, ofMinutes(30));
          Weft.sleep(ofMinutes(29));
          log.add("29 min: expired=" + session.expired() + ", millis=" + source.millis());
          Weft.sleep(ofMinutes(1));
          log.add("30 min: expired=" + session.expired() + ", instant=" + source.instant());
        });
    assertThat(log)
        .containsExactly(
            "29 min: expired=false, millis=1740000",
            "30 min: expired=true, instant=1970-01-01T00:30:00Z");
  }

  @Test
  void derivedClocksAndJavaTimeReadTheSameVirtualTime() {
    Weft.run(
        () -> {
          Clock clock = Weft.clock();
          Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
          Clock later = Clock.offset(clock, Duration.ofHours(1));
          Weft.sleep(Duration.ofMillis(1500));
          assertThat(clock.instant()).isEqualTo(Instant.parse("1970-01-01T00:00:01.500Z"));
          assertThat(paris.instant()).isEqualTo(clock.instant());
          assertThat(LocalDateTime.now(paris))
              .isEqualTo(LocalDateTime.parse("1970-01-01T01:00:01.500"));
          assertThat(later.instant()).isEqualTo(Instant.parse("1970-01-01T01:00:01.500Z"));
          assertThat(Clock.tick(clock, ofSeconds(1)).instant())
              .isEqualTo(Instant.parse("1970-01-01T00:00:01Z"));
          assertThat(InstantSource.offset(clock, ofSeconds(1)).instant())
              .isEqualTo(Instant.parse("1970-01-01T00:00:02.500Z"));
        });
  }

  @Test
  void theClockAndTheExecutorShareTheVirtualTimeline() {
    List<String> log = new ArrayList<>();
    Weft.run(
        () -> {
          Clock clock = Weft.clock();
          ScheduledExecutorService executor = Weft.executor();
          executor.schedule(() -> log.add("ran at " + clock.instant()), 90, TimeUnit.SECONDS).get();
        });
    assertThat(log).containsExactly("ran at 1970-01-01T00:01:30Z");
  }

  @Test
  void aClockKeptPastItsRunReadsTheTimeTheRunEndedAt() {
    Clock kept =
        Weft.run(
            () -> {
              Clock clock = Weft.clock();
              Weft.sleep(ofSeconds(5));
              return clock;
            });
    assertThat(kept.instant()).isEqualTo(Instant.parse("1970-01-01T00:00:05Z"));
  }
}
