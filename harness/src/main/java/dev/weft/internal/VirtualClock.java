package dev.weft.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The loop's virtual time as a {@link Clock}: the epoch (1970-01-01T00:00Z) plus the time since the
 * loop started.
 */
final class VirtualClock extends Clock {
  private final Loop loop;
  private final ZoneId zone;

  VirtualClock(Loop loop) {
    this(loop, ZoneOffset.UTC);
  }

  private VirtualClock(Loop loop, ZoneId zone) {
    this.loop = loop;
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new VirtualClock(loop, newZone);
  }

  @Override
  public Instant instant() {
    return Instant.EPOCH.plusNanos(loop.now());
  }

  @Override
  public long millis() {
    return loop.now() / 1_000_000;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VirtualClock
        && ((VirtualClock) other).loop == loop
        && ((VirtualClock) other).zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(loop) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "VirtualClock[" + VirtualTime.format(loop.now()) + ", " + zone + "]";
  }
}
