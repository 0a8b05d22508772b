package dev.harbor.app.cli;

import dev.harbor.schemas.api.CatalogItem;
import dev.harbor.schemas.api.ImportedServer;
import dev.harbor.schemas.api.InstanceStatusView;
import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.Actor;
import dev.harbor.sdk.TokenInfo;
import java.util.Collection;
import java.util.List;

/** The tables people see for the API's records. */
public final class Views {

  private Views() {}

  /** Catalog entries, one a row. */
  public static Table catalog(Collection<CatalogItem> items) {
    Table table = Table.of("ID", "NAME", "TRANSPORT", "STATE", "TAGS");
    items.forEach(item -> table.row(item.id(), item.entry().name(), item.entry().transport(),
        item.local().enabled() ? "enabled" : "disabled", String.join(",", item.entry().tags())));
    return table;
  }

  /** One catalog entry, a field a row. */
  public static Table entry(CatalogItem item) {
    CatalogEntry entry = item.entry();
    return Table.of("FIELD", "VALUE")
        .row("id", entry.id())
        .row("name", entry.name())
        .row("publisher", entry.publisher())
        .row("description", entry.description())
        .row("tags", String.join(",", entry.tags()))
        .row("transport", entry.transport())
        .row("launcher", entry.launcherKind())
        .row("image", entry.image())
        .row("state", item.local().enabled() ? "enabled" : "disabled")
        .row("reason", item.local().reason());
  }

  /** Instances, one a row. */
  public static Table instances(Collection<Instance> instances) {
    Table table = Table.of("INSTANCE", "CATALOG", "STATUS", "REQUESTED BY", "UPDATED");
    instances.forEach(i -> table.row(i.id(), i.catalogId(), i.status(), actor(i.requestedBy()), i.updatedAt()));
    return table;
  }

  /** One instance as a single row. */
  public static Table instance(Instance instance) {
    return instances(List.of(instance));
  }

  /** Where an instance is. */
  public static Table status(InstanceStatusView view) {
    return Table.of("INSTANCE", "STATUS", "APPROVAL", "ERROR", "UPDATED")
        .row(view.id(), view.status(), view.approvalState(), view.errorMessage(), view.updatedAt());
  }

  /** Audit events, in the order given. */
  public static Table events(Collection<AuditEvent> events) {
    Table table = Table.of("AT", "TYPE", "OUTCOME", "ACTOR", "INSTANCE", "MESSAGE");
    events.forEach(e -> table.row(e.at(), e.type(), e.outcome(), actor(e.actor()), e.instanceId(), e.message()));
    return table;
  }

  /** One audit event as a line, for a followed log. */
  public static String eventLine(AuditEvent event) {
    return event.at() + "  " + event.type().wire() + "  " + (event.outcome() == null ? "-" : event.outcome().wire())
        + "  " + actor(event.actor()) + "  " + event.message();
  }

  /** Active tokens, without values. */
  public static Table tokens(Collection<TokenInfo> tokens) {
    Table table = Table.of("ID", "KIND", "NAME", "CREATED", "CREATED BY");
    tokens.forEach(t -> table.row(t.id(), t.kind(), t.name(), t.createdAt(), t.createdBy() == null ? null : actor(t.createdBy())));
    return table;
  }

  /**
   * What a configuration import did, a pasted server a row: how it was recognised, the instance, and
   * the secrets an operator still has to supply (names only).
   */
  public static Table imported(Collection<ImportedServer> servers) {
    Table table = Table.of("SERVER", "RESULT", "CATALOG ID", "MATCHED BY", "INSTANCE", "NOTE");
    servers.forEach(s -> table.row(s.name(), s.status(), s.catalogId(),
        s.matchedBy() == null ? null : s.matchedBy() + " " + s.matched(),
        s.instanceId() == null ? null : s.instanceId() + (s.instanceStatus() == null ? "" : " (" + s.instanceStatus().wire() + ")"),
        note(s)));
    return table;
  }

  private static String note(ImportedServer server) {
    java.util.List<String> notes = new java.util.ArrayList<>();
    if (!server.secretsToSupply().isEmpty()) {
      notes.add("supply secrets: " + String.join(", ", server.secretsToSupply()));
    }
    if (!server.ignoredEnv().isEmpty()) {
      notes.add("env not used: " + String.join(", ", server.ignoredEnv()));
    }
    if (server.detail() != null) {
      notes.add(server.detail());
    }
    return notes.isEmpty() ? null : String.join("; ", notes);
  }

  private static String actor(Actor actor) {
    return actor == null ? null : actor.kind().wire() + ":" + actor.name();
  }
}
