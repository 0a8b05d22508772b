package dev.harbor.app.cli;

import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.sdk.HarborClient;
import dev.harbor.sdk.InstanceFilter;
import dev.harbor.sdk.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code mcpServers} of every active instance of a Node in one map, as Claude Desktop, Cursor and
 * VS Code read it. A server name two instances share is kept for the first, the later one gets its
 * instance id appended.
 */
final class MergedConfig {

  private static final int PAGE_SIZE = 200;

  private final HarborClient harbor;

  MergedConfig(HarborClient harbor) {
    this.harbor = harbor;
  }

  Map<String, Map<String, Object>> build() {
    Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
    int pageNumber = 0;
    Page<Instance> page;
    do {
      page = harbor.instances(InstanceFilter.all().status(InstanceStatus.ACTIVE).page(pageNumber++).size(PAGE_SIZE));
      for (Instance instance : page.items()) {
        harbor.instance(instance.id()).clientConfig().ifPresent(config ->
            config.mcpServers().forEach((name, server) ->
                merged.put(merged.containsKey(name) ? name + "-" + instance.id() : name, server)));
      }
    } while (page.hasMore());
    return merged;
  }
}
