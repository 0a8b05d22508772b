package dev.harbor.audit;

import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.QueryParams;
import dev.harbor.schemas.Wire;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.audit.AuditOutcome;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated question to a node's audit trail. Every filter is optional and all given filters must
 * hold: {@code instanceId}, {@code actorName}, {@code actorKind}, {@code catalogId} and
 * {@code outcome} match exactly, {@code types} matches any of its types, {@code from} (inclusive)
 * and {@code to} (exclusive) bound the event time, and {@code text} is found, ignoring case, in the
 * message, the reason or any details value. Results come newest first, {@code size} per page,
 * pages counted from 0.
 *
 * <p>{@link #parse} builds a query from request parameters named exactly like the components.
 */
public record AuditQuery(
    @Nullable String instanceId,
    @Nullable String actorName,
    @Nullable CallerKind actorKind,
    @Nullable String catalogId,
    Set<AuditEventType> types,
    @Nullable AuditOutcome outcome,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable String text,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;
  /** The furthest a page may start ({@code page * size}); beyond it, narrow the time range instead. */
  public static final int MAX_OFFSET = 100_000;
  public static final int MAX_TEXT = 200;

  /** The parameters {@link #parse} understands; any other name is refused. */
  public static final Set<String> PARAMETERS =
      Set.of(
          "instanceId", "actorName", "actorKind", "catalogId", "types", "outcome", "from", "to", "text",
          "page", "size");

  /**
   * @throws IllegalArgumentException when the page or size is out of range or {@code from} is after
   *     {@code to}; {@link #parse} reports the same problems as {@link BadRequestException}
   */
  public AuditQuery {
    types = types == null || types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    if (page < 0 || size < 1 || size > MAX_SIZE || (long) page * size > MAX_OFFSET) {
      throw new IllegalArgumentException(
          "page " + page + " of size " + size + " is out of range (size 1.." + MAX_SIZE
              + ", page * size at most " + MAX_OFFSET + ")");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  /** Every event, newest first, first page of {@link #DEFAULT_SIZE}. */
  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, Set.of(), null, null, null, null, 0, DEFAULT_SIZE);
  }

  /** The same filters, another page. */
  public AuditQuery withPage(int page) {
    return new AuditQuery(
        instanceId, actorName, actorKind, catalogId, types, outcome, from, to, text, page, size);
  }

  /**
   * Parses single-valued request parameters. Blank values count as absent; {@code types} is a
   * comma-separated list of wire names; times are RFC 3339 ({@code 2025-12-03T08:00:00Z}, an
   * offset instead of {@code Z} is accepted).
   *
   * @throws BadRequestException naming the parameter that is unknown, malformed or out of range
   */
  public static AuditQuery parse(Map<String, String> params) {
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw new BadRequestException(
            name, "unknown parameter; accepted: " + PARAMETERS.stream().sorted().toList());
      }
    }
    String catalogId = text(params, "catalogId");
    if (catalogId != null && !CatalogEntry.isValidId(catalogId)) {
      throw new BadRequestException(
          "catalogId", "not a catalog id (lower-case letters, digits, '.' and '-', at most 160)");
    }
    Instant from = time(params, "from");
    Instant to = time(params, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadRequestException("from", "must not be after to");
    }
    int size = QueryParams.number(text(params, "size"), "size", DEFAULT_SIZE, 1, MAX_SIZE);
    int page = QueryParams.number(text(params, "page"), "page", 0, 0, MAX_OFFSET);
    if ((long) page * size > MAX_OFFSET) {
      throw new BadRequestException(
          "page",
          "page * size must not exceed " + MAX_OFFSET + "; narrow the query with 'to' instead");
    }
    return new AuditQuery(
        text(params, "instanceId"),
        text(params, "actorName"),
        QueryParams.wire(lowerCase(text(params, "actorKind")), "actorKind", CallerKind.class),
        catalogId,
        types(params),
        QueryParams.wire(lowerCase(text(params, "outcome")), "outcome", AuditOutcome.class),
        from,
        to,
        text(params, "text"),
        page,
        size);
  }

  /** Whether the event passes every filter of this query (paging aside). */
  public boolean matches(AuditEvent event) {
    return (instanceId == null || instanceId.equals(event.instanceId()))
        && (actorName == null || actorName.equals(event.actor().name()))
        && (actorKind == null || actorKind == event.actor().kind())
        && (catalogId == null || catalogId.equals(event.catalogId()))
        && (types.isEmpty() || types.contains(event.type()))
        && (outcome == null || outcome == event.outcome())
        && (from == null || !event.at().isBefore(from))
        && (to == null || event.at().isBefore(to))
        && (text == null || containsText(event));
  }

  private boolean containsText(AuditEvent event) {
    if (containsIgnoreCase(event.message(), text) || containsIgnoreCase(event.reason(), text)) {
      return true;
    }
    for (String value : event.details().values()) {
      if (containsIgnoreCase(value, text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsIgnoreCase(@Nullable String haystack, String needle) {
    if (haystack == null) {
      return false;
    }
    if (needle.isEmpty()) {
      return true;
    }
    char lower = Character.toLowerCase(needle.charAt(0));
    char upper = Character.toUpperCase(needle.charAt(0));
    int last = haystack.length() - needle.length();
    for (int i = 0; i <= last; i++) {
      char c = haystack.charAt(i);
      if ((c == lower || c == upper || Character.toLowerCase(c) == lower)
          && haystack.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }

  private static String text(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw new BadRequestException(name, "longer than " + MAX_TEXT + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new BadRequestException(name, "must not contain control characters");
    }
    return value.trim();
  }

  private static @Nullable String lowerCase(@Nullable String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private static Set<AuditEventType> types(Map<String, String> params) {
    String list = text(params, "types");
    if (list == null) {
      return Set.of();
    }
    Set<AuditEventType> types = new LinkedHashSet<>();
    for (String name : List.of(list.split(","))) {
      String trimmed = name.trim().toLowerCase(Locale.ROOT);
      if (!trimmed.isEmpty()) {
        try {
          types.add(Wire.parse(AuditEventType.class, trimmed));
        } catch (IllegalArgumentException e) {
          throw new BadRequestException("types", e.getMessage());
        }
      }
    }
    return types;
  }



  private static Instant time(Map<String, String> params, String name) {
    String value = text(params, name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          name, "not an RFC 3339 time such as 2025-12-03T08:00:00Z: '" + value + "'");
    }
  }


}
