package uk.gov.tfwh.warehouse.iceberg.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3 API for tests: s3proxy 2.6 on a filesystem backend in a folder of its own, on a free
 * loopback port, started once per test JVM ({@link #shared()}) and stopped when the JVM exits.
 *
 * <p>s3proxy runs in a JVM of its own, from its all-in-one jar (the system property {@value
 * #JAR_PROPERTY}, which the module's build copies from the Maven repository): it brings Jetty,
 * jclouds, Netty, Guava and logback, none of which belongs on a test classpath that holds Iceberg,
 * DuckDB or Spring. It logs at WARN (its jar's own configuration logs every request), refuses
 * unsigned requests (the access key {@value #ACCESS_KEY}), and ignores the headers the AWS SDK and
 * Trino send that it does not know ({@code s3proxy.ignore-unknown-headers}, ../shared/engines.md).
 *
 * <p>The AWS SDK of this JVM must not add checksums to every request, which s3proxy refuses: this
 * fixture sets {@code aws.requestChecksumCalculation=when_required} unless it is set already (the
 * module's build sets it too, before any client is made).
 */
public final class S3ProxyServer {

  /** The system property naming s3proxy's all-in-one jar. */
  public static final String JAR_PROPERTY = "tfwh.s3proxy.jar";

  public static final String ACCESS_KEY = "tfwh-test";
  public static final String SECRET_KEY = "tfwh-test-secret";

  /** The region clients sign for; s3proxy accepts any. */
  public static final String REGION = "eu-west-2";

  /** The environment variables the catalog settings name for the keys, and their values. */
  public static final String ACCESS_KEY_ENV = "TFWH_S3_ACCESS_KEY";

  public static final String SECRET_KEY_ENV = "TFWH_S3_SECRET_KEY";

  private static final long START_TIMEOUT_MILLIS = 30_000;
  private static final int START_ATTEMPTS = 3;
  private static S3ProxyServer shared;

  private final Process process;
  private final OutputStream lifeline;
  private final Path folder;
  private final int port;

  private S3ProxyServer(Process process, Path folder, int port) {
    this.process = process;
    this.lifeline = process.getOutputStream();
    this.folder = folder;
    this.port = port;
  }

  /** The server of this test JVM, started on first use. */
  public static synchronized S3ProxyServer shared() {
    if (shared == null) {
      if (System.getProperty("aws.requestChecksumCalculation") == null) {
        System.setProperty("aws.requestChecksumCalculation", "when_required");
      }
      S3ProxyServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop s3proxy"));
      shared = server;
    }
    return shared;
  }

  /** The endpoint clients use, {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Where s3proxy keeps the buckets: one folder per bucket, one file per object. */
  public Path folder() {
    return folder;
  }

  /** The environment the catalog settings read the keys from ({@link #settings(String)}). */
  public Map<String, String> environment() {
    return Map.of(ACCESS_KEY_ENV, ACCESS_KEY, SECRET_KEY_ENV, SECRET_KEY);
  }

  /**
   * The catalog settings keys for a warehouse at this location ({@code s3://bucket/path}) on this
   * server, keys read from {@link #environment()}.
   */
  public Map<String, String> settings(String warehouse) {
    return Map.of(
        "tfwh.catalog.warehouse", warehouse,
        "tfwh.s3.endpoint", endpoint(),
        "tfwh.s3.path-style-access", "true",
        "tfwh.s3.region", REGION,
        "tfwh.s3.access-key-env", ACCESS_KEY_ENV,
        "tfwh.s3.secret-key-env", SECRET_KEY_ENV);
  }

  /** The objects stored under a bucket's prefix, as keys ({@code warehouse/x/data/f.parquet}). */
  public List<String> objects(String bucket, String prefix) {
    Path root = folder.resolve(bucket);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString())
          .filter(key -> key.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /**
   * Starts the server; again on another port when it exits at once (another process took the free
   * port between choosing and binding it).
   */
  private static S3ProxyServer start() {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce();
      } catch (IllegalStateException e) {
        if (attempt == START_ATTEMPTS || !e.getMessage().startsWith("s3proxy exited")) {
          throw e;
        }
      }
    }
  }

  private static S3ProxyServer startOnce() {
    Path jar = jar();
    Path folder;
    try {
      folder = Files.createTempDirectory("tfwh-s3proxy-");
      Files.createDirectories(folder.resolve("buckets"));
      int port = freePort();
      Path properties = folder.resolve("s3proxy.properties");
      Files.writeString(properties, properties(folder.resolve("buckets"), port));
      Path logback = folder.resolve("logback.xml");
      Files.writeString(logback, LOGBACK);
      Path log = folder.resolve("s3proxy.log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-Dlogback.configurationFile=" + logback);
      command.add("-cp");
      command.add(launcherLocation() + java.io.File.pathSeparator + jar);
      command.add(S3ProxyLauncher.class.getName());
      command.add("--properties");
      command.add(properties.toString());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      S3ProxyServer server = new S3ProxyServer(process, folder.resolve("buckets"), port);
      server.awaitReady(log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start s3proxy", e);
    }
  }

  private static Path jar() {
    String property = System.getProperty(JAR_PROPERTY);
    if (property == null || !Files.isRegularFile(Path.of(property))) {
      throw new IllegalStateException(
          "s3proxy's jar is not at "
              + property
              + ": set the system property "
              + JAR_PROPERTY
              + " to org.gaul:s3proxy:jar:jar-with-dependencies (the module's build copies it to"
              + " target/s3proxy)");
    }
    return Path.of(property);
  }

  /** Where this class was loaded from: a test-classes folder or the test jar. */
  private static String launcherLocation() {
    try {
      return Path.of(
              S3ProxyLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate the s3proxy launcher's classes", e);
    }
  }

  private static String properties(Path buckets, int port) {
    return String.join(
        "\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "s3proxy.ignore-unknown-headers=true",
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + buckets,
        "");
  }

  private static final String LOGBACK =
      """
      <configuration>
        <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>
        </appender>
        <root level="WARN"><appender-ref ref="OUT"/></root>
      </configuration>
      """;

  /** Ready once it answers HTTP at all (an unsigned request gets 403). */
  private void awaitReady(Path log) throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        String output = Files.readString(log, StandardCharsets.UTF_8);
        deleteQuietly(folder.getParent());
        throw new IllegalStateException(
            "s3proxy exited with " + process.exitValue() + ": " + output);
      }
      try {
        HttpURLConnection connection =
            (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(2000);
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status > 0) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      pause(50);
    }
    stop();
    throw new IllegalStateException(
        "s3proxy did not answer within "
            + START_TIMEOUT_MILLIS
            + " ms: "
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  private void stop() {
    try {
      lifeline.close();
    } catch (IOException ignored) {
      // the child halts on end of input, or is destroyed below
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteQuietly(folder.getParent());
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder; the operating system cleans up what is left
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting s3proxy", e);
    }
  }
}
