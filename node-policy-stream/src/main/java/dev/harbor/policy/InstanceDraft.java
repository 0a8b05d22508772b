package dev.harbor.policy;

import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.instance.Approval;
import dev.harbor.schemas.instance.ApprovalState;
import dev.harbor.schemas.instance.Decision;
import dev.harbor.schemas.instance.Instance;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.schemas.instance.SecretBindingMode;
import dev.harbor.schemas.node.Actor;
import java.time.Instant;
import java.util.Map;

/** A changeable copy of an {@link Instance}, for building the next value of one. */
final class InstanceDraft {

  private final String id;
  private final String nodeId;
  private final String catalogId;
  private final String slug;
  private final String name;
  private final Actor requestedBy;
  private final Map<String, String> config;
  private final String idempotencyKey;
  private final Instant createdAt;
  private String dockerContainerName;
  private Map<String, String> connectionInfo;
  private Instant lastStartedAt;
  private Instant lastStoppedAt;
  private InstanceStatus status;
  private Decision decision;
  private ApprovalState approvalState;
  private Approval approval;
  private String specHash;
  private String dockerImage;
  private Transport transport;
  private SecretBindingMode secretBindingMode;
  private String errorMessage;
  private Instant updatedAt;
  private String lastCorrelationId;

  private InstanceDraft(Instance i) {
    this.id = i.id();
    this.nodeId = i.nodeId();
    this.catalogId = i.catalogId();
    this.slug = i.slug();
    this.name = i.name();
    this.requestedBy = i.requestedBy();
    this.config = i.config();
    this.idempotencyKey = i.idempotencyKey();
    this.createdAt = i.createdAt();
    this.dockerContainerName = i.dockerContainerName();
    this.connectionInfo = i.connectionInfo();
    this.lastStartedAt = i.lastStartedAt();
    this.lastStoppedAt = i.lastStoppedAt();
    this.status = i.status();
    this.decision = i.decision();
    this.approvalState = i.approvalState();
    this.approval = i.approval();
    this.specHash = i.specHash();
    this.dockerImage = i.dockerImage();
    this.transport = i.transport();
    this.secretBindingMode = i.secretBindingMode();
    this.errorMessage = i.errorMessage();
    this.updatedAt = i.updatedAt();
    this.lastCorrelationId = i.lastCorrelationId();
  }

  static InstanceDraft from(Instance instance) {
    return new InstanceDraft(instance);
  }

  InstanceStatus status() {
    return status;
  }

  InstanceDraft status(InstanceStatus value) {
    this.status = value;
    return this;
  }

  InstanceDraft decision(Decision value) {
    this.decision = value;
    return this;
  }

  InstanceDraft approval(Approval value) {
    this.approval = value;
    this.approvalState = value == null ? ApprovalState.NOT_REQUIRED : value.state();
    return this;
  }

  InstanceDraft spec(String hash, String image) {
    this.specHash = hash;
    this.dockerImage = image;
    return this;
  }

  InstanceDraft transport(Transport value) {
    this.transport = value;
    return this;
  }

  InstanceDraft secretBindingMode(SecretBindingMode value) {
    this.secretBindingMode = value;
    return this;
  }

  InstanceDraft container(String name, Map<String, String> connection) {
    this.dockerContainerName = name;
    this.connectionInfo = connection == null ? Map.of() : connection;
    return this;
  }

  InstanceDraft started(Instant at) {
    this.lastStartedAt = at;
    return this;
  }

  InstanceDraft stopped(Instant at) {
    this.lastStoppedAt = at;
    this.connectionInfo = Map.of();
    return this;
  }

  InstanceDraft errorMessage(String value) {
    this.errorMessage = value;
    return this;
  }

  InstanceDraft updatedAt(Instant value) {
    this.updatedAt = value;
    return this;
  }

  InstanceDraft lastCorrelationId(String value) {
    this.lastCorrelationId = value;
    return this;
  }

  Instance build() {
    return new Instance(
        id, nodeId, catalogId, slug, name, status, requestedBy, config, idempotencyKey, decision,
        approvalState, approval, specHash, dockerContainerName, dockerImage, transport,
        connectionInfo, secretBindingMode, errorMessage, createdAt, updatedAt, lastStartedAt,
        lastStoppedAt, lastCorrelationId);
  }
}
