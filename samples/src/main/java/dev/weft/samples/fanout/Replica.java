package dev.weft.samples.fanout;

/**
 * One copy of a service that answers a request, from inside a Weft task: a real client would send
 * the request and wait on a Weft primitive for the reply; a test's replica sleeps on the virtual
 * clock.
 *
 * @param <T> the answer's type
 */
@FunctionalInterface
public interface Replica<T> {
  /**
   * Answers {@code request}, suspending the calling task as long as the answer takes.
   *
   * @param request what to look up
   * @return the answer
   * @throws Exception if this replica cannot answer
   */
  T query(String request) throws Exception;
}
