package dev.harbor.app.cli;

import dev.harbor.schemas.Wire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table for people: a header row and rows, columns aligned with two spaces between them. */
public final class Table {

  private final List<String[]> rows = new ArrayList<>();

  private Table(String... headers) {
    rows.add(headers);
  }

  /** A table with these column headers. */
  public static Table of(String... headers) {
    return new Table(headers);
  }

  /** Adds a row; null cells show as {@code -}, line breaks as spaces. */
  public Table row(Object... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + rows.get(0).length);
    }
    rows.add(Arrays.stream(cells).map(Table::text).toArray(String[]::new));
    return this;
  }

  /** The number of rows below the header. */
  public int size() {
    return rows.size() - 1;
  }

  /** The table as lines; the last column is not padded. */
  public String render() {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - row[c].length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String text(Object cell) {
    if (cell == null) {
      return "-";
    }
    String text = cell instanceof Wire wire ? wire.wire() : String.valueOf(cell);
    return text.isEmpty() ? "-" : text.replaceAll("\\s+", " ");
  }
}
