package dev.harbor.sdk;

import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.node.CallerKind;

/** Which instances {@link HarborClient#instances} lists; every filter is optional. Newest first. */
public final class InstanceFilter extends PagedQuery<InstanceFilter> {

  private InstanceFilter() {}

  /** Every instance, first page. */
  public static InstanceFilter all() {
    return new InstanceFilter();
  }

  public InstanceFilter status(InstanceStatus status) {
    query.put("status", status == null ? null : status.wire());
    return this;
  }

  public InstanceFilter catalogId(String catalogId) {
    query.put("catalogId", catalogId);
    return this;
  }

  public InstanceFilter requestedByKind(CallerKind kind) {
    query.put("requestedByKind", kind == null ? null : kind.wire());
    return this;
  }

  public InstanceFilter requestedByName(String name) {
    query.put("requestedByName", name);
    return this;
  }

  /** Only the instances this client's token requested (the same kind and name, as removal reads them). */
  public InstanceFilter mine() {
    query.put("mine", true);
    return this;
  }

  @Override
  InstanceFilter self() {
    return this;
  }
}
