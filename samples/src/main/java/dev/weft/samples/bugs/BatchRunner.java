package dev.weft.samples.bugs;

import dev.weft.Queue;
import dev.weft.Task;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.List;

/**
 * Pattern 5, a forgotten {@link Queue#taskDone()}: a batch runner that queues jobs for a pool of
 * workers and waits with {@link Queue#join()} until every job is handled. {@code join} counts
 * {@code taskDone} calls, not {@code get}s: a path through the worker that skips {@code taskDone}
 * leaves {@code join} waiting forever.
 */
public interface BatchRunner {
  /** What runs one job; {@code handle} suspends the calling task. */
  interface Handler {
    /**
     * Handles a job.
     *
     * @param job the job
     */
    void handle(String job);
  }

  /**
   * Runs every job on two workers and returns the jobs handled, blank ones skipped.
   *
   * @param jobs the jobs
   * @return the jobs handled, in the order they finished
   */
  List<String> runAll(List<String> jobs);

  /**
   * Skips a blank job with {@code continue}, past the {@code taskDone} at the loop's end. The
   * shrunk report:
   *
   * <pre>{@code
   * Weft found a failing schedule on try 1 of 500 (Strategy.random(), seed 0).
   *
   * Failure:
   *   dev.weft.DeadlockException: Deadlock at virtual time 0s: no task can run and no timer is pending, but main has not returned.
   *   Blocked tasks (3), in creation order:
   *     main      blocked in join on queue 'jobs' (1 put not yet marked taskDone, 0 items in the queue)
   *     worker-0  blocked in get on queue 'jobs' (empty)
   *     worker-1  blocked in get on queue 'jobs' (empty)
   *
   * Minimal schedule (1 choice, shrunk from 4 in 8 replays):
   *   "d1"
   *
   * Timeline of the minimal run (...):
   *   main      #1 @0s choose(2) returned 1; choose(2) returned 0; choose(2) returned 0; put  ; put job-1; put job-2; waits in join on queue 'jobs' (3 puts not yet marked taskDone, 3 items in the queue)
   *   worker-0  #2 @0s got  ; got job-1; yields | #4 waits in get on queue 'jobs' (empty)
   *   worker-1  #3 @0s got job-2; yields | #5 waits in get on queue 'jobs' (empty)
   * }</pre>
   *
   * <p>A data choice, not an interleaving: one blank job is enough, in any order.
   */
  final class Buggy implements BatchRunner {
    private final Handler handler;

    /**
     * Creates a runner.
     *
     * @param handler what runs a job
     */
    public Buggy(Handler handler) {
      this.handler = handler;
    }

    @Override
    public List<String> runAll(List<String> jobs) {
      Queue<String> queue = new Queue<>("jobs", 0);
      List<String> handled = new ArrayList<>();
      List<Task<Void>> workers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        workers.add(
            Weft.spawn(
                "worker-" + i,
                () -> {
                  while (true) {
                    String job = queue.get();
                    if (job.isBlank()) {
                      continue; // skips the taskDone below
                    }
                    handler.handle(job);
                    handled.add(job);
                    queue.taskDone();
                  }
                }));
      }
      jobs.forEach(queue::putNowait);
      queue.join();
      workers.forEach(Task::cancel);
      Weft.gatherSettled(workers);
      return handled;
    }
  }

  /** Marks every job taken as done, in a {@code finally}, whichever way the worker leaves it. */
  final class Fixed implements BatchRunner {
    private final Handler handler;

    /**
     * Creates a runner.
     *
     * @param handler what runs a job
     */
    public Fixed(Handler handler) {
      this.handler = handler;
    }

    @Override
    public List<String> runAll(List<String> jobs) {
      Queue<String> queue = new Queue<>("jobs", 0);
      List<String> handled = new ArrayList<>();
      List<Task<Void>> workers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        workers.add(
            Weft.spawn(
                "worker-" + i,
                () -> {
                  while (true) {
                    String job = queue.get();
                    try {
                      if (job.isBlank()) {
                        continue;
                      }
                      handler.handle(job);
                      handled.add(job);
                    } finally {
                      queue.taskDone();
                    }
                  }
                }));
      }
      jobs.forEach(queue::putNowait);
      queue.join();
      workers.forEach(Task::cancel);
      Weft.gatherSettled(workers);
      return handled;
    }
  }
}
