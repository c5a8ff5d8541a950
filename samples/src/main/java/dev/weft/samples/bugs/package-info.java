/**
 * Eight concurrency bug patterns, each as a small piece of production-style code with the bug and
 * its fix side by side, and a test that shows Weft finding the one and passing the other.
 *
 * <table>
 *   <caption>The patterns</caption>
 *   <tr><th>pattern</th><th>class</th><th>what breaks</th></tr>
 *   <tr><td>1. lost update across an await</td><td>{@link dev.weft.samples.bugs.Account}</td>
 *       <td>read, await the ledger, write: a deposit is overwritten</td></tr>
 *   <tr><td>1. (thread-style, needs preemption)</td><td>{@link dev.weft.samples.bugs.HitCounter}</td>
 *       <td>read, checkpoint, write: found only under {@code EVERY_OPERATION}</td></tr>
 *   <tr><td>2. check-then-act across an await</td><td>{@link dev.weft.samples.bugs.PriceCache}</td>
 *       <td>two misses fetch the same price twice</td></tr>
 *   <tr><td>3. condition without a predicate loop</td><td>{@link dev.weft.samples.bugs.Mailbox}</td>
 *       <td>a woken reader finds the message taken</td></tr>
 *   <tr><td>4. lock-order deadlock</td><td>{@link dev.weft.samples.bugs.Bank}</td>
 *       <td>a to b and b to a each hold the other's lock</td></tr>
 *   <tr><td>5. forgotten {@code taskDone}</td><td>{@link dev.weft.samples.bugs.BatchRunner}</td>
 *       <td>{@code Queue.join} never returns</td></tr>
 *   <tr><td>6. timeout between acquire and release</td><td>{@link dev.weft.samples.bugs.Gateway}</td>
 *       <td>a cancelled call leaks its semaphore permit</td></tr>
 *   <tr><td>7. order violation</td><td>{@link dev.weft.samples.bugs.QuoteService}</td>
 *       <td>a request reads settings before the loader wrote them</td></tr>
 *   <tr><td>8. {@code asCompleted} assumed in spawn order</td>
 *       <td>{@link dev.weft.samples.bugs.Downloader}</td><td>chunks joined out of order</td></tr>
 * </table>
 *
 * <p>The shape, and why: each pattern is one file, an interface for what the code does with two
 * nested implementations, {@code Buggy} and {@code Fixed}. Side by side, the diff between the two
 * is the lesson, and one test scenario runs against either through the interface. What the code
 * waits on (a ledger, a backend, a mirror) is a small interface too, so the production code calls
 * Weft only for its synchronization (locks, conditions, queues, semaphores, events, timeouts) and
 * the test decides where the outside world suspends. The {@code Buggy} class's javadoc quotes the
 * shrunk report the exploration gives.
 *
 * <p>Each pattern's test class (in the test sources, {@code ...Tests}) holds an {@code @Explore} of
 * the fixed version, which passes every try, and a plain {@code @Test} that runs the buggy
 * version's {@code @Explore}, a nested {@code ...TestCase}, through the JUnit Platform's {@code
 * EngineTestKit} and asserts that it fails: the kind of failure, and the exact minimal schedule. A
 * green build thus still shows every bug found; a change to Weft's search or shrinking that finds a
 * different counterexample shows up as a failing sample.
 */
package dev.weft.samples.bugs;
