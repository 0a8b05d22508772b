package dev.harbor.bench;

import dev.harbor.platform.catalog.CatalogQuery;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.Transport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A fixed set of catalog searches derived from the real entries, used unchanged at every catalog size
 * so latencies compare. Each query is built by {@link CatalogQuery#parse} from the parameters the HTTP
 * API would receive.
 */
record QueryMix(List<QueryMix.Search> searches) {

  /** The shape of a search, for the per-kind breakdown. */
  enum Kind {
    ONE_TERM("one term"),
    TWO_TERMS("two terms"),
    FILTER("filter only"),
    TERM_AND_FILTER("term + filter"),
    BROWSE("browse (no parameters)"),
    NO_MATCH("no match");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** One search: its kind, its parameters as a query string, and the parsed query. */
  record Search(Kind kind, String parameters, CatalogQuery query) {}

  private static final int ONE_TERM_QUERIES = 8;
  private static final int TWO_TERM_QUERIES = 4;
  private static final int MIN_WORD = 4;

  static QueryMix from(List<CatalogEntry> entries) {
    List<CatalogEntry> byId =
        entries.stream().sorted(Comparator.comparing(CatalogEntry::id)).toList();
    List<Search> searches = new ArrayList<>();
    List<String> terms = nameTerms(byId, ONE_TERM_QUERIES);
    for (String term : terms) {
      searches.add(search(Kind.ONE_TERM, Map.of("q", term)));
    }
    for (String pair : termPairs(byId, TWO_TERM_QUERIES)) {
      searches.add(search(Kind.TWO_TERMS, Map.of("q", pair)));
    }
    searches.add(search(Kind.FILTER, Map.of("launcherKind", "docker")));
    searches.add(search(Kind.FILTER, Map.of("launcherKind", "remote")));
    searches.add(search(Kind.FILTER, Map.of("transport", "stdio")));
    searches.add(search(Kind.FILTER, Map.of("transport", "streamable_http")));
    mostCommon(byId, CatalogEntry::tags)
        .ifPresent(tag -> searches.add(search(Kind.FILTER, Map.of("tags", tag))));
    mostCommon(byId, e -> e.category() == null ? List.of() : List.of(e.category()))
        .ifPresent(category -> searches.add(search(Kind.FILTER, Map.of("category", category))));
    nameTerm(byId, e -> e.launcherKind() == LauncherKind.DOCKER)
        .ifPresent(t -> searches.add(search(Kind.TERM_AND_FILTER, Map.of("q", t, "launcherKind", "docker"))));
    nameTerm(byId, e -> e.transport() == Transport.STDIO)
        .ifPresent(t -> searches.add(search(Kind.TERM_AND_FILTER, Map.of("q", t, "transport", "stdio"))));
    searches.add(search(Kind.BROWSE, Map.of()));
    searches.add(search(Kind.NO_MATCH, Map.of("q", "qqzzx-no-such-server")));
    return new QueryMix(List.copyOf(searches));
  }

  /** Each kind with the parameters of its searches, for the report. */
  Map<Kind, List<String>> parametersByKind() {
    Map<Kind, List<String>> byKind = new LinkedHashMap<>();
    for (Search search : searches) {
      byKind.computeIfAbsent(search.kind(), k -> new ArrayList<>()).add(search.parameters());
    }
    return byKind;
  }

  private static Search search(Kind kind, Map<String, String> parameters) {
    String shown =
        new TreeMap<>(parameters)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    return new Search(kind, shown.isEmpty() ? "(none)" : shown, CatalogQuery.parse(parameters));
  }

  /** The longest word of the names of entries spread evenly over the id order, without repeats. */
  private static List<String> nameTerms(List<CatalogEntry> byId, int wanted) {
    Set<String> terms = new LinkedHashSet<>();
    for (int i = 0; i < byId.size() && terms.size() < wanted; i += Math.max(1, byId.size() / wanted)) {
      longest(words(byId.get(i).name())).ifPresent(terms::add);
    }
    if (terms.size() < 2) {
      throw new IllegalStateException("the catalog names give fewer than two search terms");
    }
    return List.copyOf(terms);
  }

  /** A word of an entry's name and a word of its description, so each pair matches something. */
  private static List<String> termPairs(List<CatalogEntry> byId, int wanted) {
    List<String> pairs = new ArrayList<>();
    int step = Math.max(1, byId.size() / wanted);
    for (int i = step / 2; i < byId.size() && pairs.size() < wanted; i += step) {
      CatalogEntry entry = byId.get(i);
      List<String> name = words(entry.name());
      Optional<String> fromDescription =
          longest(
              words(entry.description() == null ? "" : entry.description()).stream()
                  .filter(w -> !name.contains(w))
                  .toList());
      if (!name.isEmpty() && fromDescription.isPresent()) {
        pairs.add(name.get(0) + " " + fromDescription.get());
      }
    }
    return pairs;
  }

  /** A name word of the first entry past the middle of the id order that passes the filter. */
  private static Optional<String> nameTerm(List<CatalogEntry> byId, Predicate<CatalogEntry> filter) {
    for (int i = 0; i < byId.size(); i++) {
      CatalogEntry entry = byId.get((byId.size() / 2 + i) % byId.size());
      Optional<String> term = filter.test(entry) ? longest(words(entry.name())) : Optional.empty();
      if (term.isPresent()) {
        return term;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> longest(List<String> words) {
    return words.stream()
        .max(Comparator.comparingInt(String::length).thenComparing(Comparator.reverseOrder()));
  }

  private static Optional<String> mostCommon(
      List<CatalogEntry> entries, Function<CatalogEntry, List<String>> values) {
    Map<String, Long> counts =
        entries.stream()
            .flatMap(e -> values.apply(e).stream())
            .map(v -> v.toLowerCase(Locale.ROOT))
            .filter(v -> !words(v).isEmpty() && v.matches("[a-z0-9 ._-]+"))
            .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue())
        .map(Map.Entry::getKey);
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(w -> w.length() >= MIN_WORD && !w.chars().allMatch(Character::isDigit))
        .toList();
  }
}
