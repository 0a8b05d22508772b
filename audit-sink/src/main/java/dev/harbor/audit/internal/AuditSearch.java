package dev.harbor.audit.internal;

import dev.harbor.audit.AuditPage;
import dev.harbor.audit.AuditQuery;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers an {@link AuditQuery} from the audit store. It scans one index only: of the exact filters
 * the query has, the one with the fewest events (known from the counters), or all events when it
 * has none; the time range narrows that scan, and the remaining filters and the text are checked
 * on each candidate event. A scan stops one match after the page, which tells whether more follow.
 */
public final class AuditSearch {

  private final ReadOnlyKeyValueStore<Bytes, byte[]> store;

  public AuditSearch(ReadOnlyKeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  public AuditPage run(AuditQuery query) {
    Plan plan = plan(query);
    long skip = (long) query.page() * query.size();
    if (plan.candidates() == 0 || (plan.counted() && skip >= plan.candidates())) {
      return new AuditPage(List.of(), query.page(), query.size(), false, plan.counted() ? plan.candidates() : 0L);
    }
    List<AuditEvent> items = new ArrayList<>(query.size());
    long matched = 0;
    boolean hasMore = false;
    try (CandidateScan scan = CandidateScan.open(store, plan.prefixes(), query.from(), query.to())) {
      while (scan.next()) {
        AuditEvent event = null;
        if (plan.checkEach()) {
          event = load(scan, plan.scansEvents());
          if (event == null || !query.matches(event)) {
            continue;
          }
        }
        if (matched >= skip) {
          if (items.size() == query.size()) {
            hasMore = true;
            break;
          }
          event = event != null ? event : load(scan, plan.scansEvents());
          if (event == null) {
            continue;
          }
          items.add(event);
        }
        matched++;
      }
    }
    Long total = plan.counted() ? Long.valueOf(plan.candidates()) : hasMore ? null : Long.valueOf(matched);
    return new AuditPage(items, query.page(), query.size(), hasMore, total);
  }

  /** Picks the index to scan: the exact filter with the fewest events, else all events. */
  private Plan plan(AuditQuery query) {
    Map<IndexField, List<String>> filters = exactFilters(query);
    IndexField driver = null;
    long candidates = count(AuditKeys.total());
    for (Map.Entry<IndexField, List<String>> filter : filters.entrySet()) {
      long matching = count(filter.getKey(), filter.getValue());
      if (driver == null || matching < candidates) {
        driver = filter.getKey();
        candidates = matching;
      }
    }
    List<byte[]> prefixes = new ArrayList<>();
    if (driver == null) {
      prefixes.add(AuditKeys.eventPrefix());
    } else {
      for (String value : filters.get(driver)) {
        prefixes.add(AuditKeys.indexPrefix(driver, value));
      }
    }
    boolean counted =
        filters.size() <= 1 && query.text() == null && query.from() == null && query.to() == null;
    boolean checkEach = filters.size() > 1 || query.text() != null;
    return new Plan(prefixes, driver == null, candidates, counted, checkEach);
  }

  /**
   * How a query is answered.
   *
   * @param prefixes the key prefixes to scan (several for several types)
   * @param scansEvents whether the scan walks the events themselves rather than an index
   * @param candidates how many events the scanned prefixes hold (ignoring the time range)
   * @param counted whether the candidates are exactly the matches, so their count is the total
   * @param checkEach whether each candidate must be loaded and checked against the query
   */
  private record Plan(
      List<byte[]> prefixes, boolean scansEvents, long candidates, boolean counted, boolean checkEach) {}

  /** The current candidate's event, or null in the (never written) case of an index entry without one. */
  private AuditEvent load(CandidateScan scan, boolean scanningEvents) {
    byte[] value = scanningEvents ? scan.value() : store.get(AuditKeys.event(scan.suffix()));
    return value == null ? null : EventCodec.decode(value);
  }

  private long count(IndexField field, List<String> values) {
    long sum = 0;
    for (String value : values) {
      sum += count(AuditKeys.count(field, value));
    }
    return sum;
  }

  private long count(Bytes counterKey) {
    return AuditKeys.countValue(store.get(counterKey));
  }

  private static Map<IndexField, List<String>> exactFilters(AuditQuery query) {
    Map<IndexField, List<String>> filters = new EnumMap<>(IndexField.class);
    if (query.instanceId() != null) {
      filters.put(IndexField.INSTANCE, List.of(query.instanceId()));
    }
    if (query.catalogId() != null) {
      filters.put(IndexField.CATALOG, List.of(query.catalogId()));
    }
    if (query.actorName() != null) {
      filters.put(IndexField.ACTOR, List.of(query.actorName()));
    }
    if (query.actorKind() != null) {
      filters.put(IndexField.ACTOR_KIND, List.of(query.actorKind().wire()));
    }
    if (!query.types().isEmpty()) {
      filters.put(
          IndexField.TYPE, query.types().stream().sorted().map(AuditEventType::wire).toList());
    }
    if (query.outcome() != null) {
      filters.put(IndexField.OUTCOME, List.of(query.outcome().wire()));
    }
    return filters;
  }
}
