package dev.weft;

/**
 * A {@link Semaphore} that refuses to be released above its initial value; asyncio's <a
 * href="https://docs.python.org/3.13/library/asyncio-sync.html#asyncio.BoundedSemaphore">BoundedSemaphore</a>.
 * An extra {@link #release} is almost always a bug (a permit returned twice), so it fails instead
 * of silently raising the limit.
 *
 * @since 0.1
 */
public final class BoundedSemaphore extends Semaphore {
  private final int bound;

  /** Creates an unnamed bounded semaphore with one permit. */
  public BoundedSemaphore() {
    this(null, 1);
  }

  /**
   * Creates an unnamed bounded semaphore.
   *
   * @param value the number of permits and the bound, 0 or more
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public BoundedSemaphore(int value) {
    this(null, value);
  }

  /**
   * Creates a named bounded semaphore; reports call it {@code bounded semaphore 'name'}.
   *
   * @param name the name, or {@code null} for an unnamed semaphore
   * @param value the number of permits and the bound, 0 or more
   * @throws IllegalArgumentException if {@code value} is negative or {@code name} is blank
   */
  public BoundedSemaphore(String name, int value) {
    super(name, value, "bounded semaphore");
    this.bound = value;
  }

  /** Refuses a release when every permit is already free: it was released more than acquired. */
  @Override
  void checkRelease() {
    if (value >= bound) {
      throw new IllegalStateException(
          "release() on "
              + binding.label()
              + ": all "
              + bound
              + " permits are already free, so it was released more times than acquired.");
    }
  }
}
