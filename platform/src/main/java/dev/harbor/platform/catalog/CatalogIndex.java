package dev.harbor.platform.catalog;

import dev.harbor.platform.mirror.MirrorListener;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * In-memory search index over catalog entries, fed by a {@link dev.harbor.platform.mirror.TopicMirror}
 * (it is a {@link MirrorListener}). Each entry keeps its lower-cased searchable text, so a search is
 * one pass over the entries without decoding anything. Safe for concurrent reads while the mirror
 * thread writes.
 */
public final class CatalogIndex implements MirrorListener<CatalogEntry> {

  /** Best first: higher score, then name, then id (ids are unique, so the order is total). */
  private static final Comparator<Scored> RANKING =
      Comparator.comparingInt(Scored::score)
          .reversed()
          .thenComparing((Scored s) -> s.indexed.sortName)
          .thenComparing(s -> s.indexed.entry.id());

  private final ConcurrentHashMap<String, Indexed> entries = new ConcurrentHashMap<>();

  @Override
  public void upsert(String key, CatalogEntry value) {
    entries.put(key, new Indexed(value));
  }

  @Override
  public void remove(String key) {
    entries.remove(key);
  }

  public Optional<CatalogEntry> get(String id) {
    Indexed indexed = entries.get(id);
    return indexed == null ? Optional.empty() : Optional.of(indexed.entry);
  }

  public int size() {
    return entries.size();
  }

  /** A snapshot of every entry, in no particular order. */
  public List<CatalogEntry> all() {
    return entries.values().stream().map(Indexed::entry).toList();
  }

  public Page<CatalogEntry> search(CatalogQuery query) {
    return search(query, entry -> true);
  }

  /**
   * Matches every term (each must appear in the name, description, tags, slug, id or publisher) and
   * every filter, plus {@code extra}; ranks by where the terms were found (see {@code score}), then by
   * name.
   */
  public Page<CatalogEntry> search(CatalogQuery query, Predicate<CatalogEntry> extra) {
    int wanted = (int) Math.min((long) query.page() * query.size() + query.size(), Integer.MAX_VALUE);
    // Keeps only the best `wanted` matches (the worst on top), so a page costs n log k, not a full sort.
    PriorityQueue<Scored> best = new PriorityQueue<>(Math.min(wanted, 1024) + 1, RANKING.reversed());
    int total = 0;
    for (Indexed indexed : entries.values()) {
      if (!listed(indexed.entry, query) || !filtered(indexed.entry, query)) {
        continue;
      }
      int score = indexed.score(query.terms());
      if (score >= 0 && extra.test(indexed.entry)) {
        total++;
        best.offer(new Scored(indexed, score));
        if (best.size() > wanted) {
          best.poll();
        }
      }
    }
    List<Scored> ranked = new ArrayList<>(best);
    ranked.sort(RANKING);
    int from = (int) Math.min((long) query.page() * query.size(), ranked.size());
    int to = Math.min(from + query.size(), ranked.size());
    List<CatalogEntry> items = ranked.subList(from, to).stream().map(s -> s.indexed.entry).toList();
    return new Page<>(items, query.page(), query.size(), total);
  }

  /** Distinct values of a facet across listed entries, for filter menus. */
  public List<String> facet(java.util.function.Function<CatalogEntry, Collection<String>> values) {
    return entries.values().stream()
        .map(Indexed::entry)
        .filter(e -> e.status() != EntryStatus.HIDDEN && e.visibility() == Visibility.PUBLIC)
        .flatMap(e -> values.apply(e).stream())
        .filter(v -> v != null && !v.isBlank())
        .distinct()
        .sorted()
        .toList();
  }

  private static boolean listed(CatalogEntry entry, CatalogQuery query) {
    if (query.status() == EntryStatus.HIDDEN) {
      return true;
    }
    return entry.status() != EntryStatus.HIDDEN && entry.visibility() == Visibility.PUBLIC;
  }

  private static boolean filtered(CatalogEntry entry, CatalogQuery query) {
    return (query.status() == null || entry.status() == query.status())
        && (query.transport() == null || entry.transport() == query.transport())
        && (query.launcherKind() == null || entry.launcherKind() == query.launcherKind())
        && (query.publisher() == null || query.publisher().equals(lower(entry.publisher())))
        && (query.category() == null || query.category().equals(lower(entry.category())))
        && (query.tags().isEmpty()
            || entry.tags().stream().map(CatalogIndex::lower).toList().containsAll(query.tags()));
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private record Scored(Indexed indexed, int score) {}

  /** An entry with its pre-lowered text. */
  private static final class Indexed {
    private final CatalogEntry entry;
    private final String sortName;
    private final List<String> tags;
    private final String text;

    Indexed(CatalogEntry entry) {
      this.entry = entry;
      this.sortName = entry.name().toLowerCase(Locale.ROOT);
      this.tags = entry.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
      this.text =
          String.join(
                  " ",
                  entry.name(),
                  entry.slug(),
                  entry.id(),
                  entry.description() == null ? "" : entry.description(),
                  entry.publisher() == null ? "" : entry.publisher(),
                  String.join(" ", entry.tags()))
              .toLowerCase(Locale.ROOT);
    }

    CatalogEntry entry() {
      return entry;
    }

    /**
     * -1 when some term is missing. Otherwise each term scores by where it is found: the whole display
     * name 8, a word of the display name 6, part of the display name 4, a tag 3, anywhere else
     * (slug, id, description, publisher) 1.
     */
    int score(List<String> terms) {
      int score = 0;
      for (String term : terms) {
        if (sortName.equals(term)) {
          score += 8;
        } else if (isWordOf(sortName, term)) {
          score += 6;
        } else if (sortName.contains(term)) {
          score += 4;
        } else if (tags.contains(term)) {
          score += 3;
        } else if (text.contains(term)) {
          score += 1;
        } else {
          return -1;
        }
      }
      return score;
    }

    private static boolean isWordOf(String name, String term) {
      int at = name.indexOf(term);
      while (at >= 0) {
        boolean startsWord = at == 0 || !Character.isLetterOrDigit(name.charAt(at - 1));
        int end = at + term.length();
        boolean endsWord = end == name.length() || !Character.isLetterOrDigit(name.charAt(end));
        if (startsWord && endsWord) {
          return true;
        }
        at = name.indexOf(term, at + 1);
      }
      return false;
    }
  }
}
