package dev.weft.samples.bugs;

import dev.weft.Condition;
import java.util.ArrayDeque;

/**
 * Pattern 3, a condition waited on without a predicate loop: a mailbox whose readers wait on a
 * condition until a message is posted. A wake-up is a hint, not a promise: between the signal and
 * the moment the woken reader holds the lock again, another reader can take the message. Checking
 * once ({@code if}) instead of on every wake-up ({@code while}, or {@link Condition#awaitUntil})
 * then takes from an empty mailbox.
 */
public interface Mailbox {
  /**
   * Posts a message and wakes one reader.
   *
   * @param message the message
   */
  void post(String message);

  /**
   * Takes the oldest message, waiting for one.
   *
   * @return the message
   */
  String take();

  /**
   * Waits with {@code if}: the reader it woke may find the mailbox emptied by another reader. The
   * shrunk report:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 13 of 1000 (Strategy.random(), seed 0).
   *
   * Failure (from task reader-a):
   *   java.util.NoSuchElementException
   *
   * Minimal schedule (0 choices, shrunk from 4 in 0 replays):
   *   ""  (empty: asyncio's own order, and 0 from every Weft.choose)
   *
   * Timeline of the minimal run (...):
   *   main      #1 @0s waits in join(Task 'sender') | #8 FAILED: java.util.NoSuchElementException
   *   reader-a  #2 @0s acquired condition 'posted'; released condition 'posted'; waits in await on condition 'posted' (not signalled)
   *             #6 acquired condition 'posted'; released condition 'posted'; FAILED: java.util.NoSuchElementException
   *   reader-b  #3 @0s yields | #5 acquired condition 'posted'; released condition 'posted'; returned hello
   *   sender    #4 @0s acquired condition 'posted'; released condition 'posted'; yields
   *             #7 acquired condition 'posted'; released condition 'posted'; returned
   * }</pre>
   *
   * <p>No choice at all: in asyncio's own order reader-b, ready since its yield, takes "hello"
   * before reader-a, signalled later, gets the lock back.
   */
  final class Buggy implements Mailbox {
    private final Condition posted = new Condition("posted");
    private final ArrayDeque<String> messages = new ArrayDeque<>();

    @Override
    public void post(String message) {
      posted.acquire();
      try {
        messages.add(message);
        posted.signal();
      } finally {
        posted.release();
      }
    }

    @Override
    public String take() {
      posted.acquire();
      try {
        if (messages.isEmpty()) {
          posted.await(); // woken: but is the message still there?
        }
        return messages.remove();
      } finally {
        posted.release();
      }
    }
  }

  /** Waits until a message can be taken, checking again after every wake-up. */
  final class Fixed implements Mailbox {
    private final Condition posted = new Condition("posted");
    private final ArrayDeque<String> messages = new ArrayDeque<>();

    @Override
    public void post(String message) {
      posted.acquire();
      try {
        messages.add(message);
        posted.signal();
      } finally {
        posted.release();
      }
    }

    @Override
    public String take() {
      posted.acquire();
      try {
        return posted.awaitUntil(messages::poll); // null: not yet, wait again
      } finally {
        posted.release();
      }
    }
  }
}
