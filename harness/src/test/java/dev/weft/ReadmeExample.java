package dev.weft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples from the README, runnable: {@code mvn -B -q -pl harness test-compile
 * exec:java@demo}. Prints each run's events as a timeline, then the report Weft gives for a
 * deadlock. {@link ReadmeExampleTests} checks that the README's claims hold.
 */
final class ReadmeExample {
  private ReadmeExample() {}

  /** The README's first example: three downloads of different lengths, taken as they complete. */
  static List<String> downloads() {
    List<Task<String>> downloads = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      int seconds = 4 - i; // 3 s, 2 s, 1 s
      downloads.add(
          Weft.spawn(
              "download-" + i,
              () -> {
                Weft.sleep(Duration.ofSeconds(seconds)); // virtual time: returns at once
                return "file-" + seconds;
              }));
    }
    List<String> seen = new ArrayList<>();
    for (Task<String> done : Weft.asCompleted(downloads)) {
      seen.add(done.join() + " at " + Weft.elapsed().toSeconds() + "s");
    }
    return seen;
  }

  /** The README's second example: two tasks that each wait for the other's reply. */
  static String handshake() {
    Promise<String> ping = Weft.promise("ping");
    Promise<String> pong = Weft.promise("pong");
    Task<Void> client = Weft.spawn("client", () -> ping.complete("ping after " + pong.join()));
    Task<Void> server = Weft.spawn("server", () -> pong.complete("pong after " + ping.join()));
    Weft.sleep(Duration.ofMillis(250));
    Weft.gather(client, server);
    return ping.result();
  }

  public static void main(String[] args) {
    RunOptions printing = RunOptions.defaults().listener(event -> System.out.println("  " + event));
    System.out.println("Three downloads, taken as they complete:");
    System.out.println("=> " + Weft.run(printing, ReadmeExample::downloads));
    System.out.println();
    System.out.println("Two tasks waiting for each other:");
    try {
      Weft.run(ReadmeExample::handshake);
    } catch (DeadlockException deadlock) {
      System.out.println(deadlock.getMessage());
    }
  }
}
