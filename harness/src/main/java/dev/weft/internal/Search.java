package dev.weft.internal;

import java.util.List;

/**
 * One exploration with one strategy: hands out a {@link Chooser} per try and hears which decisions
 * each try took (the exhaustive search needs them to find the next branch, PCT to size its change
 * points).
 *
 * <p>Internal: public only so that {@code dev.weft.explore} can drive it.
 */
public abstract class Search {
  /**
   * Returns the chooser for try number {@code tryIndex} (0-based), or {@code null} when the search
   * space is exhausted.
   */
  abstract Chooser nextTry(int tryIndex);

  /** Hears the decisions the last try took, with how many options each had. */
  void finished(List<Decision> decisions) {}

  /**
   * Returns whether the whole (bounded) space has been explored.
   *
   * @return whether nothing is left to try
   */
  public boolean exhausted() {
    return false;
  }
}
