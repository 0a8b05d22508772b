package dev.harbor.sdk;

import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.Transport;
import java.util.Locale;

/**
 * A catalog search: words that must all appear, tags the entry must all carry, exact filters and
 * paging. Every part is optional; {@link #all()} finds every listed entry. Built fluently, then
 * passed to {@link HarborClient#search}:
 *
 * <pre>{@code CatalogSearch.text("github").tags("official").launcherKind(LauncherKind.DOCKER).size(10)}</pre>
 */
public final class CatalogSearch extends PagedQuery<CatalogSearch> {

  /** Which entries by this Node's own state. */
  public enum State {
    ENABLED,
    DISABLED,
    ALL
  }

  private CatalogSearch() {}

  /** Every entry, first page. */
  public static CatalogSearch all() {
    return new CatalogSearch();
  }

  /** Entries whose name, description, tags, slug, id or publisher hold every word of {@code words}. */
  public static CatalogSearch text(String words) {
    return new CatalogSearch().q(words);
  }

  /** Words that must all appear (case-insensitive). */
  public CatalogSearch q(String words) {
    query.put("q", words);
    return this;
  }

  /** Tags the entry must all carry. */
  public CatalogSearch tags(String... tags) {
    query.put("tags", tags.length == 0 ? null : String.join(",", tags));
    return this;
  }

  public CatalogSearch publisher(String publisher) {
    query.put("publisher", publisher);
    return this;
  }

  public CatalogSearch category(String category) {
    query.put("category", category);
    return this;
  }

  public CatalogSearch transport(Transport transport) {
    query.put("transport", transport == null ? null : transport.wire());
    return this;
  }

  /** {@code docker}: Harbor can run it; {@code remote}: a hosted server; {@code package}: npm, PyPI, ... only. */
  public CatalogSearch launcherKind(LauncherKind kind) {
    query.put("launcherKind", kind == null ? null : kind.wire());
    return this;
  }

  /** Hidden and unlisted entries appear only with {@link EntryStatus#HIDDEN}. */
  public CatalogSearch status(EntryStatus status) {
    query.put("status", status == null ? null : status.wire());
    return this;
  }

  /** Enabled or disabled on this Node; all by default. */
  public CatalogSearch state(State state) {
    query.put("state", state == null ? null : state.name().toLowerCase(Locale.ROOT));
    return this;
  }

  @Override
  CatalogSearch self() {
    return this;
  }
}
