package dev.weft.junit;

/**
 * The timeline of a failing run, attached to its failure as a suppressed exception, so that the
 * failure keeps its own type and message and the timeline still prints with its stack trace.
 */
final class RunTimeline extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RunTimeline(String text) {
    super(text, null, false, false); // no stack: it is a note, not an error
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
