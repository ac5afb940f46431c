import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The client of {@code ./tfwh bench submissions}: every authority's coordinator sends its return to
 * the submission service over HTTP and its SRO signs it off, as on deadline day; then the feedback
 * time of typical returns, one at a time. JDK only, so the script compiles it with javac.
 *
 * <pre>
 *   users   --users FILE --tokens FILE --reference DIR      write a coordinator and an SRO per authority
 *   run     --url URL --tokens FILE --sample DIR --landing DIR --deadline-quarter 2020Q1-p2
 *           --feedback-quarter 2019Q4-p2 [--threads 16]
 * </pre>
 */
public final class SubmissionLoad {
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([a-z]+)\"");
  private static final Pattern FILE =
      Pattern.compile("\"name\":\"([^\"]+)\",\"uploaded_as\":\"[^\"]*\",\"part\":\"[a-z]+\",\"size_bytes\":[0-9]+,\"sha256\":\"([0-9a-f]{64})\"");

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    switch (args[0]) {
      case "users" -> users(options);
      case "run" -> run(options);
      default -> throw new IllegalArgumentException("users or run, not " + args[0]);
    }
  }

  /** The users file (format of docs/security.md) and a tokens file the run reads. */
  static void users(Map<String, String> o) throws Exception {
    List<String> codes = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(o.get("reference"), "authorities.csv"))) {
      if (line.startsWith("E")) {
        codes.add(line.substring(0, line.indexOf(',')));
      }
    }
    StringBuilder users = new StringBuilder("# bench users\n");
    StringBuilder tokens = new StringBuilder();
    java.security.SecureRandom random = new java.security.SecureRandom();
    String created = Instant.now().toString();
    for (String code : codes) {
      for (String kind : List.of("c", "s")) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token =
            "tfwh_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String name = kind + "-" + code;
        users.append(name).append("\tCOORDINATOR\t").append(code).append('\t')
            .append(sha256(token.getBytes(StandardCharsets.UTF_8))).append('\t').append(created)
            .append(kind.equals("s") ? "\tsro" : "").append('\n');
        tokens.append(name).append('\t').append(token).append('\n');
      }
    }
    Files.writeString(Path.of(o.get("users")), users);
    Files.writeString(Path.of(o.get("tokens")), tokens);
    System.out.println("users: a coordinator and an SRO for each of " + codes.size() + " authorities");
  }

  record Return(String authority, List<Path> files) {
    String format() {
      return files.get(0).toString().endsWith(".xlsx") ? "XLSX" : "CSV";
    }
  }

  static void run(Map<String, String> o) throws Exception {
    URI url = URI.create(o.get("url"));
    Map<String, String> tokens = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(o.get("tokens")))) {
      String[] f = line.split("\t");
      tokens.put(f[0], f[1]);
    }
    Path sample = Path.of(o.get("sample"));
    Path landing = Path.of(o.get("landing"));
    int threads = Integer.parseInt(o.getOrDefault("threads", "16"));
    // The client's threads are daemons: the JVM ends when the run does (a pool of ordinary threads
    // kept it alive after the last figure, so ./tfwh bench submissions never returned).
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .executor(
                Executors.newFixedThreadPool(
                    threads,
                    task -> {
                      Thread thread = new Thread(task, "submission-client");
                      thread.setDaemon(true);
                      return thread;
                    }))
            .build();

    // Deadline day: every authority at once.
    List<Return> deadline = returns(sample, o.get("deadline-quarter"));
    Map<String, String> signedOff = new ConcurrentHashMap<>();
    AtomicInteger rejected = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (Return r : deadline) {
      done.add(
          pool.submit(
              () -> {
                try {
                  String body = withRetries(retries, () -> upload(http, url, tokens.get("c-" + r.authority()), r));
                  Matcher id = ID.matcher(body);
                  Matcher outcome = OUTCOME.matcher(body);
                  if (!id.find() || !outcome.find()) {
                    errors.add(r.authority() + ": " + body);
                    return;
                  }
                  if (outcome.group(1).equals("rejected")) {
                    rejected.incrementAndGet();
                    return;
                  }
                  String signed =
                      withRetries(retries, () -> post(http, url, tokens.get("s-" + r.authority()), "/api/v1/submissions/" + id.group(1) + "/sign-off?confirm=true"));
                  signedOff.put(id.group(1), signed);
                } catch (Exception e) {
                  errors.add(r.authority() + ": " + e);
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    // Every receipt matches a file in the landing folder, byte for byte, and nothing else is there.
    int mismatched = 0;
    int expectedFiles = 0;
    for (String receipt : signedOff.values()) {
      Matcher file = FILE.matcher(receipt);
      while (file.find()) {
        expectedFiles++;
        Path landed = landing.resolve(file.group(1));
        if (!Files.exists(landed) || !sha256(Files.readAllBytes(landed)).equals(file.group(2))) {
          mismatched++;
        }
      }
    }
    long landedFiles;
    try (Stream<Path> files = Files.list(landing)) {
      landedFiles = files.count();
    }
    System.out.printf(
        Locale.ROOT,
        "deadline day: %d authorities sent their %s return with %d threads in %.1f s: %d signed off,"
            + " %d rejected by the rules, %d errors, %d retries; receipts matching a landed file %d"
            + " of %d, files in the landing folder %d (lost or duplicated: %d)%n",
        deadline.size(), o.get("deadline-quarter"), threads, seconds, signedOff.size(), rejected.get(),
        errors.size(), retries.get(), expectedFiles - mismatched, expectedFiles, landedFiles,
        Math.abs(landedFiles - expectedFiles) + mismatched);
    errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));

    // Feedback: typical returns, one at a time, end to end over HTTP.
    Map<String, List<Double>> millis = new TreeMap<>();
    for (Return r : returns(sample, o.get("feedback-quarter"))) {
      long t = System.nanoTime();
      upload(http, url, tokens.get("c-" + r.authority()), r);
      millis.computeIfAbsent(r.format(), k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
    }
    List<Double> all = new ArrayList<>();
    millis.forEach(
        (format, times) -> {
          all.addAll(times);
          print("feedback " + format, times);
        });
    print("feedback all", all);
    if (!errors.isEmpty() || mismatched > 0 || landedFiles != expectedFiles) {
      System.exit(1);
    }
  }

  static void print(String label, List<Double> times) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s: %d returns, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
        label, sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.95), sorted.get(sorted.size() - 1));
  }

  static double percentile(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  /** Each authority's return for one quarter (CODE-2020Q1-p2.xlsx, or its .summary.csv pair). */
  static List<Return> returns(Path sample, String quarter) throws IOException {
    Map<String, List<Path>> byAuthority = new TreeMap<>();
    try (Stream<Path> files = Files.list(sample)) {
      files
          .filter(p -> p.getFileName().toString().contains("-" + quarter + "."))
          .sorted()
          .forEach(
              p ->
                  byAuthority
                      .computeIfAbsent(p.getFileName().toString().substring(0, 9), k -> new ArrayList<>())
                      .add(p));
    }
    List<Return> returns = new ArrayList<>();
    byAuthority.forEach((code, files) -> returns.add(new Return(code, files)));
    return returns;
  }

  interface Call {
    HttpResponse<String> call() throws Exception;
  }

  /** Sends, trying again (up to 5 times) when the service was busy or the connection failed. */
  static String withRetries(AtomicInteger retries, Call call) throws Exception {
    Exception last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        HttpResponse<String> response = call.call();
        if (response.statusCode() == 409 || response.statusCode() >= 500) {
          retries.incrementAndGet();
          Thread.sleep(200L << attempt);
          continue;
        }
        if (response.statusCode() >= 300 && response.statusCode() != 422) {
          throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
      } catch (IOException e) {
        last = e;
        retries.incrementAndGet();
        Thread.sleep(200L << attempt);
      }
    }
    throw last != null ? last : new IOException("still busy after 5 tries");
  }

  static HttpResponse<String> upload(HttpClient http, URI url, String token, Return r) throws Exception {
    String boundary = "b" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Path file : r.files()) {
      body.write(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + file.getFileName() + "\"\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(Files.readAllBytes(file));
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(url.resolve("/api/v1/submissions"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(HttpClient http, URI url, String token, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
