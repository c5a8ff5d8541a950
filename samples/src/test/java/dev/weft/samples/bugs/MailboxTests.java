package dev.weft.samples.bugs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.junit.Explore;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Pattern 3: two readers, two messages, each reader gets one. */
class MailboxTests {
  /** Reader A waits first; reader B comes later; the sender posts two messages, one per await. */
  static void twoReadersTwoMessages(Supplier<Mailbox> mailboxes) {
    Mailbox mailbox = mailboxes.get();
    Task<String> a = Weft.spawn("reader-a", mailbox::take);
    Task<String> b =
        Weft.spawn(
            "reader-b",
            () -> {
              Weft.yieldNow(); // starting up
              return mailbox.take();
            });
    Task<Void> sender =
        Weft.spawn(
            "sender",
            () -> {
              mailbox.post("hello");
              Weft.yieldNow(); // the next message comes from the network
              mailbox.post("world");
            });
    sender.join();
    assertThat(Weft.gather(a, b)).containsExactlyInAnyOrder("hello", "world");
  }

  @Explore(tries = 1000)
  void theFixedMailboxGivesEachReaderAMessage() {
    twoReadersTwoMessages(Mailbox.Fixed::new);
  }

  static class BuggyMailboxTestCase {
    @Explore(tries = 1000)
    void eachReaderGetsAMessage() {
      twoReadersTwoMessages(Mailbox.Buggy::new);
    }
  }

  @Test
  void exploringTheBuggyMailboxFindsAReaderWokenToAnEmptyMailbox() {
    Hunt.Found found = Hunt.failureOf(BuggyMailboxTestCase.class);
    assertThat(found.cause()).isExactlyInstanceOf(NoSuchElementException.class);
    assertThat(found.report()).contains("Failure (from task reader-a):");
    // asyncio's own order fails; the random tries reach it on try 13
    assertThat(found.minimalSchedule()).isEqualTo("\"\"");
    assertThat(found.tries()).isEqualTo(13);
  }
}
