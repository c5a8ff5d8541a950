package dev.weft.samples.fanout;

import java.util.List;

/**
 * Thrown by {@link HedgedRequest#send} when no replica answered: every failure is a suppressed
 * exception, in the order the replicas failed.
 */
public class ReplicasFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception from each replica's failure.
   *
   * @param failures the failures, in the order they happened
   */
  public ReplicasFailedException(List<Throwable> failures) {
    super("every replica failed (" + failures.size() + ")");
    failures.forEach(this::addSuppressed);
  }
}
