package dev.harbor.node.instance;

import dev.harbor.platform.http.BadRequestException;
import dev.harbor.platform.http.QueryParams;
import dev.harbor.schemas.Wire;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.CallerKind;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated instance listing: optional filters by status, catalog entry and requester, and a page.
 * Built from raw query parameters by {@link #parse}, which names the offending parameter on bad input.
 */
public record InstanceQuery(
    @Nullable InstanceStatus status,
    @Nullable String catalogId,
    @Nullable CallerKind requestedByKind,
    @Nullable String requestedByName,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /**
   * The parameters an instance listing understands. {@code mine} (a flag) is read by {@link #mine}
   * and applied with {@link #requestedBy}, as it depends on the caller.
   */
  public static final Set<String> PARAMETERS =
      Set.of("status", "catalogId", "requestedByKind", "requestedByName", "mine", "page", "size");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** Every instance, first page. */
  public static InstanceQuery all() {
    return new InstanceQuery(null, null, null, null, 0, DEFAULT_SIZE);
  }

  /**
   * Parses raw single-valued query parameters.
   *
   * @throws BadRequestException naming the parameter that is unknown, malformed or out of range
   */
  public static InstanceQuery parse(Map<String, String> params) {
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw new BadRequestException(
            name, "unknown parameter; accepted: " + PARAMETERS.stream().sorted().toList());
      }
    }
    mine(params);
    String catalogId = value(params, "catalogId");
    if (catalogId != null && !CatalogEntry.isValidId(catalogId)) {
      throw new BadRequestException(
          "catalogId", "not a catalog id (lower-case letters, digits, '.' and '-', at most 160)");
    }
    String name = value(params, "requestedByName");
    if (name != null && !NAME.matcher(name).matches()) {
      throw new BadRequestException(
          "requestedByName", "1 to 64 letters, digits and . _ @ -");
    }
    return new InstanceQuery(
        wire(params, "status", InstanceStatus.class),
        catalogId,
        wire(params, "requestedByKind", CallerKind.class),
        name,
        number(params, "page", 0, 0, 1_000_000),
        number(params, "size", DEFAULT_SIZE, 1, MAX_SIZE));
  }

  /** True when the parameters ask for the caller's own instances ({@code mine}). */
  public static boolean mine(Map<String, String> params) {
    return QueryParams.flag(params.get("mine"), "mine");
  }

  /**
   * This query narrowed to the instances of one requester (kind and name, as the ownership rule
   * reads them).
   *
   * @throws BadRequestException naming {@code mine} when the query already names another requester
   */
  public InstanceQuery requestedBy(CallerKind kind, String name) {
    if ((requestedByKind != null && requestedByKind != kind) || (requestedByName != null && !requestedByName.equals(name))) {
      throw new BadRequestException("mine", "cannot be combined with requestedByKind or requestedByName naming someone else");
    }
    return new InstanceQuery(status, catalogId, kind, name, page, size);
  }

  /** True when the instance passes every filter of this query. */
  public boolean accepts(Instance instance) {
    return (status == null || instance.status() == status)
        && (catalogId == null || instance.catalogId().equals(catalogId))
        && (requestedByKind == null || instance.requestedBy().kind() == requestedByKind)
        && (requestedByName == null || instance.requestedBy().name().equals(requestedByName));
  }

  private static @Nullable String value(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static <E extends Enum<E> & Wire> @Nullable E wire(
      Map<String, String> params, String name, Class<E> type) {
    String value = value(params, name);
    if (value == null) {
      return null;
    }
    try {
      return Wire.parse(type, value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(name, e.getMessage());
    }
  }

  private static int number(Map<String, String> params, String name, int fallback, int min, int max) {
    String value = value(params, name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new BadRequestException(name, "must be between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name, "not a whole number: '" + value + "'");
    }
  }
}
