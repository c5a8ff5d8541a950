package dev.weft.samples.bugs;

import dev.weft.Semaphore;
import dev.weft.Weft;
import java.time.Duration;

/**
 * Pattern 6, a timeout that leaks a permit: a gateway that allows two connections to a backend at a
 * time, and gives each call a deadline. The deadline cancels the call wherever it is waiting; if
 * that is after {@code acquire} and before the {@code try} whose {@code finally} releases, the
 * permit is never returned, and the gateway runs out of connections for good.
 */
public interface Gateway {
  /** The number of connections the backend allows. */
  int CONNECTIONS = 2;

  /** The backend; both methods suspend the calling task. */
  interface Backend {
    /** Opens a connection: the TLS handshake. */
    void handshake();

    /**
     * Sends a request.
     *
     * @param request the request
     * @return the response
     */
    String send(String request);
  }

  /**
   * Calls the backend within {@code timeout}.
   *
   * @param request the request
   * @param timeout the deadline for the whole call
   * @return the response
   * @throws dev.weft.TimedOutException if the deadline passed
   */
  String call(String request, Duration timeout);

  /**
   * Returns how many connections are free now.
   *
   * @return free connections
   */
  int freeConnections();

  /**
   * Acquires, awaits the handshake, and only then enters the {@code try}: a timeout during the
   * handshake leaks the permit. The shrunk report:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0).
   *
   * Failure:
   *   org.opentest4j.AssertionFailedError: free connections ==> expected: <2> but was: <1>
   *
   * Minimal schedule (2 choices, shrunk from 6 in 35 replays):
   *   "_ d2"
   *
   * Timeline of the minimal run (...):
   *   main   #1 @0s waits in gather(req-0, req-1, req-2), waiting for req-0
   *          #11 @0.1s FAILED: org.opentest4j.AssertionFailedError: free connections ==> expected: <2> but was: <1>
   *   req-0  #2 @0s choose(4) returned 2; waits in sleep(0.1s), until 0.1s | #10 @0.1s returned timed out
   *   req-1  #3 @0s choose(4) returned 0; yields | #5 waits in sleep(0.02s), until 0.02s
   *          #6 @0.02s returned ok req-1
   *   req-2  #4 @0s waits in acquire on semaphore 'connections' (no permits free)
   *          #7 @0.02s choose(4) returned 0; yields | #8 waits in sleep(0.02s), until 0.04s
   *          #9 @0.04s returned ok req-2
   * }</pre>
   *
   * <p>req-0's handshake takes 100 ms; its deadline, set first, fires first and cancels it inside
   * the handshake. The gateway is left with one connection for good.
   */
  final class Buggy implements Gateway {
    private final Backend backend;
    private final Semaphore connections = new Semaphore("connections", CONNECTIONS);

    /**
     * Creates a gateway.
     *
     * @param backend the backend
     */
    public Buggy(Backend backend) {
      this.backend = backend;
    }

    @Override
    public String call(String request, Duration timeout) {
      return Weft.withTimeout(
          timeout,
          () -> {
            connections.acquire();
            backend.handshake(); // cancelled here, the permit is never released
            try {
              return backend.send(request);
            } finally {
              connections.release();
            }
          });
    }

    @Override
    public int freeConnections() {
      return connections.availablePermits();
    }
  }

  /**
   * Enters the {@code try} right after {@code acquire}, with nothing that can wait in between. (A
   * cancelled {@code acquire} itself takes no permit.)
   */
  final class Fixed implements Gateway {
    private final Backend backend;
    private final Semaphore connections = new Semaphore("connections", CONNECTIONS);

    /**
     * Creates a gateway.
     *
     * @param backend the backend
     */
    public Fixed(Backend backend) {
      this.backend = backend;
    }

    @Override
    public String call(String request, Duration timeout) {
      return Weft.withTimeout(
          timeout,
          () -> {
            connections.acquire();
            try {
              backend.handshake();
              return backend.send(request);
            } finally {
              connections.release();
            }
          });
    }

    @Override
    public int freeConnections() {
      return connections.availablePermits();
    }
  }
}
