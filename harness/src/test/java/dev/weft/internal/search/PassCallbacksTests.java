package dev.weft.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.search.PctChooserTests.View;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Priorities.PassCallbacks}: the priorities that {@code pct} and {@code pos} give a pass's
 * plain callbacks, which the loop's view does not name.
 */
class PassCallbacksTests {

  @Test
  @DisplayName(
      "a pass's callbacks draw their priorities at its first pick, in asyncio's order, and keep them"
          + " until they run; the next pass draws anew")
  void aCallbackKeepsItsPriorityThroughItsPass() {
    long[] next = {0};
    Priorities.PassCallbacks callbacks = new Priorities.PassCallbacks(() -> next[0] += 10);

    // the pass: callbacks a, b, c around task 1; task 2 is ready for the next pass
    callbacks.begin(new View(-1, -1, 1, -1, -1, 2), 4);
    assertThat(new long[] {callbacks.priority(0), callbacks.priority(1), callbacks.priority(2)})
        .containsExactly(10, 20, 30);
    callbacks.picked(new View(-1, -1, 1, -1, -1, 2), 4, 2); // b runs

    callbacks.begin(new View(-1, -1, 1, -1, 2), 3); // the same pass: nothing drawn
    assertThat(new long[] {callbacks.priority(0), callbacks.priority(1)}).containsExactly(10, 30);
    callbacks.picked(new View(-1, -1, 1, -1, 2), 3, 1); // task 1 runs

    callbacks.begin(new View(-1, -1, -1, 2), 2);
    assertThat(new long[] {callbacks.priority(0), callbacks.priority(1)}).containsExactly(10, 30);
    callbacks.picked(new View(-1, -1, -1, 2), 2, 0); // a runs; c then runs without a pick

    callbacks.begin(new View(-1, 2, -1, -1), 3); // the next pass: task 2 and two callbacks
    assertThat(new long[] {callbacks.priority(0), callbacks.priority(1)}).containsExactly(40, 50);
  }
}
