package dev.harbor.app.cli;

import dev.harbor.schemas.audit.AuditEvent;
import dev.harbor.schemas.audit.AuditEventType;
import dev.harbor.schemas.instance.InstanceStatus;
import dev.harbor.sdk.AuditPage;
import dev.harbor.sdk.Event;
import dev.harbor.sdk.EventSubscription;
import dev.harbor.sdk.HarborClient;
import dev.harbor.sdk.LogFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code logs INSTANCE --follow}: prints the instance's lifecycle log, oldest first, then every new
 * entry as the Node's event stream reports the instance changing (one line each, or one JSON object a
 * line with {@code -o json}). Ends when the instance is removed, on Ctrl-C, or when the stream breaks.
 */
final class LogFollower {

  private static final int PAGE_SIZE = 200;
  private static final long LAST_ENTRY_WAIT_MS = 5_000;

  private final HarborClient harbor;
  private final Output out;
  private final Set<String> printed = new HashSet<>();
  private volatile boolean seenRemoval;

  LogFollower(HarborClient harbor, Output out) {
    this.harbor = harbor;
    this.out = out;
  }

  int follow(String instanceId) {
    CompletableFuture<Boolean> removed = new CompletableFuture<>();
    try (EventSubscription events = harbor.events(event -> {
      if (event instanceof Event.InstanceChanged changed && changed.instance().id().equals(instanceId)) {
        printNew(instanceId);
        if (changed.instance().status() == InstanceStatus.REMOVED) {
          removed.complete(true);
        }
      }
    }, removed::completeExceptionally)) {
      printNew(instanceId);
      if (harbor.status(instanceId).status() != InstanceStatus.REMOVED) {
        removed.get();
      }
      awaitRemovalEntry(instanceId);
      return ExitCode.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.ERROR;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }

  /** The audit trail may trail the instance's record by a moment: give the removal's entry a chance to show. */
  private void awaitRemovalEntry(String instanceId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LAST_ENTRY_WAIT_MS);
    printNew(instanceId);
    while (!seenRemoval && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
      printNew(instanceId);
    }
  }

  /** Prints the entries not printed yet, oldest first. */
  private synchronized void printNew(String instanceId) {
    AuditPage page = harbor.instanceLogs(instanceId, LogFilter.all().size(PAGE_SIZE));
    List<AuditEvent> fresh = page.items().reversed().stream().filter(e -> printed.add(e.id())).toList();
    for (AuditEvent event : fresh) {
      seenRemoval |= event.type() == AuditEventType.REMOVE_SUCCEEDED;
      out.line(out.isJson() ? Output.toJson(event) : Views.eventLine(event));
    }
  }
}
