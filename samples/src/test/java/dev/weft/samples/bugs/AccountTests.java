package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import org.junit.jupiter.api.Test;

/** Pattern 1: two deposits, one of them lost across the ledger's await. */
class AccountTests {
  /** A ledger one round trip away: each append suspends the caller once. */
  static final Account.Ledger LEDGER = entry -> Weft.yieldNow();

  /**
   * Payroll deposits 100 at once; a refund of 20 is validated first (one await), then deposited.
   */
  static void payrollAndRefund(Account account) {
    Task<Void> payroll = Weft.spawn("payroll", () -> account.deposit(100));
    Task<Void> refund =
        Weft.spawn(
            "refund",
            () -> {
              Weft.yieldNow(); // validating the refund
              account.deposit(20);
            });
    Weft.gather(payroll, refund);
    assertEquals(120, account.balance(), "balance");
  }

  @Explore(tries = 500)
  void theFixedAccountKeepsEveryDeposit() {
    payrollAndRefund(new Account.Fixed(LEDGER));
  }

  static class BuggyAccountTestCase {
    @Explore(tries = 500)
    void depositsAreNotLost() {
      payrollAndRefund(new Account.Buggy(LEDGER));
    }
  }

  @Test
  void exploringTheBuggyAccountFindsTheLostDeposit() {
    Hunt.Found found = Hunt.failureOf(BuggyAccountTestCase.class);
    assertThat(found.cause())
        .isInstanceOf(AssertionError.class)
        .hasMessage("balance ==> expected: <120> but was: <20>");
    assertThat(found.minimalSchedule()).isEqualTo("1:refund");
    assertThat(found.tries()).isEqualTo(1);
  }
}
