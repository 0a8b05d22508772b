package dev.harbor.node.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Follows one server-sent event stream on its own thread and keeps every event and comment it reads. */
final class SseClient implements AutoCloseable {

  /** One event as it arrived: its name and its data lines joined. */
  record SseEvent(String name, String data) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<SseEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  SseClient(URI uri, String token) {
    try {
      this.response = http.send(HttpRequest.newBuilder(uri)
          .header("Authorization", "Bearer " + token)
          .header("Accept", "text/event-stream")
          .GET().build(), BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    this.reader = Thread.ofVirtual().start(this::read);
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  List<SseEvent> events() {
    return List.copyOf(events);
  }

  List<String> comments() {
    return List.copyOf(comments);
  }

  private void read() {
    String name = null;
    List<String> data = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new SseEvent(name == null ? "message" : name, String.join("\n", data)));
          }
          name = null;
          data.clear();
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else if (line.startsWith("event:")) {
          name = line.substring("event:".length()).strip();
        } else if (line.startsWith("data:")) {
          data.add(line.substring("data:".length()).strip());
        }
      }
    } catch (UncheckedIOException e) {
      // the stream was closed by close()
    }
  }

  @Override
  public void close() {
    http.shutdownNow();
    reader.interrupt();
  }
}
