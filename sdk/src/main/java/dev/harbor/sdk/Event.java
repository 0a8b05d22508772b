package dev.harbor.sdk;

import dev.harbor.schemas.api.ApprovalItem;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.node.CatalogEntryState;

/**
 * One change a Node reports on {@code GET /v1/mcp/events}: an instance changed, an approval was
 * requested, answered or expired, an entry was enabled or disabled on the Node. An event name this
 * SDK does not know arrives as {@link Other}, with its raw data.
 */
public sealed interface Event {

  /** The server-sent event's name: {@code instance}, {@code approval}, {@code catalog-state}, ... */
  String name();

  /** An instance changed; {@code instance} is its new record. */
  record InstanceChanged(Instance instance) implements Event {
    public static final String NAME = "instance";

    @Override
    public String name() {
      return NAME;
    }
  }

  /** An approval appeared or changed. */
  record ApprovalChanged(ApprovalItem approval) implements Event {
    public static final String NAME = "approval";

    @Override
    public String name() {
      return NAME;
    }
  }

  /** An entry was enabled or disabled on this Node. */
  record CatalogStateChanged(CatalogEntryState state) implements Event {
    public static final String NAME = "catalog-state";

    @Override
    public String name() {
      return NAME;
    }
  }

  /** An event of a name this SDK does not know, with its data as sent. */
  record Other(String name, String data) implements Event {}
}
