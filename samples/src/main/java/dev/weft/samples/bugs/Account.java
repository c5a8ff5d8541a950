package dev.weft.samples.bugs;

import dev.weft.Lock;

/**
 * Pattern 1, a lost update across an await: an account balance kept in memory, with every deposit
 * recorded in a ledger service on the way. Reading the balance, awaiting the ledger, then writing
 * the balance lets another deposit run in between, and one of the two is lost.
 */
public interface Account {
  /** The remote ledger every deposit is recorded in; {@code append} suspends the calling task. */
  interface Ledger {
    /**
     * Records an entry.
     *
     * @param entry what happened
     */
    void append(String entry);
  }

  /**
   * Adds {@code amount} to the balance and records it in the ledger.
   *
   * @param amount how much
   */
  void deposit(int amount);

  /**
   * Returns the balance.
   *
   * @return the balance
   */
  int balance();

  /**
   * Reads the balance, awaits the ledger, and writes the balance it read plus the amount: a deposit
   * that runs during the await is overwritten. Exploring two deposits finds it; the shrunk report:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 1 of 500 (Strategy.random(), seed 0).
   *
   * Failure:
   *   org.opentest4j.AssertionFailedError: balance ==> expected: <120> but was: <20>
   *
   * Minimal schedule (1 choice, shrunk from 3 in 9 replays):
   *   "1:refund"
   *
   * Timeline of the minimal run (...):
   *   main     #1 @0s waits in gather(payroll, refund), waiting for payroll
   *            #7 FAILED: org.opentest4j.AssertionFailedError: balance ==> expected: <120> but was: <20>
   *   payroll  #3 @0s yields | #5 returned
   *   refund   #2* @0s yields | #4 yields | #6 returned
   * }</pre>
   *
   * <p>One choice out of asyncio's order: refund runs first, so its validation ends in time for it
   * to read the balance (0) while payroll awaits the ledger; payroll writes 100, then refund writes
   * 0 + 20 over it.
   */
  final class Buggy implements Account {
    private final Ledger ledger;
    private int balance;

    /**
     * Creates an empty account.
     *
     * @param ledger where deposits are recorded
     */
    public Buggy(Ledger ledger) {
      this.ledger = ledger;
    }

    @Override
    public void deposit(int amount) {
      int before = balance;
      ledger.append("deposit " + amount); // suspends: other deposits run here
      balance = before + amount; // overwrites whatever they wrote
    }

    @Override
    public int balance() {
      return balance;
    }
  }

  /**
   * Holds a lock across the read, the await and the write, so deposits take turns. (Writing the
   * balance before the await, with no suspension between read and write, would fix it as well.)
   */
  final class Fixed implements Account {
    private final Ledger ledger;
    private final Lock lock = new Lock("account");
    private int balance;

    /**
     * Creates an empty account.
     *
     * @param ledger where deposits are recorded
     */
    public Fixed(Ledger ledger) {
      this.ledger = ledger;
    }

    @Override
    public void deposit(int amount) {
      lock.acquire();
      try {
        int before = balance;
        ledger.append("deposit " + amount);
        balance = before + amount;
      } finally {
        lock.release();
      }
    }

    @Override
    public int balance() {
      return balance;
    }
  }
}
