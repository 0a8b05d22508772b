package dev.harbor.platform.catalog;

import dev.harbor.platform.http.BadRequestException;
import io.micronaut.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an HTTP request's query string into the single-valued map {@link CatalogQuery#parse} reads. */
public final class CatalogRequests {

  private CatalogRequests() {}

  /**
   * Every query parameter with its one value.
   *
   * @param accepted parameters this endpoint understands; any other name is refused
   * @throws BadRequestException for an unknown parameter or one given twice
   */
  public static Map<String, String> params(HttpRequest<?> request, Set<String> accepted) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String name : request.getParameters().names()) {
      if (!accepted.contains(name)) {
        throw new BadRequestException(
            name, "unknown parameter; accepted: " + accepted.stream().sorted().toList());
      }
      List<String> values = request.getParameters().getAll(name);
      if (values.size() > 1) {
        throw new BadRequestException(name, "given more than once");
      }
      params.put(name, values.isEmpty() ? "" : values.get(0));
    }
    return params;
  }

  /** Checks a catalog id taken from a URL path. */
  public static String id(String id) {
    if (!dev.harbor.schemas.catalog.CatalogEntry.isValidId(id)) {
      throw new BadRequestException(
          "id", "not a catalog id (lower-case letters, digits, '.' and '-', at most 160)");
    }
    return id;
  }
}
