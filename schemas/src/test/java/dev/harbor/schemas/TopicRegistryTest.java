package dev.harbor.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import dev.harbor.schemas.command.Command;
import dev.harbor.schemas.command.CommandType;
import dev.harbor.schemas.json.JsonSerde;
import dev.harbor.schemas.policy.PolicySet;
import dev.harbor.schemas.topics.Topic;
import dev.harbor.schemas.topics.TopicSpec.CleanupPolicy;
import dev.harbor.schemas.topics.Topics;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicRegistryTest {

  private static final Pattern VERSIONED_NAME = Pattern.compile(".+\\.v(\\d+)");
  private static final Pattern SCHEMA_FILE = Pattern.compile("(.+)\\.v(\\d+)\\.schema\\.json");

  static Stream<Arguments> registeredTopics() {
    return allTopics("n1").stream().map(topic -> Arguments.of(named(topic.name(), topic)));
  }

  private static List<Topic<?, ?>> allTopics(String nodeId) {
    return Stream.concat(Topics.hubTopics().stream(), Topics.nodeTopics(nodeId).stream()).toList();
  }

  @Test
  void theRegistryHoldsTheCatalogAndEveryNodeTopic() {
    assertThat(allTopics("n1"))
        .extracting(Topic::name)
        .containsExactly(
            "harbor.catalog.entries.v1",
            "harbor.node.n1.catalog-state.v1",
            "harbor.node.n1.audit.v1",
            "harbor.node.n1.commands.v1",
            "harbor.node.n1.instances.v1",
            "harbor.node.n1.orders.v1",
            "harbor.node.n1.launcher-events.v1",
            "harbor.node.n1.policy.v1");
  }

  @Test
  void everyNodeTopicHasItsFactoryAndItsOwnSchema() {
    assertThat(Topics.nodeTopics("n1"))
        .extracting(Topic::name)
        .containsExactly(
            Topics.catalogState("n1").name(), Topics.audit("n1").name(), Topics.commands("n1").name(),
            Topics.instances("n1").name(), Topics.orders("n1").name(), Topics.launcherEvents("n1").name(),
            Topics.policy("n1").name());
    assertThat(allTopics("n1")).extracting(Topic::valueSchema).doesNotHaveDuplicates();
    assertThat(Topics.nodeTopics("n1"))
        .extracting(Topic::name, Topic::valueSchema)
        .containsExactly(
            tuple("harbor.node.n1.catalog-state.v1", "catalog-entry-state.v1.schema.json"),
            tuple("harbor.node.n1.audit.v1", "audit-event.v1.schema.json"),
            tuple("harbor.node.n1.commands.v1", "command.v1.schema.json"),
            tuple("harbor.node.n1.instances.v1", "instance.v1.schema.json"),
            tuple("harbor.node.n1.orders.v1", "launch-order.v1.schema.json"),
            tuple("harbor.node.n1.launcher-events.v1", "launcher-event.v1.schema.json"),
            tuple("harbor.node.n1.policy.v1", "policy-set.v1.schema.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTopics")
  void everyTopicsSchemaIsAResourceOfTheSchemasJar(Topic<?, ?> topic) {
    assertThat(Topics.class.getClassLoader().getResource("harbor/schemas/" + topic.valueSchema()))
        .as("harbor/schemas/%s", topic.valueSchema())
        .isNotNull();
  }

  /** One writing module per topic: node-api sends commands and policy, the policy stream writes the rest. */
  @Test
  void eachTopicHasTheWriterTheSingleWriterRuleNames() {
    assertThat(Topics.NODE_API).isEqualTo("node-api");
    assertThat(Topics.NODE_POLICY_STREAM).isEqualTo("node-policy-stream");
    assertThat(Topics.HUB).isEqualTo("hub-catalog-publisher");
    assertThat(Topics.CATALOG.writer()).isEqualTo(Topics.HUB);
    assertThat(Topics.commands("n1").writer()).isEqualTo(Topics.NODE_API);
    assertThat(Topics.policy("n1").writer()).isEqualTo(Topics.NODE_API);
    assertThat(Topics.catalogState("n1").writer()).isEqualTo(Topics.NODE_POLICY_STREAM);
    assertThat(Topics.audit("n1").writer()).isEqualTo(Topics.NODE_POLICY_STREAM);
    assertThat(Topics.instances("n1").writer()).isEqualTo(Topics.NODE_POLICY_STREAM);
    assertThat(Topics.orders("n1").writer()).isEqualTo(Topics.NODE_POLICY_STREAM);
    assertThat(Topics.launcherEvents("n1").writer()).isEqualTo(Topics.NODE_LAUNCHER);
  }

  @Test
  void commandsOrdersAndLauncherEventsHaveOnePartitionSoTheirReaderSeesThemInOrder() {
    assertThat(Topics.commands("n1").spec().partitions()).isEqualTo(1);
    assertThat(Topics.launcherEvents("n1").spec().partitions()).isEqualTo(1);
    assertThat(Topics.orders("n1").spec().partitions()).isEqualTo(1);
  }

  @Test
  void defaultPartitionCountsAreTheDocumentedOnes() {
    assertThat(allTopics("n1"))
        .extracting(Topic::name, topic -> topic.spec().partitions())
        .containsExactly(
            tuple("harbor.catalog.entries.v1", 3),
            tuple("harbor.node.n1.catalog-state.v1", 1),
            tuple("harbor.node.n1.audit.v1", 3),
            tuple("harbor.node.n1.commands.v1", 1),
            tuple("harbor.node.n1.instances.v1", 1),
            tuple("harbor.node.n1.orders.v1", 1),
            tuple("harbor.node.n1.launcher-events.v1", 1),
            tuple("harbor.node.n1.policy.v1", 1));
  }

  @Test
  void stateTopicsAreCompactedAndRequestTopicsAreDeletedAfterAWeek() {
    assertThat(Topics.instances("n1").spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
    assertThat(Topics.policy("n1").spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
    assertThat(Topics.commands("n1").spec().cleanup()).isEqualTo(CleanupPolicy.DELETE);
    assertThat(Topics.orders("n1").spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
    assertThat(Topics.launcherEvents("n1").spec().cleanup()).isEqualTo(CleanupPolicy.DELETE);
    assertThat(Topics.commands("n1").spec().configs()).containsExactly(entry("retention.ms", "604800000"));
    assertThat(Topics.launcherEvents("n1").spec().configs()).containsExactly(entry("retention.ms", "604800000"));
    assertThat(Topics.orders("n1").spec().configs()).isEmpty();
    assertThat(Topics.instances("n1").spec().configs()).isEmpty();
    assertThat(Topics.policy("n1").spec().configs()).isEmpty();
  }

  @Test
  void thePolicyIsOneRecordUnderAFixedKey() {
    assertThat(PolicySet.KEY).isEqualTo("policy");
  }

  @Test
  void commandsAreKeyedByInstanceElseCatalogEntryElseTheirOwnId() {
    assertThat(ContractSamples.setupCommand().subject()).isEqualTo(ContractSamples.INSTANCE_ID);
    assertThat(ContractSamples.searchNotice().subject()).isEqualTo(ContractSamples.searchNotice().id());
    Command enable = new Command(
        "c-1", "n1", CommandType.ENABLE, ContractSamples.UPDATED, ContractSamples.ALICE, null, "atlassian", null,
        null, null, null, null);
    assertThat(enable.subject()).isEqualTo("atlassian");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTopics")
  void everyTopicNameEndsWithItsContractVersion(Topic<?, ?> topic) {
    assertThat(topic.name()).matches(VERSIONED_NAME);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTopics")
  void everyTopicsValueSchemaExistsAndDescribesTheRecordItsSerdeWrites(Topic<?, ?> topic) {
    JsonNode schema = ContractSchemas.tree(topic.valueSchema());
    Class<?> valueType = ((JsonSerde<?>) topic.valueSerde()).type();
    Matcher file = SCHEMA_FILE.matcher(topic.valueSchema());
    Matcher name = VERSIONED_NAME.matcher(topic.name());

    assertThat(file.matches()).as("%s is named <contract>.v<N>.schema.json", topic.valueSchema()).isTrue();
    assertThat(name.matches()).isTrue();
    assertThat(schema.path("title").asText()).isEqualTo(valueType.getSimpleName());
    assertThat(schema.path("$id").asText())
        .isEqualTo("urn:harbor:schema:" + file.group(1) + ":v" + file.group(2));
    assertThat(file.group(2)).as("schema version and topic version").isEqualTo(name.group(1));
  }

  @Test
  void nodeTopicsLiveInTheNodesNamespaceAndDifferBetweenNodes() {
    List<String> first = Topics.nodeTopics("node-1").stream().map(Topic::name).toList();
    List<String> second = Topics.nodeTopics("node-2").stream().map(Topic::name).toList();

    assertThat(first).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("harbor.node.node-1."));
    assertThat(second).allSatisfy(name -> assertThat(name).startsWith("harbor.node.node-2."));
    assertThat(first).doesNotContainAnyElementsOf(second);
    assertThat(Topics.catalogState("node-1").name()).isEqualTo("harbor.node.node-1.catalog-state.v1");
    assertThat(Topics.audit("node-1").name()).isEqualTo("harbor.node.node-1.audit.v1");
  }

  @Test
  void theCatalogIsAHubTopicAndNotInAnyNodesNamespace() {
    assertThat(Topics.hubTopics()).containsExactly(Topics.CATALOG);
    assertThat(Topics.CATALOG.name()).doesNotStartWith("harbor.node.");
    assertThat(Topics.CATALOG.writer()).isEqualTo(Topics.HUB);
  }

  @Test
  void catalogAndCatalogStateAreCompactedAndAuditIsDeleted() {
    assertThat(Topics.CATALOG.spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
    assertThat(Topics.catalogState("n1").spec().cleanup()).isEqualTo(CleanupPolicy.COMPACT);
    assertThat(Topics.audit("n1").spec().cleanup()).isEqualTo(CleanupPolicy.DELETE);
    assertThat(CleanupPolicy.COMPACT.kafkaValue()).isEqualTo("compact");
    assertThat(CleanupPolicy.DELETE.kafkaValue()).isEqualTo("delete");
  }

  @Test
  void auditIsKeptForAYear() {
    assertThat(Topics.audit("n1").spec().configs()).containsEntry("retention.ms", "31536000000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "A", "../x", "a b", "a.b", "-node", "node_1"})
  void aNodeIdThatCannotBePartOfATopicNameIsRefused(String nodeId) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Topics.requireNodeId(nodeId))
        .withMessageContaining(Topics.NODE_ID.pattern());
    assertThatIllegalArgumentException().isThrownBy(() -> Topics.audit(nodeId));
  }

  @Test
  void aNodeIdLongerThan48CharactersIsRefused() {
    String longest = "n" + "1".repeat(47);

    assertThat(Topics.requireNodeId(longest)).isEqualTo(longest);
    assertThatIllegalArgumentException().isThrownBy(() -> Topics.requireNodeId(longest + "1"));
  }

  @Test
  void aNullNodeIdIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Topics.requireNodeId(null));
  }

  @Test
  void anOrdinaryNodeIdIsAccepted() {
    assertThat(Topics.requireNodeId("node-1")).isEqualTo("node-1");
  }

  @Test
  void theFleetWideAuditPatternMatchesEveryNodesAuditTopicAndNothingElse() {
    assertThat(Topics.ALL_NODE_AUDIT.matcher(Topics.audit("node-1").name()).matches()).isTrue();
    assertThat(Topics.ALL_NODE_AUDIT.matcher(Topics.audit("edge-7").name()).matches()).isTrue();
    assertThat(Topics.ALL_NODE_AUDIT.matcher(Topics.catalogState("node-1").name()).matches()).isFalse();
    assertThat(Topics.ALL_NODE_AUDIT.matcher(Topics.catalogState("edge-7").name()).matches()).isFalse();
    assertThat(Topics.ALL_NODE_AUDIT.matcher(Topics.CATALOG.name()).matches()).isFalse();
    assertThat(Topics.ALL_NODE_AUDIT.matcher("harbor.node.node-1.audit.v2").matches()).isFalse();
  }
}
