package dev.weft.samples.bugs;

import dev.weft.Task;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.List;

/**
 * Pattern 8, assuming {@link Weft#asCompleted} yields in spawn order: a downloader that fetches a
 * file's chunks in parallel and joins them. {@code asCompleted} yields each task as it finishes, so
 * the chunks come back in the order the network delivered them, not the file's.
 */
public interface Downloader {
  /** Where chunks come from; {@code fetch} suspends the calling task. */
  interface Mirror {
    /**
     * Fetches one chunk.
     *
     * @param index the chunk's index, from 0
     * @return the chunk
     */
    String fetch(int index);
  }

  /**
   * Downloads a file of {@code chunks} chunks.
   *
   * @param chunks how many
   * @return the file
   */
  String download(int chunks);

  /**
   * Appends chunks in completion order. The shrunk report:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 1 of 500 (Strategy.random(), seed 0).
   *
   * Failure:
   *   org.opentest4j.AssertionFailedError: file ==> expected: <abc> but was: <bac>
   *
   * Minimal schedule (1 choice, shrunk from 8 in 14 replays):
   *   "1:chunk-1"
   *
   * Timeline of the minimal run (...):
   *   main     #1 @0s waits in asCompleted(chunk-0, chunk-1, chunk-2).next()
   *            #8 @0.01s FAILED: org.opentest4j.AssertionFailedError: file ==> expected: <abc> but was: <bac>
   *   chunk-0  #3 @0s choose(3) returned 0; waits in sleep(0.01s), until 0.01s | #6 @0.01s returned a
   *   chunk-1  #2* @0s choose(3) returned 0; waits in sleep(0.01s), until 0.01s | #5 @0.01s returned b
   *   chunk-2  #4 @0s choose(3) returned 0; waits in sleep(0.01s), until 0.01s | #7 @0.01s returned c
   * }</pre>
   *
   * <p>The shrinker kept every latency equal (10 ms) and needed one pick instead: chunk-1 starts
   * first, so its timer, set first, fires first, and asCompleted yields it first.
   */
  final class Buggy implements Downloader {
    private final Mirror mirror;

    /**
     * Creates a downloader.
     *
     * @param mirror where chunks come from
     */
    public Buggy(Mirror mirror) {
      this.mirror = mirror;
    }

    @Override
    public String download(int chunks) {
      List<Task<String>> fetches = new ArrayList<>();
      for (int i = 0; i < chunks; i++) {
        int index = i;
        fetches.add(Weft.spawn("chunk-" + i, () -> mirror.fetch(index)));
      }
      StringBuilder file = new StringBuilder();
      for (Task<String> done : Weft.asCompleted(fetches)) {
        file.append(done.join()); // the order they finished in
      }
      return file.toString();
    }
  }

  /** Gathers the chunks: {@link Weft#gather} returns results in argument order. */
  final class Fixed implements Downloader {
    private final Mirror mirror;

    /**
     * Creates a downloader.
     *
     * @param mirror where chunks come from
     */
    public Fixed(Mirror mirror) {
      this.mirror = mirror;
    }

    @Override
    public String download(int chunks) {
      List<Task<String>> fetches = new ArrayList<>();
      for (int i = 0; i < chunks; i++) {
        int index = i;
        fetches.add(Weft.spawn("chunk-" + i, () -> mirror.fetch(index)));
      }
      return String.join("", Weft.gather(fetches));
    }
  }
}
