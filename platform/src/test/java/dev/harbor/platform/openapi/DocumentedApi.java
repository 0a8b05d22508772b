package dev.harbor.platform.openapi;

import dev.harbor.schemas.Wire;
import io.micronaut.web.router.Router;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a service's OpenAPI document for comparison with the running service; shared by the Node's
 * and the Hub's OpenAPI tests through this module's test jar. Routes are compared as
 * {@code "METHOD /path/{variable}"}, path variables without their patterns and query parts dropped.
 * The router answers HEAD for every GET route by itself; such a HEAD route is implied by its GET and
 * not compared. {@code GET /openapi.yml} serves the document and is not listed in it.
 */
public final class DocumentedApi {

  /** The route that serves the document; the document does not list itself. */
  public static final String DOCUMENT_ROUTE = "GET /openapi.yml";

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private DocumentedApi() {}

  /** Every URI route the service's router matches, but the document's own and implied HEADs. */
  public static Set<String> served(Router router) {
    Set<String> routes = router.uriRoutes()
        .map(route -> route.getHttpMethodName() + " " + normalise(route.getUriMatchTemplate().toString()))
        .collect(Collectors.toCollection(TreeSet::new));
    routes.removeIf(route -> route.startsWith("HEAD ") && routes.contains("GET " + route.substring(5)));
    routes.remove(DOCUMENT_ROUTE);
    return routes;
  }

  /** Every operation the document lists under {@code paths}. */
  public static Set<String> documented(Map<String, Object> document) {
    Set<String> routes = new TreeSet<>();
    paths(document).forEach((path, item) -> operations(item).keySet().forEach(method ->
        routes.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path))));
    return routes;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Map<String, Object>> paths(Map<String, Object> document) {
    return (Map<String, Map<String, Object>>) document.get("paths");
  }

  /** The operations of one path item, by lower-case method. */
  @SuppressWarnings("unchecked")
  public static Map<String, Map<String, Object>> operations(Map<String, Object> pathItem) {
    return pathItem.entrySet().stream()
        .filter(e -> METHODS.contains(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, e -> (Map<String, Object>) e.getValue()));
  }

  /**
   * The names of the query parameters one operation documents, following {@code $ref}s into {@code
   * components/parameters}; a dangling reference fails.
   */
  @SuppressWarnings("unchecked")
  public static Set<String> queryParameters(Map<String, Object> document, String path, String method) {
    Map<String, Object> components = (Map<String, Object>) document.get("components");
    Map<String, Object> defined = (Map<String, Object>) components.getOrDefault("parameters", Map.of());
    Map<String, Object> operation = operations(paths(document).get(path)).get(method);
    List<Map<String, Object>> parameters =
        (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> parameter : parameters) {
      Map<String, Object> resolved = parameter;
      if (parameter.containsKey("$ref")) {
        String ref = parameter.get("$ref").toString();
        resolved = (Map<String, Object>) defined.get(ref.substring(ref.lastIndexOf('/') + 1));
        if (resolved == null) {
          throw new AssertionError(method + " " + path + " refers to an undefined parameter " + ref);
        }
      }
      if ("query".equals(resolved.get("in"))) {
        names.add(resolved.get("name").toString());
      }
    }
    return names;
  }

  /** The enum values of every enumerated schema under {@code components/schemas}, by schema name. */
  @SuppressWarnings("unchecked")
  public static Map<String, List<Object>> enumSchemas(Map<String, Object> document) {
    Map<String, Object> components = (Map<String, Object>) document.get("components");
    Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) components.get("schemas");
    Map<String, List<Object>> enums = new TreeMap<>();
    schemas.forEach((name, schema) -> {
      if (schema.containsKey("enum")) {
        enums.put(name, (List<Object>) schema.get("enum"));
      }
    });
    return enums;
  }

  /** The wire names of a contract enum, in declaration order. */
  public static List<String> wireNames(Class<? extends Wire> type) {
    return Arrays.stream(type.getEnumConstants()).map(Wire::wire).toList();
  }

  /** {@code /a/{id:[0-9]+}{?q,size}/} becomes {@code /a/{id}}. */
  public static String normalise(String template) {
    String path = template
        .replaceAll("\\{[?&][^}]*}", "")
        .replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
