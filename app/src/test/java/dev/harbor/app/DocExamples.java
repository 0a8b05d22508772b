package dev.harbor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The examples of a Markdown page, for tests that run them. A fenced block preceded by
 * {@code <!-- run: NAME -->} (optionally {@code <!-- run: NAME as ROLE -->}) is an example to run; a
 * block preceded by {@code <!-- output: NAME -->} is what that example is documented to print.
 * Fenced blocks without a marker are listed in {@link #unmarked()} so a test can require that every
 * block on a page is run.
 */
final class DocExamples {

  private static final Pattern MARKER = Pattern.compile("<!--\\s*(run|output):\\s*([a-z0-9-]+)(?:\\s+as\\s+([a-z]+))?\\s*-->");

  /**
   * One fenced block.
   *
   * @param language the fence's language tag, empty when none
   * @param text the block's lines, joined with newlines
   */
  record Block(String language, String text) {}

  /**
   * An example to run.
   *
   * @param name its marker's name
   * @param role who runs it, empty when the marker names no one
   * @param code the block to run
   * @param output the block showing what it prints, null when the page shows none
   */
  record Example(String name, String role, Block code, Block output) {}

  private final Map<String, Example> examples;
  private final List<Block> unmarked;

  private DocExamples(Map<String, Example> examples, List<Block> unmarked) {
    this.examples = examples;
    this.unmarked = unmarked;
  }

  /** Reads a page of the repository, found from the working directory upwards. */
  static DocExamples read(String relativePath) throws IOException {
    return parse(Files.readString(repositoryFile(relativePath)));
  }

  static DocExamples parse(String markdown) {
    Map<String, Example> examples = new LinkedHashMap<>();
    Map<String, Block> outputs = new LinkedHashMap<>();
    List<Block> unmarked = new ArrayList<>();
    Matcher pending = null;
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      Matcher marker = MARKER.matcher(line);
      if (marker.matches()) {
        pending = marker;
      } else if (line.startsWith("```")) {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        for (; j < lines.length && !lines[j].strip().equals("```"); j++) {
          text.append(text.isEmpty() ? "" : "\n").append(lines[j]);
        }
        Block block = new Block(line.substring(3).strip(), text.toString());
        if (pending == null) {
          unmarked.add(block);
        } else if (pending.group(1).equals("run")) {
          String name = pending.group(2);
          assertThat(examples).as("example names are unique").doesNotContainKey(name);
          examples.put(name, new Example(name, pending.group(3) == null ? "" : pending.group(3), block, null));
        } else {
          outputs.put(pending.group(2), block);
        }
        pending = null;
        i = j;
      } else if (!line.isEmpty()) {
        pending = null;
      }
    }
    outputs.forEach((name, output) -> {
      Example example = examples.get(name);
      assertThat(example).as("output %s follows an example of that name", name).isNotNull();
      examples.put(name, new Example(name, example.role(), example.code(), output));
    });
    return new DocExamples(examples, unmarked);
  }

  /** The example of that name. */
  Example example(String name) {
    Example example = examples.get(name);
    assertThat(example).as("example %s on the page", name).isNotNull();
    return example;
  }

  /** Every example's name, in page order. */
  List<String> names() {
    return List.copyOf(examples.keySet());
  }

  /** The fenced blocks that carry no marker. */
  List<Block> unmarked() {
    return unmarked;
  }

  /** A file of the repository, found from the working directory upwards. */
  static Path repositoryFile(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(relative))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("%s above the working directory", relative).isNotNull();
    return dir.resolve(relative);
  }

  /** The text's lines without indentation, blank lines left out: how code is compared with a page. */
  static List<String> codeLines(String text) {
    return Stream.of(text.split("\n", -1)).map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /** The blocks fenced as {@code java} on a page, each as its {@link #codeLines}. */
  static List<List<String>> javaBlocks(String markdown) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> block = null;
    for (String line : markdown.split("\n", -1)) {
      if (block == null && line.strip().equals("```java")) {
        block = new ArrayList<>();
      } else if (block != null && line.strip().equals("```")) {
        blocks.add(codeLines(String.join("\n", block)));
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    return blocks;
  }
}
