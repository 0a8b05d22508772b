package dev.harbor.platform.catalog;

import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.QueryParams;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.Transport;
import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A validated catalog search: free text over name, description and tags, exact filters, and a page.
 * Built from raw query parameters by {@link #parse}, which names the offending parameter on bad input.
 * Hidden and unlisted entries only appear when asked for with {@code status=hidden}.
 */
public record CatalogQuery(
    List<String> terms,
    Set<String> tags,
    @Nullable String publisher,
    @Nullable String category,
    @Nullable Transport transport,
    @Nullable LauncherKind launcherKind,
    @Nullable EntryStatus status,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;
  public static final int MAX_TEXT = 200;

  /** The parameters a catalog search understands; anything else is refused. */
  public static final Set<String> PARAMETERS =
      Set.of("q", "tags", "publisher", "category", "transport", "launcherKind", "status", "page", "size");

  private static final Pattern SAFE_TEXT = Pattern.compile("[\\p{L}\\p{N} ._:/@+#,-]*");

  public CatalogQuery {
    terms = List.copyOf(terms);
    tags = Set.copyOf(tags);
  }

  /** Everything, first page. */
  public static CatalogQuery all() {
    return new CatalogQuery(List.of(), Set.of(), null, null, null, null, null, 0, DEFAULT_SIZE);
  }

  /**
   * Parses raw query parameters (single values; {@code tags} is comma separated).
   *
   * @throws BadRequestException naming the parameter that is unknown, malformed or out of range
   */
  public static CatalogQuery parse(Map<String, String> params) {
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw new BadRequestException(
            name, "unknown parameter; accepted: " + PARAMETERS.stream().sorted().toList());
      }
    }
    String q = text(params, "q");
    List<String> terms =
        q == null
            ? List.of()
            : Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+")).filter(t -> !t.isEmpty()).toList();
    String tagList = text(params, "tags");
    Set<String> tags =
        tagList == null
            ? Set.of()
            : Arrays.stream(tagList.split(","))
                .map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
    return new CatalogQuery(
        terms,
        tags,
        lower(text(params, "publisher")),
        lower(text(params, "category")),
        QueryParams.wire(params.get("transport"), "transport", Transport.class),
        QueryParams.wire(params.get("launcherKind"), "launcherKind", LauncherKind.class),
        QueryParams.wire(params.get("status"), "status", EntryStatus.class),
        QueryParams.number(params.get("page"), "page", 0, 0, 1_000_000),
        QueryParams.number(params.get("size"), "size", DEFAULT_SIZE, 1, MAX_SIZE));
  }

  private static String text(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw new BadRequestException(name, "longer than " + MAX_TEXT + " characters");
    }
    if (!SAFE_TEXT.matcher(value).matches()) {
      throw new BadRequestException(
          name, "may hold only letters, digits, spaces and . _ : / @ + # , -");
    }
    return value.trim();
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }


}
