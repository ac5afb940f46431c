package uk.gov.tfwh.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.api.access.Role;
import uk.gov.tfwh.api.submission.SubmissionRecord;
import uk.gov.tfwh.api.submission.SubmissionState;
import uk.gov.tfwh.api.submission.SubmissionStore;
import uk.gov.tfwh.api.user.ApiTokens;
import uk.gov.tfwh.api.user.ApiUser;
import uk.gov.tfwh.api.user.UsersFile;

/**
 * The submission service killed with SIGKILL while coordinators send and sign off returns (issue
 * 18): {@code ./tfwh serve} runs as an operator starts it, a client sends Kent's and Bristol's
 * returns back to back and signs off what is accepted, and the service is killed at a random
 * moment; then it is started again. After each kill every submission is whole or absent: nothing is
 * left being checked, every file in the hold, the quarantine and the landing folder belongs to a
 * record in that state with its checksum, every record's files are where its state says, and every
 * receipt or sign-off the client was given is there. Random moments come from {@code
 * -Dtfwh.submission.seed}, printed so a failure can be replayed.
 */
@Tag("slow")
class SubmissionKillTest {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path temp;

  @Test
  void aKilledServiceLeavesEverySubmissionWholeOrAbsent() throws Exception {
    long seed = Long.getLong("tfwh.submission.seed", System.nanoTime());
    int kills = Integer.getInteger("tfwh.submission.kills", 4);
    System.out.println("SUBMISSION-KILL seed " + seed + ", " + kills + " kills");
    Random random = new Random(seed);
    Path root = TfwhLoad.projectRoot();
    Path examples = root.resolve("contract/examples");
    Path warehouse = Files.createDirectories(temp.resolve("warehouse"));
    Path landing = temp.resolve("landing");
    Path users = temp.resolve("users.tsv");
    String coordinator = ApiTokens.newToken();
    String sro = ApiTokens.newToken();
    String national = ApiTokens.newToken();
    Instant now = Instant.now();
    new UsersFile(users)
        .write(
            List.of(
                new ApiUser(
                    "kent", Role.COORDINATOR, "E10000016", ApiTokens.hash(coordinator), now),
                new ApiUser(
                    "kent-sro", Role.COORDINATOR, "E10000016", ApiTokens.hash(sro), now, true),
                new ApiUser("nat", Role.NATIONAL, null, ApiTokens.hash(national), now)));
    byte[][] kent = {
      Files.readAllBytes(examples.resolve("valid-p2-kent-2015Q2.summary.csv")),
      Files.readAllBytes(examples.resolve("valid-p2-kent-2015Q2.claims.csv"))
    };
    byte[] bristol = Files.readAllBytes(examples.resolve("valid-p2-bristol-2015Q2.xlsx"));
    byte[] bad = Files.readAllBytes(examples.resolve("bad-arithmetic.summary.csv"));

    Set<String> received = ConcurrentHashMap.newKeySet();
    Set<String> signedOff = ConcurrentHashMap.newKeySet();
    for (int trial = 0; trial < kills; trial++) {
      int port = freePort();
      Process service =
          serve(root, warehouse, users, landing, port, temp.resolve("serve-" + trial + ".log"));
      waitUntilUp(port, service, temp.resolve("serve-" + trial + ".log"));
      Thread client =
          new Thread(
              () -> {
                int n = 0;
                while (!Thread.currentThread().isInterrupted()) {
                  try {
                    HttpResponse<String> sent =
                        switch (n++ % 3) {
                          case 0 ->
                              upload(
                                  port,
                                  coordinator,
                                  null,
                                  part("kent.summary.csv", kent[0]),
                                  part("kent.claims.csv", kent[1]));
                          case 1 ->
                              upload(port, national, "E06000023", part("bristol.xlsx", bristol));
                          default -> upload(port, coordinator, null, part("oops.summary.csv", bad));
                        };
                    Matcher id = ID.matcher(sent.body());
                    if (sent.statusCode() == 201 && id.find()) {
                      received.add(id.group(1));
                      if (sent.body().contains("\"E10000016\"")) {
                        HttpResponse<String> signed =
                            post(
                                port,
                                sro,
                                "/api/v1/submissions/" + id.group(1) + "/sign-off?confirm=true");
                        if (signed.statusCode() == 200) {
                          signedOff.add(id.group(1));
                        }
                      }
                    }
                  } catch (IOException e) {
                    return; // the service died under the request
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      client.start();
      Thread.sleep(200 + random.nextInt(1500));
      TfwhLoad.kill(service);
      service.waitFor(30, TimeUnit.SECONDS);
      client.interrupt();
      client.join(30_000);

      // Started again: the store finishes or removes what the kill left, then serves.
      Path log = temp.resolve("restart-" + trial + ".log");
      Process again = serve(root, warehouse, users, landing, port, log);
      waitUntilUp(port, again, log);
      assertWholeOrAbsent(landing, received, signedOff);
      TfwhLoad.kill(again);
      again.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(received).as("uploads the client was given a receipt for").isNotEmpty();
    int repaired = 0;
    for (int trial = 0; trial < kills; trial++) {
      String restart = Files.readString(temp.resolve("restart-" + trial + ".log"));
      repaired +=
          (int)
              restart
                  .lines()
                  .filter(
                      l -> l.contains("never committed") || l.contains("finishing the sign-off"))
                  .count();
    }
    System.out.println(
        "SUBMISSION-KILL "
            + received.size()
            + " receipts, "
            + signedOff.size()
            + " sign-offs; the restarts removed or finished "
            + repaired
            + " half-done writes");
  }

  private static void assertWholeOrAbsent(Path landing, Set<String> received, Set<String> signedOff)
      throws Exception {
    Path folder = landing.resolveSibling("submissions");
    assertThat(list(folder.resolve("incoming"))).as("uploads left being checked").isEmpty();
    assertThat(list(folder.resolve("sidecars"))).noneMatch(name -> name.startsWith("."));
    List<SubmissionRecord> records = new ArrayList<>();
    for (String name : list(folder.resolve("sidecars"))) {
      records.add(
          SubmissionStore.JSON.readValue(
              folder.resolve("sidecars").resolve(name).toFile(), SubmissionRecord.class));
    }
    Set<String> expected = new HashSet<>();
    for (SubmissionRecord record : records) {
      Path dir =
          switch (record.state()) {
            case REJECTED -> folder.resolve("quarantine");
            case AWAITING_SIGN_OFF -> folder.resolve("held");
            case SUBMITTED -> landing;
          };
      for (SubmissionRecord.StoredFile file : record.files()) {
        Path path = dir.resolve(file.name());
        assertThat(path).as(record.id() + " " + record.state()).exists();
        assertThat(sha256(path)).as(path.toString()).isEqualTo(file.sha256());
        expected.add(dir.getFileName() + "/" + file.name());
      }
    }
    Set<String> found = new HashSet<>();
    for (Path dir : List.of(folder.resolve("quarantine"), folder.resolve("held"), landing)) {
      list(dir).forEach(name -> found.add(dir.getFileName() + "/" + name));
    }
    assertThat(found).as("files that belong to no record in their state").isEqualTo(expected);
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(r.id()));
    assertThat(ids).as("every receipt given").containsAll(received);
    for (SubmissionRecord record : records) {
      if (signedOff.contains(record.id())) {
        assertThat(record.state()).isEqualTo(SubmissionState.SUBMITTED);
      }
    }
  }

  /**
   * {@code tfwh serve} in a JVM of its own, from this test's classpath, as the launcher runs it.
   */
  private static Process serve(
      Path root, Path warehouse, Path users, Path landing, int port, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-Duser.timezone=UTC",
                    "-Dfile.encoding=UTF-8",
                    "-Dtfwh.root.dir=" + root,
                    "-cp",
                    expandedClasspath(),
                    "uk.gov.tfwh.api.ServeCommand",
                    "--warehouse",
                    warehouse.toString(),
                    "--users",
                    users.toString(),
                    "--landing",
                    landing.toString(),
                    "--port",
                    Integer.toString(port)))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    return builder.start();
  }

  /** This JVM's classpath, expanded from surefire's manifest-only booter jar. */
  private static String expandedClasspath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(entry);
      if (entry.endsWith(".jar")) {
        try (var jar = new java.util.jar.JarFile(entry)) {
          var manifest = jar.getManifest();
          String extra =
              manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
          if (extra != null) {
            for (String url : extra.trim().split("\\s+")) {
              entries.add(Path.of(URI.create(url)).toString());
            }
          }
        } catch (IOException | IllegalArgumentException e) {
          // not a readable jar or not a file URL: keep the entry as it is
        }
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static void waitUntilUp(int port, Process service, Path log) throws Exception {
    Instant deadline = Instant.now().plusSeconds(90);
    while (Instant.now().isBefore(deadline)) {
      if (!service.isAlive()) {
        throw new AssertionError(
            "./tfwh serve exited " + service.exitValue() + ":\n" + TfwhLoad.tail(log));
      }
      try {
        HttpResponse<String> health =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("./tfwh serve did not start in 90 s:\n" + TfwhLoad.tail(log));
  }

  record Part(String name, byte[] bytes) {}

  static Part part(String name, byte[] bytes) {
    return new Part(name, bytes);
  }

  static HttpResponse<String> upload(int port, String token, String authority, Part... parts)
      throws IOException, InterruptedException {
    String boundary = "b" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + part.name()
                  + "\"\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(part.bytes());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/api/v1/submissions"
                        + (authority == null ? "" : "?authority=" + authority)))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(int port, String token, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<String> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  static {
    // Fail fast with a clear message when the launcher is missing rather than inside a trial.
    if (System.getProperty("tfwh.root.dir") == null) {
      throw new UncheckedIOException(
          new IOException("tfwh.root.dir is not set (surefire sets it)"));
    }
  }
}
