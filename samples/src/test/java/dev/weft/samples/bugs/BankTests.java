package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.DeadlockException;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pattern 4: alice pays bob while bob pays alice. */
class BankTests {
  /** A fraud check one round trip away. */
  static final Bank.FraudCheck FRAUD_CHECK = (from, amount) -> Weft.yieldNow();

  /** Alice pays bob 30 at once; bob's payment of 10 is typed in first (one await). */
  static void paymentsBothWays(Function<Bank.FraudCheck, Bank> banks) {
    Bank bank = banks.apply(FRAUD_CHECK);
    Bank.Account alice = new Bank.Account("alice", 100);
    Bank.Account bob = new Bank.Account("bob", 100);
    Task<Void> rent = Weft.spawn("alice-pays-bob", () -> bank.transfer(alice, bob, 30));
    Task<Void> lunch =
        Weft.spawn(
            "bob-pays-alice",
            () -> {
              Weft.yieldNow(); // typing it in
              bank.transfer(bob, alice, 10);
            });
    Weft.gather(rent, lunch);
    assertThat(alice.balance()).isEqualTo(80);
    assertThat(bob.balance()).isEqualTo(120);
  }

  @Explore(tries = 1000)
  void theFixedBankNeverDeadlocks() {
    paymentsBothWays(Bank.Fixed::new);
  }

  static class EverySchedule {
    @Explore(strategy = "exhaustive(2)")
    void theFixedBankNeverDeadlocks() {
      paymentsBothWays(Bank.Fixed::new);
    }
  }

  /**
   * The same search, each trace once. The balances need no {@code Weft.touch}: a task changes them
   * only while it holds both accounts' locks, and what a step does to a lock is recorded.
   */
  static class EveryTrace {
    @Explore(strategy = "exhaustive(2, declared)")
    void theFixedBankNeverDeadlocks() {
      paymentsBothWays(Bank.Fixed::new);
    }
  }

  /** Both prove the fix within the bound: 7 schedules, or 2 traces. */
  @Test
  void declaringWhatTasksShareProvesTheFixInFewerSchedules() {
    Map<String, String> everySchedule = Hunt.successOf(EverySchedule.class);
    Map<String, String> everyTrace = Hunt.successOf(EveryTrace.class);
    assertThat(everySchedule).containsEntry("weft.exhausted", "true");
    assertThat(everyTrace).containsEntry("weft.exhausted", "true");
    assertThat(Integer.parseInt(everyTrace.get("weft.tries")))
        .isLessThan(Integer.parseInt(everySchedule.get("weft.tries")));
  }

  static class BuggyBankTestCase {
    @Explore(tries = 1000)
    void transfersBothWaysComplete() {
      paymentsBothWays(Bank.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyBankFindsTheDeadlock() {
    Hunt.Found found = Hunt.failureOf(BuggyBankTestCase.class);
    assertThat(found.cause()).isExactlyInstanceOf(DeadlockException.class);
    assertThat(found.cause().getMessage())
        .contains(
            "  alice-pays-bob  blocked in acquire on lock 'bob' (held by bob-pays-alice)\n"
                + "  bob-pays-alice  blocked in acquire on lock 'alice' (held by alice-pays-bob)\n");
    assertThat(found.minimalSchedule()).isEqualTo("1:bob-pays-alice");
    assertThat(found.tries()).isEqualTo(1);
  }
}
