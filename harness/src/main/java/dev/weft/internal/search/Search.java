package dev.weft.internal.search;

import java.util.List;

/**
 * One exploration with one strategy: hands out a {@link Chooser} per try and hears which choices
 * each try took (the exhaustive search needs them to find the next branch, PCT to size its change
 * points).
 *
 * <p>Internal: public only so that {@code dev.weft.internal} and {@code dev.weft.explore} can drive
 * it.
 */
public abstract class Search {
  Search() {}

  /**
   * Returns the chooser for try number {@code tryIndex} (0-based), or {@code null} when the search
   * space is exhausted.
   *
   * @param tryIndex the try's number, from 0
   * @return the try's chooser, or {@code null}
   */
  public abstract Chooser nextTry(int tryIndex);

  /**
   * Hears the choices the last try took, with how many options each had.
   *
   * @param choices the try's choices, in order
   */
  public void finished(List<Choice> choices) {}

  /**
   * Returns whether the whole (bounded) space has been explored.
   *
   * @return whether nothing is left to try
   */
  public boolean exhausted() {
    return false;
  }

  /**
   * Returns how many distinct traces the tries so far ran (orders of steps that commute counted
   * once), or -1 if this search does not count them.
   *
   * @return the number of distinct traces, or -1
   */
  public int distinctTraces() {
    return -1;
  }
}
