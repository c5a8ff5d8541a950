package dev.weft.samples.bugs;

import dev.weft.Lock;

/**
 * Pattern 4, a lock-order deadlock: transfers lock the source account, check it, then lock the
 * target. Two transfers in opposite directions can each hold the lock the other one needs.
 */
public interface Bank {
  /** An account with its own lock. */
  final class Account {
    final String id;
    final Lock lock;
    int balance;

    /**
     * Creates an account.
     *
     * @param id the account number; also the order locks are taken in, in {@link Fixed}
     * @param balance the opening balance
     */
    public Account(String id, int balance) {
      this.id = id;
      this.lock = new Lock(id);
      this.balance = balance;
    }

    /**
     * Returns the balance.
     *
     * @return the balance
     */
    public int balance() {
      return balance;
    }
  }

  /** The fraud check every transfer passes; {@code approve} suspends the calling task. */
  interface FraudCheck {
    /**
     * Approves a transfer, or throws.
     *
     * @param from the source account's id
     * @param amount how much
     */
    void approve(String from, int amount);
  }

  /**
   * Moves {@code amount} from one account to the other.
   *
   * @param from the source
   * @param to the target
   * @param amount how much
   */
  void transfer(Account from, Account to, int amount);

  /**
   * Locks the source, awaits the fraud check, locks the target: a to b and b to a can deadlock. The
   * shrunk report:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 1 of 1000 (Strategy.random(), seed 0).
   *
   * Failure:
   *   dev.weft.DeadlockException: Deadlock at virtual time 0s: no task can run and no timer is pending, but main has not returned.
   *   Blocked tasks (3), in creation order:
   *     main            blocked in gather(alice-pays-bob, bob-pays-alice), waiting for alice-pays-bob
   *     alice-pays-bob  blocked in acquire on lock 'bob' (held by bob-pays-alice)
   *     bob-pays-alice  blocked in acquire on lock 'alice' (held by alice-pays-bob)
   *
   * Minimal schedule (1 choice, shrunk from 2 in 6 replays):
   *   "1:bob-pays-alice"
   *
   * Timeline of the minimal run (...):
   *   alice-pays-bob  #3 @0s acquired lock 'alice'; yields
   *                   #5 waits in acquire on lock 'bob' (held by bob-pays-alice)
   *   bob-pays-alice  #2* @0s yields | #4 acquired lock 'bob'; yields
   *                   #6 waits in acquire on lock 'alice' (held by alice-pays-bob)
   * }</pre>
   */
  final class Buggy implements Bank {
    private final FraudCheck fraudCheck;

    /**
     * Creates the service.
     *
     * @param fraudCheck what approves transfers
     */
    public Buggy(FraudCheck fraudCheck) {
      this.fraudCheck = fraudCheck;
    }

    @Override
    public void transfer(Account from, Account to, int amount) {
      from.lock.acquire();
      try {
        fraudCheck.approve(from.id, amount); // suspends, holding the source's lock
        to.lock.acquire();
        try {
          from.balance -= amount;
          to.balance += amount;
        } finally {
          to.lock.release();
        }
      } finally {
        from.lock.release();
      }
    }
  }

  /** Takes both locks in one global order (by account id), whatever the transfer's direction. */
  final class Fixed implements Bank {
    private final FraudCheck fraudCheck;

    /**
     * Creates the service.
     *
     * @param fraudCheck what approves transfers
     */
    public Fixed(FraudCheck fraudCheck) {
      this.fraudCheck = fraudCheck;
    }

    @Override
    public void transfer(Account from, Account to, int amount) {
      boolean fromFirst = from.id.compareTo(to.id) < 0;
      Account first = fromFirst ? from : to;
      Account second = fromFirst ? to : from;
      first.lock.acquire();
      try {
        fraudCheck.approve(from.id, amount);
        second.lock.acquire();
        try {
          from.balance -= amount;
          to.balance += amount;
        } finally {
          second.lock.release();
        }
      } finally {
        first.lock.release();
      }
    }
  }
}
