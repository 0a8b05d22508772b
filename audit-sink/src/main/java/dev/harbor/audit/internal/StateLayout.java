package dev.harbor.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit sink's directory: one subdirectory per store generation ({@code g1}, {@code g2}, ...)
 * and a {@code CURRENT} file naming the generation that answers queries and the store format it
 * was written in. {@code CURRENT} is replaced atomically, so after a crash it names either the old
 * generation or the new one, never a half-built one; anything else found is a leftover.
 */
public final class StateLayout {

  private static final String CURRENT = "CURRENT";
  private static final Pattern GENERATION_DIR = Pattern.compile("g(\\d{1,9})");
  private static final Pattern CURRENT_CONTENT = Pattern.compile("generation=(\\d{1,9})\\s+format=(\\d{1,3})\\s*");

  private final Path root;

  public StateLayout(Path root) {
    this.root = root.toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  /** The state directory of a generation. */
  public Path dir(int generation) {
    return root.resolve("g" + generation);
  }

  /**
   * The generation {@code CURRENT} names, when it exists and was written in the store format
   * {@code format}; empty otherwise (a new sink, or a store written by another Harbor version).
   */
  public OptionalInt current(int format) {
    Path file = root.resolve(CURRENT);
    if (!Files.isRegularFile(file)) {
      return OptionalInt.empty();
    }
    Matcher m = CURRENT_CONTENT.matcher(read(file));
    if (!m.matches() || Integer.parseInt(m.group(2)) != format || !Files.isDirectory(dir(Integer.parseInt(m.group(1))))) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(m.group(1)));
  }

  /** The highest generation number with a directory, or 0. */
  public int highest() {
    return generations().stream().max(Integer::compare).orElse(0);
  }

  /** Makes {@code generation} the one that answers queries, atomically. */
  public void commit(int generation, int format) {
    try {
      Files.createDirectories(root);
      Path temp = root.resolve(CURRENT + ".tmp");
      Files.writeString(temp, "generation=" + generation + "\nformat=" + format + "\n");
      try {
        Files.move(temp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + root.resolve(CURRENT), e);
    }
  }

  /** Deletes every generation directory except {@code keep}. */
  public void removeAllExcept(int keep) {
    for (int generation : generations()) {
      if (generation != keep) {
        remove(generation);
      }
    }
  }

  /** Deletes a generation's directory with everything in it. */
  public void remove(int generation) {
    deleteTree(dir(generation));
  }

  /** Deletes a directory with everything in it; nothing happens when it does not exist. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private List<Integer> generations() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(Files::isDirectory)
          .map(p -> GENERATION_DIR.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
