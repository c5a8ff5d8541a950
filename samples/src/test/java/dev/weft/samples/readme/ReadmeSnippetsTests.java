package dev.weft.samples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet in the README compiles as shown, with its imports: the snippets are read in
 * order, their imports gathered, and their declarations put together in one class, as a reader who
 * copies them one after another into a test class would. A snippet that needs an import it does not
 * show (or a wildcard import that makes {@code Queue} ambiguous) fails here.
 */
class ReadmeSnippetsTests {
  @TempDir Path out;

  /** The README's fenced {@code java} blocks, in order. */
  static List<String> javaSnippets() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> snippets = new ArrayList<>();
    int at = 0;
    while ((at = readme.indexOf("```java\n", at)) >= 0) {
      int start = at + "```java\n".length();
      int end = readme.indexOf("```", start);
      snippets.add(readme.substring(start, end));
      at = end + 3;
    }
    return snippets;
  }

  /** One compilation unit: every snippet's imports, then every snippet's declarations. */
  static String asOneClass(List<String> snippets) {
    Set<String> imports = new LinkedHashSet<>();
    StringBuilder body = new StringBuilder();
    for (String snippet : snippets) {
      for (String line : snippet.split("\n", -1)) {
        if (line.startsWith("import ")) {
          imports.add(line);
        } else {
          body.append("  ").append(line).append('\n');
        }
      }
    }
    return String.join("\n", imports)
        + "\n\n@SuppressWarnings(\"unused\")\npublic class ReadmeSnippets {\n"
        + body
        + "}\n";
  }

  @Test
  void theReadmeShowsItsJavaSnippets() throws IOException {
    assertThat(javaSnippets()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(javaSnippets()).allSatisfy(snippet -> assertThat(snippet).isNotBlank());
  }

  @Test
  void everyJavaSnippetCompilesWithTheImportsItShows() throws IOException {
    String source = asOneClass(javaSnippets());
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    JavaFileObject unit =
        new SimpleJavaFileObject(
            URI.create("string:///ReadmeSnippets.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        compiler
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    out.toString(),
                    "-proc:none"),
                null,
                List.of(unit))
            .call();
    assertThat(compiled)
        .as("the README's snippets, put together:\n%s\ndo not compile:\n%s", source, diagnostics)
        .isTrue();
  }
}
