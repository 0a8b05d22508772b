package dev.harbor.node.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {

  private final ChangeFeed<String> feed = new ChangeFeed<>();
  private final Map<String, String> view = new ConcurrentHashMap<>();

  @Test
  void subscribersHearEveryChangeUntilTheyUnsubscribe() {
    List<String> heard = new CopyOnWriteArrayList<>();
    ChangeFeed.Subscription subscription = feed.subscribe((before, after) -> heard.add(before + "->" + after));

    feed.publish(null, "a");
    feed.publish("a", "b");
    subscription.close();
    feed.publish("b", null);

    assertThat(heard).containsExactly("null->a", "a->b");
  }

  @Test
  void aFailingSubscriberDoesNotKeepOthersFromHearing() {
    List<String> heard = new CopyOnWriteArrayList<>();
    feed.subscribe((before, after) -> {
      throw new IllegalStateException("boom");
    });
    feed.subscribe((before, after) -> heard.add(after));

    feed.publish(null, "x");

    assertThat(heard).containsExactly("x");
  }

  @Test
  void aWaiterIsWokenUpByTheChangeItWaitsFor() throws Exception {
    CompletableFuture<Optional<String>> waiting = CompletableFuture.supplyAsync(
        () -> feed.await(() -> Optional.ofNullable(view.get("k")).filter("done"::equals), Duration.ofSeconds(30)));

    change("k", "started");
    change("k", "done");

    assertThat(waiting.get(30, TimeUnit.SECONDS)).contains("done");
  }

  @Test
  void aWaitForSomethingAlreadyTrueReturnsAtOnce() {
    view.put("k", "there");

    assertThat(feed.await(() -> Optional.ofNullable(view.get("k")), Duration.ofMillis(1))).contains("there");
  }

  @Test
  void aWaitForSomethingThatNeverHappensEndsEmptyAfterItsTimeout() {
    long started = System.nanoTime();

    assertThat(feed.await(Optional::<String>empty, Duration.ofMillis(200))).isEmpty();
    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
  }

  private void change(String key, String value) {
    String before = view.put(key, value);
    feed.publish(before, value);
  }
}
