package dev.harbor.sdk;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a listing: the items, the zero-based page number, the page size and how many items
 * match in all.
 */
@Serdeable
public record Page<T>(List<T> items, int page, int size, long total) {

  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** True when a later page holds more items. */
  public boolean hasMore() {
    return (long) (page + 1) * size < total;
  }
}
