package dev.weft.samples.fanout;

import dev.weft.CancelledException;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;
import dev.weft.Weft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one request to every replica at once and keeps the first answer: the other requests are
 * cancelled, and the call returns only once they have ended, so no request outlives the call.
 *
 * <p>The asyncio shape it follows:
 *
 * <pre>{@code
 * tasks = [asyncio.create_task(r.query(request), name=region) for region, r in replicas.items()]
 * while tasks:
 *     done, tasks = await asyncio.wait(tasks, return_when=FIRST_COMPLETED)
 *     for t in done:                      # argument order in Weft, a set in asyncio
 *         if t.exception() is None: winner = t; break
 *     if winner: break
 * for t in tasks: t.cancel()
 * await asyncio.gather(*tasks, return_exceptions=True)
 * }</pre>
 *
 * <p>A replica that fails is skipped: the next one to answer wins. If every replica fails, the call
 * throws {@link ReplicasFailedException} holding each failure. If the calling task is cancelled
 * while it waits, every request still running is cancelled with it.
 *
 * <pre>{@code
 * Map<String, Replica<String>> replicas = new LinkedHashMap<>();   // sent in this order
 * replicas.put("eu", eu);                                          // 80 ms away
 * replicas.put("us", us);                                          // 30 ms away
 * replicas.put("ap", ap);                                          // 120 ms away
 * HedgedRequest<String> lookup = new HedgedRequest<>(replicas);
 * HedgedRequest.Answer<String> answer = lookup.send("user:42");  // us's answer, at us's latency
 * }</pre>
 *
 * @param <T> the answer's type
 */
public final class HedgedRequest<T> {
  /**
   * The first successful answer and the replica that gave it.
   *
   * @param replica the name of the replica that answered first
   * @param value its answer
   * @param <T> the answer's type
   */
  public record Answer<T>(String replica, T value) {}

  private final Map<String, Replica<T>> replicas;

  /**
   * Creates a request sender for {@code replicas}, keyed by name; requests are sent in the map's
   * iteration order: use a {@link LinkedHashMap}, since {@link Map#of}'s order is not defined and
   * would make which of two equally fast replicas wins differ between JVMs.
   *
   * @param replicas at least one replica, by name
   * @throws IllegalArgumentException if {@code replicas} is empty
   */
  public HedgedRequest(Map<String, Replica<T>> replicas) {
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("replicas must hold at least one replica, but was empty");
    }
    this.replicas = new LinkedHashMap<>(replicas);
  }

  /**
   * Sends {@code request} to every replica, one task each named after its replica, and returns the
   * first successful answer once the other requests are cancelled and ended.
   *
   * @param request what to ask
   * @return the first successful answer
   * @throws ReplicasFailedException if every replica failed
   */
  public Answer<T> send(String request) {
    List<Task<T>> pending = new ArrayList<>();
    for (Map.Entry<String, Replica<T>> replica : replicas.entrySet()) {
      pending.add(Weft.spawn(replica.getKey(), () -> replica.getValue().query(request)));
    }
    List<Throwable> failures = new ArrayList<>();
    Answer<T> answer = null;
    while (answer == null && !pending.isEmpty()) {
      WaitResult<T> round = Weft.wait(pending, ReturnWhen.FIRST_COMPLETED);
      pending = new ArrayList<>(round.pending());
      for (Task<T> done : round.done()) {
        if (answer != null) {
          break; // answered already: the others that finished in the same pass are ignored
        }
        try {
          answer = new Answer<>(done.name(), done.result());
        } catch (RuntimeException | CancelledException failure) { // failed or cancelled: go on
          failures.add(failure);
        }
      }
    }
    for (Task<T> loser : pending) {
      loser.cancel();
    }
    Weft.gatherSettled(pending); // wait until every cancelled request has really ended
    if (answer == null) {
      throw new ReplicasFailedException(failures);
    }
    return answer;
  }
}
