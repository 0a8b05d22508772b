package dev.harbor.platform.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.harbor.platform.http.QueryParams;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One page of results: the items, the zero-based page number, the page size and the total matches.
 * {@code items} is written even when empty, so a page past the end reads as one.
 */
@Serdeable
public record Page<T>(@JsonInclude(JsonInclude.Include.ALWAYS) List<T> items, int page, int size, long total) {

  /** The query parameters of a page: {@code page} (zero-based) and {@code size}. */
  public static final Set<String> PARAMETERS = Set.of("page", "size");

  /** The size of a page when the request names none, and the largest one it may ask for. */
  public static final int DEFAULT_SIZE = 50;

  public static final int MAX_SIZE = 200;

  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /**
   * The page of {@code all} that the request's {@code page} and {@code size} parameters select, with
   * the total; a bad value is a 400 naming the parameter.
   */
  public static <T> Page<T> slice(List<T> all, Map<String, String> params) {
    int page = QueryParams.number(params.get("page"), "page", 0, 0, 1_000_000);
    int size = QueryParams.number(params.get("size"), "size", DEFAULT_SIZE, 1, MAX_SIZE);
    long from = (long) page * size;
    List<T> items = from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + size));
    return new Page<>(items, page, size, all.size());
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
