package dev.harbor.schemas.node;

import java.util.regex.Pattern;

/**
 * A node's id: lower-case letters, digits and '-', at most 48 characters, starting with a letter or
 * digit. It names the node's topics, so the records that carry one check it on construction. Kept
 * apart from the topic registry so the records need no Kafka classes.
 */
public final class NodeIds {

  public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");

  private NodeIds() {}

  /** The id itself when it is valid. */
  public static String require(String nodeId) {
    if (nodeId == null || !PATTERN.matcher(nodeId).matches()) {
      throw new IllegalArgumentException("node id '" + nodeId + "' must match " + PATTERN.pattern());
    }
    return nodeId;
  }
}
