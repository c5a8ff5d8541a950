package dev.weft.internal.search;

import java.util.HashSet;
import java.util.Set;

/**
 * What one step touched, for the exhaustive search under {@code SharedState.DECLARED}: the Weft
 * objects it operated on (queues, locks, futures, tasks, each by the serial number its run gave it
 * when it was made) and the names it passed to {@code Weft.touch}. Two steps whose footprints do
 * not intersect commute: they run the same way in either order.
 *
 * <p>Keys are compared by value, never by identity, because a search compares the footprint of a
 * step in one try with steps of a later try, whose objects are new ones: the same serial names the
 * same object in both as long as both tries made it in the same way, before the point where they
 * differ.
 */
final class Footprint {
  /** A step that may have touched anything: it commutes with nothing. */
  static final Footprint ANYTHING = new Footprint(true, Set.of());

  private final boolean anything;

  /** Serial numbers ({@code Long}) and names ({@code String}); only looked up, never iterated. */
  private final Set<Object> keys;

  private Footprint(boolean anything, Set<Object> keys) {
    this.anything = anything;
    this.keys = keys;
  }

  /** Returns the footprint of the given keys: {@code Long} serials and {@code String} names. */
  static Footprint of(Set<Object> keys) {
    return new Footprint(false, new HashSet<>(keys));
  }

  /** Returns whether a step with this footprint and one with {@code other} may not commute. */
  boolean intersects(Footprint other) {
    if (anything || other.anything) {
      return true;
    }
    Set<Object> small = keys.size() <= other.keys.size() ? keys : other.keys;
    Set<Object> large = small == keys ? other.keys : keys;
    for (Object key : small) {
      if (large.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Returns what either footprint touched: a step that ran both ways touched both. */
  Footprint union(Footprint other) {
    if (anything || other.anything) {
      return ANYTHING;
    }
    Set<Object> both = new HashSet<>(keys);
    both.addAll(other.keys);
    return new Footprint(false, both);
  }

  @Override
  public String toString() {
    return anything ? "anything" : keys.size() + " keys";
  }
}
