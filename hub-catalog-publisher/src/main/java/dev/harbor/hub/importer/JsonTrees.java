package dev.harbor.hub.importer;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain maps, lists and scalars (the shape {@link Tree} views), and writes them
 * back.
 */
final class JsonTrees {

  private JsonTrees() {}

  /**
   * Parses a JSON document; throws {@link IOException}, and only that, when it is not JSON (the
   * parser's unchecked failures included), so callers can treat every bad document alike.
   */
  static Tree parse(byte[] json) throws IOException {
    JsonNode node;
    try {
      node = ObjectMapper.getDefault().readValue(json, JsonNode.class);
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
    if (node == null) {
      throw new IOException("empty document");
    }
    return Tree.of(plain(node));
  }

  /** Compact JSON text of a plain value (used for non-scalar parameter defaults). */
  static String write(Object plain) {
    try {
      return ObjectMapper.getDefault().writeValueAsString(JsonNode.from(plain));
    } catch (IOException | IllegalArgumentException e) {
      return String.valueOf(plain);
    }
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.entries()) {
        map.put(field.getKey(), plain(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode item : node.values()) {
        list.add(plain(item));
      }
      return list;
    }
    if (node.isString()) {
      return node.getStringValue();
    }
    if (node.isNumber()) {
      return node.getNumberValue();
    }
    if (node.isBoolean()) {
      return node.getBooleanValue();
    }
    return null;
  }
}
