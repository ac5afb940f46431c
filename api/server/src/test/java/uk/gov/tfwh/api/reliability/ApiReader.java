package uk.gov.tfwh.api.reliability;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import uk.gov.tfwh.warehouse.release.WarehouseReleases;

/**
 * A client of the API during the crash trial: over real HTTP, as a national user (who sees the
 * current snapshot before release, which is what a load makes), it asks for England's totals again
 * and again and checks every answer: status 200; the snapshot named in the body is committed and is
 * the one the ETag and {@code X-Tfwh-Snapshot} header name; snapshots never go back to an older
 * one; and the figures equal the baseline. Every return a trial adds is rejected, so every snapshot
 * of the trial holds the same accepted returns: a torn or half-read snapshot would answer
 * differently or fail.
 */
final class ApiReader implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final HttpRequest request;
  private final WarehouseReleases store;
  private final AtomicLong served = new AtomicLong();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Set<String> snapshots = ConcurrentHashMap.newKeySet();
  private volatile JsonNode baseline;
  private volatile String lastSnapshot = "";
  private volatile boolean stopped;

  ApiReader(URI uri, String bearerToken, WarehouseReleases store) {
    this.request =
        HttpRequest.newBuilder(requireNonNull(uri, "uri"))
            .header("Authorization", "Bearer " + requireNonNull(bearerToken, "bearerToken"))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    this.store = requireNonNull(store, "store");
  }

  /** The first answer, checked like every other; later answers must have the same figures. */
  JsonNode baseline() throws IOException, InterruptedException {
    JsonNode body = ask();
    if (!errors.isEmpty()) {
      throw new AssertionError("the API's first answer was wrong: " + errors);
    }
    baseline = figures(body);
    return baseline;
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        ask();
      } catch (IOException | RuntimeException e) {
        errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        // About 50 requests a second at most: enough to see every switch, while leaving the
        // machine to the load being killed.
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One request; a wrong answer is recorded as an error and returned all the same. */
  private JsonNode ask() throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      errors.add("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
      return null;
    }
    served.incrementAndGet();
    JsonNode body = JSON.readTree(response.body());
    String snapshot = body.path("snapshot").asText("");
    snapshots.add(snapshot);
    if (!store.isCommitted(snapshot)) {
      errors.add("answered from " + snapshot + ", which is not a committed snapshot");
    }
    String etag = response.headers().firstValue("ETag").orElse("");
    if (!etag.startsWith("\"" + snapshot + "-")) {
      errors.add("body from " + snapshot + " but ETag " + etag);
    }
    String header = response.headers().firstValue("X-Tfwh-Snapshot").orElse("");
    if (!header.equals(snapshot)) {
      errors.add("body from " + snapshot + " but X-Tfwh-Snapshot " + header);
    }
    // Snapshot ids start with their UTC creation time, so a newer one sorts after an older one.
    synchronized (this) {
      if (snapshot.compareTo(lastSnapshot) < 0) {
        errors.add("answered from " + snapshot + " after " + lastSnapshot);
      } else {
        lastSnapshot = snapshot;
      }
    }
    JsonNode expected = baseline;
    if (expected != null && !figures(body).equals(expected)) {
      errors.add("snapshot " + snapshot + " answered " + figures(body) + ", not " + expected);
    }
    return body;
  }

  /** The answer without the snapshot it came from: what must not change during the trial. */
  private static JsonNode figures(JsonNode body) {
    ObjectNode copy = body.deepCopy();
    copy.remove("snapshot");
    return copy;
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  void stop() {
    stopped = true;
  }

  long served() {
    return served.get();
  }

  boolean hasSeen(String snapshot) {
    return snapshots.contains(snapshot);
  }

  int snapshotsSeen() {
    return snapshots.size();
  }

  List<String> errors() {
    return List.copyOf(errors);
  }
}
