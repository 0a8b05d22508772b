package dev.harbor.hub.importer;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain, independent read of an official registry listing, for deriving test expectations. */
record OfficialListing(List<JsonNode> items) {

  static OfficialListing read(Path file) throws IOException {
    JsonNode root = ObjectMapper.getDefault().readValue(Files.readAllBytes(file), JsonNode.class);
    List<JsonNode> items = new ArrayList<>();
    root.get("servers").values().forEach(items::add);
    return new OfficialListing(items);
  }

  static String name(JsonNode item) {
    return item.get("server").get("name").getStringValue();
  }

  static JsonNode meta(JsonNode item) {
    return item.get("_meta").get("io.modelcontextprotocol.registry/official");
  }

  static Instant updatedAt(JsonNode item) {
    return Instant.parse(meta(item).get("updatedAt").getStringValue());
  }

  static Instant publishedAt(JsonNode item) {
    return Instant.parse(meta(item).get("publishedAt").getStringValue());
  }

  static boolean isLatest(JsonNode item) {
    JsonNode flag = meta(item).get("isLatest");
    return flag != null && flag.getBooleanValue();
  }

  /** Items grouped by server name, in listing order. */
  Map<String, List<JsonNode>> byName() {
    Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
    items.forEach(item -> byName.computeIfAbsent(name(item), n -> new ArrayList<>()).add(item));
    return byName;
  }
}
