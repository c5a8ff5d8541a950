package dev.weft.junit;

/** Text for {@link HtmlTimeline}'s pages: escaped for HTML, cut to a length. */
final class HtmlText {
  private HtmlText() {}

  /** The first line of a text, with "…" if more follow. */
  static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).stripTrailing() + " \u2026";
  }

  /** The text cut to {@code max} characters, the last one "…", never inside a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  /** Escapes text for an element's content. */
  static String text(String text) {
    return escape(text, false);
  }

  /** Escapes text for a double-quoted attribute value. */
  static String attribute(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean attribute) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        case '\n':
          out.append(attribute ? "&#10;" : "\n");
          break;
        case '\t':
          out.append(c);
          break;
        case '\r':
          break; // a line break is '\n' alone
        default:
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i)); // a pair: one character outside the BMP
          } else {
            // control characters, and a surrogate without its pair, which UTF-8 cannot encode
            out.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? '\ufffd' : c);
          }
          break;
      }
    }
    return out.toString();
  }
}
