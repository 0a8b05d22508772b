package dev.harbor.launcher;

import dev.harbor.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names and labels that make a container Harbor's. Names derive from node and instance ids; labels
 * carry the owner, node, instance, catalog entry, spec hash and order, plus an ownership proof: an
 * HMAC-SHA256 over those values under the node's launcher key ({@code
 * $HARBOR_HOME/nodes/<id>/launcher.key}, 0600, made on first start). A container whose proof does not
 * verify is a look-alike: the launcher never touches it.
 */
public final class Ownership {

  public static final String MANAGED_BY = "dev.harbor.managed-by";
  public static final String NODE = "dev.harbor.node";
  public static final String INSTANCE = "dev.harbor.instance";
  public static final String CATALOG_ID = "dev.harbor.catalog-id";
  public static final String SPEC_HASH = "dev.harbor.spec-hash";
  public static final String ORDER = "dev.harbor.order";
  public static final String PROOF = "dev.harbor.ownership";
  public static final String OWNER = "harbor";

  private final String nodeId;
  private final byte[] key;

  Ownership(String nodeId, byte[] key) {
    this.nodeId = Topics.requireNodeId(nodeId);
    this.key = key.clone();
  }

  /** The node's ownership, with its key read from (or first written to) {@code keyFile}. */
  public static Ownership load(String nodeId, Path keyFile) {
    try {
      Files.createDirectories(keyFile.getParent());
      if (!Files.exists(keyFile)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
          Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(keyFile, HexFormat.of().formatHex(fresh));
        } catch (FileAlreadyExistsException raced) {
          // another process made it first: read theirs below
        }
      }
      return new Ownership(nodeId, HexFormat.of().parseHex(Files.readString(keyFile).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the launcher key " + keyFile, e);
    }
  }

  public String nodeId() {
    return nodeId;
  }

  /** The container (or service) name of an instance: {@code harbor-<node>-<instance>}. */
  public String containerName(String instanceId) {
    return "harbor-" + nodeId + "-" + instanceId;
  }

  /** The labels of an instance's container for a spec and the order it answers. */
  public Map<String, String> labels(String instanceId, String catalogId, String specHash, String orderId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, OWNER);
    labels.put(NODE, nodeId);
    labels.put(INSTANCE, instanceId);
    labels.put(CATALOG_ID, catalogId);
    labels.put(SPEC_HASH, specHash);
    labels.put(ORDER, orderId);
    labels.put(PROOF, proof(instanceId, catalogId, specHash, orderId));
    return labels;
  }

  /** True when the labels name this node and carry a proof made with this node's key. */
  public boolean owns(Map<String, String> labels) {
    if (labels == null || !OWNER.equals(labels.get(MANAGED_BY)) || !nodeId.equals(labels.get(NODE))) {
      return false;
    }
    String instance = labels.get(INSTANCE);
    String catalog = labels.get(CATALOG_ID);
    String spec = labels.get(SPEC_HASH);
    String order = labels.get(ORDER);
    String proof = labels.get(PROOF);
    if (instance == null || catalog == null || spec == null || order == null || proof == null) {
      return false;
    }
    return MessageDigest.isEqual(
        proof(instance, catalog, spec, order).getBytes(StandardCharsets.UTF_8),
        proof.getBytes(StandardCharsets.UTF_8));
  }

  /** True when the labels claim this node, whether or not the claim verifies. */
  public boolean claims(Map<String, String> labels) {
    return labels != null && OWNER.equals(labels.get(MANAGED_BY)) && nodeId.equals(labels.get(NODE));
  }

  private String proof(String instanceId, String catalogId, String specHash, String orderId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String message = String.join("\n", nodeId, instanceId, catalogId, specHash, orderId);
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
