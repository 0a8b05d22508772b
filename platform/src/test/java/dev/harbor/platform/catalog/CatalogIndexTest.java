package dev.harbor.platform.catalog;

import static dev.harbor.platform.catalog.CatalogEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.harbor.schemas.catalog.CatalogEntry;
import dev.harbor.schemas.catalog.EntryStatus;
import dev.harbor.schemas.catalog.LauncherKind;
import dev.harbor.schemas.catalog.Transport;
import dev.harbor.schemas.catalog.Visibility;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {

  CatalogIndex index = new CatalogIndex();

  @BeforeEach
  void fill() {
    index.upsert("docker.github", entry("docker.github", "GitHub", "Issues and pull requests", "github", List.of("devops", "git"), Transport.STDIO, LauncherKind.DOCKER, EntryStatus.AVAILABLE));
    index.upsert("official.gitlab", entry("official.gitlab", "GitLab", "Merge requests, also mirrors github", "gitlab", List.of("git"), Transport.STREAMABLE_HTTP, LauncherKind.REMOTE, EntryStatus.AVAILABLE));
    index.upsert("docker.time", entry("docker.time", "Time", "Clocks and time zones", "acme", List.of("utility"), Transport.STDIO, LauncherKind.DOCKER, EntryStatus.DEPRECATED));
    index.upsert("docker.secret", entry("docker.secret", "Hidden GitHub tool", "not listed", "acme", List.of("git"), Transport.STDIO, LauncherKind.DOCKER, EntryStatus.HIDDEN));
    index.upsert("docker.unlisted", entry("docker.unlisted", "Unlisted github thing", "private", "acme", List.of("git"), Transport.STDIO, LauncherKind.DOCKER, EntryStatus.AVAILABLE, Visibility.UNLISTED));
  }

  @Test
  void everyTermMustMatchAndNameMatchesRankFirst() {
    Page<CatalogEntry> page = index.search(query(Map.of("q", "github")));

    assertThat(page.items()).extracting(CatalogEntry::id).containsExactly("docker.github", "official.gitlab");
    assertThat(index.search(query(Map.of("q", "github merge"))).items()).extracting(CatalogEntry::id).containsExactly("official.gitlab");
    assertThat(index.search(query(Map.of("q", "GITHUB"))).total()).isEqualTo(2);
  }

  @Test
  void aServerNamedAfterTheTermOutranksOnesThatOnlyMentionItInTheirSlug() {
    index.upsert("official.io-github-acme-notes", entry("official.io-github-acme-notes", "Notes", "Keeps notes", "acme", List.of("notes"), Transport.STDIO, LauncherKind.PACKAGE, EntryStatus.AVAILABLE));
    index.upsert("docker.github-chat", entry("docker.github-chat", "Team Chat for GitHub", "Chat", "acme", List.of("chat"), Transport.STDIO, LauncherKind.DOCKER, EntryStatus.AVAILABLE));

    List<String> ranked = ids(Map.of("q", "github"));

    assertThat(ranked).startsWith("docker.github", "docker.github-chat");
    assertThat(ranked).endsWith("official.io-github-acme-notes");
  }

  @Test
  void hiddenAndUnlistedEntriesStayOutOfListingsUnlessAskedForByStatus() {
    assertThat(index.search(CatalogQuery.all()).items()).extracting(CatalogEntry::id).doesNotContain("docker.secret", "docker.unlisted");
    assertThat(index.search(query(Map.of("status", "hidden"))).items()).extracting(CatalogEntry::id).containsExactly("docker.secret");
    assertThat(index.get("docker.secret")).isPresent();
  }

  @Test
  void filtersCombineWithTextSearch() {
    assertThat(ids(Map.of("tags", "git,devops"))).containsExactly("docker.github");
    assertThat(ids(Map.of("transport", "streamable_http"))).containsExactly("official.gitlab");
    assertThat(ids(Map.of("launcherKind", "docker", "q", "time"))).containsExactly("docker.time");
    assertThat(ids(Map.of("status", "deprecated"))).containsExactly("docker.time");
    assertThat(ids(Map.of("publisher", "GitHub"))).containsExactly("docker.github");
    assertThat(ids(Map.of("category", "devops", "q", "git"))).containsExactly("docker.github", "official.gitlab");
  }

  @Test
  void pagesSplitTheOrderedMatchesAndReportTheTotal() {
    Page<CatalogEntry> first = index.search(query(Map.of("size", "2")));
    Page<CatalogEntry> second = index.search(query(Map.of("size", "2", "page", "1")));

    assertThat(first.total()).isEqualTo(3);
    assertThat(first.items()).hasSize(2);
    assertThat(second.items()).hasSize(1);
    assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
    assertThat(index.search(query(Map.of("page", "9"))).items()).isEmpty();
  }

  @Test
  void everyPageOfALargeIndexMatchesTheFullyRankedOrderWithoutGapsOrRepeats() {
    CatalogIndex large = new CatalogIndex();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 500; i++) {
      String name = (random.nextBoolean() ? "Git " : "Tool ") + Integer.toString(random.nextInt(10_000), 36);
      large.upsert("docker.e" + i, CatalogEntries.simple("docker.e" + i, name));
    }
    List<String> expected =
        large.all().stream()
            .filter(e -> e.name().toLowerCase().contains("git") || e.description().toLowerCase().contains("git"))
            .sorted(java.util.Comparator.comparing((CatalogEntry e) -> e.name().toLowerCase().startsWith("git") ? 0 : 1)
                .thenComparing(e -> e.name().toLowerCase())
                .thenComparing(CatalogEntry::id))
            .map(CatalogEntry::id)
            .toList();

    List<String> paged = new java.util.ArrayList<>();
    for (int page = 0; page * 7 < expected.size() + 7; page++) {
      Page<CatalogEntry> result = large.search(query(Map.of("q", "git", "size", "7", "page", String.valueOf(page))));
      assertThat(result.total()).isEqualTo(expected.size());
      result.items().forEach(e -> paged.add(e.id()));
    }

    assertThat(paged).isEqualTo(expected);
  }

  @Test
  void removingAnEntryTakesItOutOfSearchAndDetail() {
    index.remove("docker.github");

    assertThat(index.get("docker.github")).isEmpty();
    assertThat(ids(Map.of("q", "github"))).containsExactly("official.gitlab");
  }

  @Test
  void anExtraPredicateNarrowsTheMatches() {
    Page<CatalogEntry> page = index.search(query(Map.of("q", "git")), e -> e.launcherKind() == LauncherKind.REMOTE);

    assertThat(page.items()).extracting(CatalogEntry::id).containsExactly("official.gitlab");
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void facetsListDistinctValuesOfListedEntries() {
    assertThat(index.facet(CatalogEntry::tags)).containsExactly("devops", "git", "utility");
  }

  private List<String> ids(Map<String, String> params) {
    return index.search(query(params)).items().stream().map(CatalogEntry::id).toList();
  }

  private static CatalogQuery query(Map<String, String> params) {
    return CatalogQuery.parse(params);
  }
}
