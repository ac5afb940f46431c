package uk.gov.tfwh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, item 8: the warehouse on several hosts that share only a private network. The load runs
 * as a Spark driver on a host of its own against a standalone master with two workers, and writes
 * the Iceberg warehouse to an S3 server (s3proxy) through a PostgreSQL catalog; it is published
 * from the load's host; the API serves it from another host with the embedded engine, and Trino (a
 * coordinator and a worker) reads the same catalog and bucket. The same landing folder is loaded,
 * published and served on one host with every default (the embedded Iceberg catalog, Spark in local
 * mode). The league table must be the same everywhere: the API's JSON on both, and the catalogue
 * query's rows through Trino and through the embedded engine.
 *
 * <p>The returns are generated on the {@code single} host and uploaded from there to the bucket
 * ({@code s3://tfwh/landing}); the cluster's load reads them from it ({@code --landing s3://...}:
 * the driver's copy in a folder of the load host's own, each executor fetching what it reads), so
 * no landing path is shared between hosts. Trino's nodes have the project's access control
 * (infra/trino/etc), and the Trino client is the user {@code tfwh}, as the API's connection is.
 *
 * <p>No folder is shared between hosts: each host's processes see only its own folder of the test
 * (the others are covered, {@link Host#inside}). The load's {@code --warehouse} and {@code
 * --landing-copy} are folders of the load host's; the load state is the {@code tfwh_state} tables
 * in the bucket (docs/load-state.md), and the test asserts that the executors wrote their claim
 * rows there and nothing of the load into any folder of the Spark hosts. What the hosts do share,
 * read only, as a deployment installs it on each: the JDKs, the build's jars, the reference set,
 * Trino's install and PostgreSQL's programs (infra/cluster/README.md).
 */
class MultiHostIT {
  @BeforeAll
  static void hostsCanBeMadeHere() {
    HostsOnThisMachine.assumeAvailable();
  }

  private static final Duration STEP = Duration.ofMinutes(4);
  private static final int PHASE = 1;
  private static final String PERIOD = "2013-03-31";

  /** A small sample: the first four quarters of the seed-1 history at a twentieth of its size. */
  private static final Pattern SAMPLE = Pattern.compile("[A-Z0-9]+-(2012Q[234]|2013Q1)-.*");

  private static final int S3_PORT = 9000;
  private static final int API_PORT = 8080;
  private static final String BUCKET = "tfwh";
  private static final String ACCESS_KEY = "tfwh-cluster";
  private static final String REGION = "eu-west-2";
  private static final String CHECKSUMS = "-Daws.requestChecksumCalculation=when_required";
  private static final String LANDING = "s3://" + BUCKET + "/landing";

  /** Folders of the load's state and release, by name: none may be on a Spark host. */
  private static final Set<String> LOAD_FOLDERS =
      Set.of("releases", "state", "claims", "tfwh_state", "tables");

  // Kept when the test fails: every process's log is in its host's folder.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path temp;

  @Test
  void theLeagueTableOfALoadOnSeveralHostsEqualsTheEmbeddedDefaults() throws Exception {
    long started = System.nanoTime();
    String secretKey = secret();
    try (PrivateNetwork network =
        PrivateNetwork.create(
            temp,
            "postgres",
            "s3",
            "sparkm",
            "sparka",
            "sparkb",
            "load",
            "trinoc",
            "trinow",
            "api",
            "single",
            "client")) {
      PeakMemory peak = PeakMemory.watch(network);
      Phases phases = new Phases(started);
      Host single = network.host("single");
      Host client = network.host("client");
      Host api = network.host("api");
      Host loadHost = network.host("load");

      Path singleLanding = sample(single);
      phases.mark("sample");

      // The one-machine default, on a host of its own, while the cluster comes up.
      CompletableFuture<String> defaultBody =
          CompletableFuture.supplyAsync(
              () -> loadPublishAndServeWithDefaults(single, singleLanding));

      try (ClusterPostgres postgres =
          ClusterPostgres.start(network.host("postgres"), network.subnet())) {
        postgres.createDatabase("tfwh");
        startS3(network.host("s3"), client, secretKey);
        Map<String, String> secrets =
            Map.of(
                "TFWH_CATALOG_PASSWORD", postgres.password(),
                "TFWH_S3_ACCESS_KEY", ACCESS_KEY,
                "TFWH_S3_SECRET_KEY", secretKey);
        upload(single, network.host("s3"), singleLanding, secrets);
        phases.mark("postgres, s3 and upload");
        String catalogText = catalogFile(postgres, network.host("s3"));

        Host trinoc = network.host("trinoc");
        TrinoInstall trino = TrinoInstall.locate().requirePlugins("tpch", "iceberg");
        Map<String, String> catalogs = Map.of("tfwh", trinoCatalog(postgres, network.host("s3")));
        CompletableFuture<HostProcess> coordinator =
            CompletableFuture.supplyAsync(
                () -> TrinoNodes.startCoordinator(trinoc, trino, catalogs, secrets));
        CompletableFuture<HostProcess> trinoWorker =
            CompletableFuture.supplyAsync(
                () ->
                    TrinoNodes.startWorker(
                        network.host("trinow"), trinoc, trino, catalogs, secrets));

        List<String> loadClasspath = ModuleClasspath.of("etl/spark");
        SparkStandalone.Master master =
            SparkStandalone.startMaster(network.host("sparkm"), loadClasspath);
        CompletableFuture<HostProcess> secondWorker =
            CompletableFuture.supplyAsync(
                () ->
                    SparkStandalone.startWorker(
                        network.host("sparkb"), loadClasspath, master, 1, "512m"));
        SparkStandalone.startWorker(network.host("sparka"), loadClasspath, master, 1, "512m");
        secondWorker.join();
        phases.mark("spark up");

        // The driver's own folders: no other host sees them.
        Path warehouse = Files.createDirectories(loadHost.folder().resolve("warehouse"));
        Path landingCopy = loadHost.folder().resolve("landing-copy");
        Path loadCatalog = write(loadHost.folder().resolve("catalog.properties"), catalogText);
        HostProcess load =
            JavaProgram.of("uk.gov.tfwh.etl.LoadCommand", loadClasspath)
                .withHeap("1g")
                .withJvmOptions(SparkStandalone.OPENS)
                .withJvmOptions(SparkStandalone.driverOptions(loadHost, loadClasspath))
                .withJvmOptions(
                    List.of(
                        rootDir(),
                        CHECKSUMS,
                        // The executors write data files to S3 too (driverOptions' tmpdir kept).
                        "-Dspark.executor.extraJavaOptions=-Djava.io.tmpdir=. "
                            + JavaProgram.NO_SHARED_PERF_DATA
                            + " "
                            + CHECKSUMS))
                .withEnvironment(secrets)
                .withEnvironment(Map.of("SPARK_LOCAL_IP", loadHost.address()))
                .withArguments(
                    List.of(
                        "--landing", LANDING,
                        "--landing-copy", landingCopy.toString(),
                        "--warehouse", warehouse.toString(),
                        "--master", master.url(),
                        "--catalog", loadCatalog.toString()))
                .start(loadHost, "load");
        assertThat(load.awaitExit(STEP)).as(load.log()).isZero();
        phases.mark("cluster load");
        assertThat(load.log())
            .contains(LANDING + ": " + fileCount(singleLanding) + " new or changed objects copied");
        assertThat(objects(network.host("s3"), "warehouse/"))
            .as(
                "the claim rows (written by the executors) are tfwh_state.claim_row files in the bucket")
            .anyMatch(key -> key.contains("tfwh_state/claim_row/") && key.endsWith(".parquet"));
        assertThat(loadFilesIn(network, List.of("sparkm", "sparka", "sparkb")))
            .as(
                "nothing of the load (state, claim rows, tables, returns) in the Spark hosts' folders")
            .isEmpty();
        assertThat(network.host("sparka").check(STEP, "ls", "-A", loadHost.folder().toString()))
            .as("a worker host does not see the load host's folder")
            .isBlank();
        try (Stream<Path> folders = Files.list(temp)) {
          assertThat(folders.map(folder -> folder.getFileName().toString()))
              .as("no folder of the test's but the hosts' own (none shared between them)")
              .allMatch(name -> network.hosts().stream().anyMatch(h -> h.name().equals(name)));
        }
        publish(loadHost, warehouse, Map.of(), loadCatalog, secrets);
        phases.mark("publish");

        assertThat(executorHosts(network))
            .as("both workers ran executors of the load")
            .containsExactlyInAnyOrder("sparka", "sparkb");
        assertThat(objects(network.host("s3"), "warehouse/"))
            .as("the tables' data files are in the bucket")
            .anyMatch(key -> key.contains("fact_claim") && key.endsWith(".parquet"));

        Path apiCatalog = write(api.folder().resolve("catalog.properties"), catalogText);
        HostProcess server =
            serve(
                api,
                Files.createDirectories(api.folder().resolve("warehouse")),
                Map.of(),
                apiCatalog,
                secrets);
        String clusterBody = leagueTable(client, api);
        phases.mark("api");

        String expectedBody = defaultBody.join();
        JsonNode cluster = new ObjectMapper().readTree(clusterBody);
        JsonNode embedded = new ObjectMapper().readTree(expectedBody);
        assertThat(cluster.path("rows").size()).as(clusterBody).isGreaterThan(100);
        assertThat(figures(cluster)).isEqualTo(figures(embedded));

        coordinator.join();
        trinoWorker.join();
        TrinoNodes.awaitWorkers(trinoc, 1);
        phases.mark("trino up");
        Path clientCatalog = write(client.folder().resolve("catalog.properties"), catalogText);
        List<String> throughTrino =
            leagueTableRows(
                client,
                "trino",
                clientCatalog.toString(),
                Files.createDirectories(client.folder().resolve("warehouse")),
                TrinoNodes.jdbcUrl(trinoc),
                secrets);
        List<String> embeddedDefault =
            leagueTableRows(
                single,
                "embedded",
                "embedded",
                single.folder().resolve("warehouse"),
                "jdbc:trino://127.0.0.1:1",
                Map.of());
        phases.mark("trino query");
        assertThat(
                TrinoNodes.statement(
                    trinoc, "superset", "SELECT count(*) FROM tfwh.warehouse.fact_claim"))
            .as("Trino's access control: only the user tfwh reads the warehouse tables")
            .contains("Access Denied");
        assertThat(throughTrino.get(0))
            .as("Trino read the release the API served")
            .isEqualTo("release " + cluster.path("snapshot").asText());
        assertThat(rows(throughTrino)).hasSizeGreaterThan(100).isEqualTo(rows(embeddedDefault));
        // The coordinator schedules no work on itself (TrinoNodes), so every task of the pinned
        // query ran on the worker's host: one row, the worker. The JDBC driver prepares the query
        // and runs it as EXECUTE (the only statement LeagueTableRows prepares); the PREPARE itself
        // runs no task.
        assertThat(
                TrinoNodes.statement(
                    trinoc,
                    "SELECT DISTINCT t.node_id FROM system.runtime.tasks t"
                        + " JOIN system.runtime.queries q ON q.query_id = t.query_id"
                        + " WHERE q.query LIKE 'EXECUTE%' AND q.state = 'FINISHED'"))
            .as("the tasks of the league-table query through Trino ran on the worker only")
            .contains("\"data\":[[\"tfwh-trinow\"]]");

        server.stop(Duration.ofSeconds(10));
        peak.stop();
        System.out.println("multi-host: " + phases + "; " + peak);
      }
    }
    System.out.printf(
        "multi-host: %d s with shutdown%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  /**
   * The seed-1 sample generated on a host, then its first four quarters copied into a landing
   * folder of that host.
   */
  private Path sample(Host host) throws IOException {
    Path generated = host.folder().resolve("generated");
    HostProcess generate =
        JavaProgram.of("uk.gov.tfwh.generator.GenerateCommand", ModuleClasspath.of("etl/generator"))
            .withJvmOptions(List.of(rootDir()))
            .withArguments(List.of("--out", generated.toString(), "--scale", "0.05"))
            .start(host, "generate");
    assertThat(generate.awaitExit(STEP)).as(generate.log()).isZero();
    Path landing = Files.createDirectories(host.folder().resolve("landing"));
    try (Stream<Path> files = Files.list(generated)) {
      for (Path file : files.toList()) {
        if (SAMPLE.matcher(file.getFileName().toString()).matches()) {
          Files.copy(file, landing.resolve(file.getFileName()));
        }
      }
    }
    return landing;
  }

  /** The landing folder's files put into the bucket from the host that has them. */
  private static void upload(Host from, Host s3, Path landing, Map<String, String> secrets) {
    List<String> classpath = new ArrayList<>(ModuleClasspath.of("etl/spark"));
    classpath.add(ModuleClasspath.infraTestClasses());
    HostProcess upload =
        JavaProgram.of(LandingUpload.class.getName(), classpath)
            .withJvmOptions(List.of(CHECKSUMS))
            .withEnvironment(secrets)
            .withArguments(List.of(s3Endpoint(s3), REGION, BUCKET, "landing", landing.toString()))
            .start(from, "upload");
    assertThat(upload.awaitExit(STEP)).as(upload.log()).isZero();
  }

  private static long fileCount(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  /**
   * Files of the load in the hosts' folders: Parquet files, anything under a folder named like the
   * load's state or release ({@code releases}, {@code state}, {@code claims}, {@code tfwh_state},
   * {@code tables}) and copies of returns. The executors' own logs and Spark's scratch are not.
   */
  private static List<String> loadFilesIn(PrivateNetwork network, List<String> hosts)
      throws IOException {
    List<String> found = new ArrayList<>();
    for (String name : hosts) {
      Path folder = network.host(name).folder();
      try (Stream<Path> files = Files.walk(folder)) {
        files
            .filter(Files::isRegularFile)
            .map(folder::relativize)
            .filter(MultiHostIT::isOfTheLoad)
            .forEach(file -> found.add(name + ": " + file));
      }
    }
    return found;
  }

  private static boolean isOfTheLoad(Path file) {
    String name = file.getFileName().toString();
    for (Path part : file) {
      if (LOAD_FOLDERS.contains(part.toString())) {
        return true;
      }
    }
    return name.endsWith(".parquet") || SAMPLE.matcher(name).matches();
  }

  /**
   * {@code ./tfwh load}, {@code publish} and {@code serve} with the embedded defaults (the Iceberg
   * store's SQLite catalog in the warehouse folder, Spark in local mode) on one host; the league
   * table it serves.
   */
  private String loadPublishAndServeWithDefaults(Host host, Path landing) {
    Path warehouse = host.folder().resolve("warehouse");
    Map<String, String> iceberg = Map.of("TFWH_STORE", "iceberg");
    List<String> classpath = ModuleClasspath.of("etl/spark");
    HostProcess load =
        JavaProgram.of("uk.gov.tfwh.etl.LoadCommand", classpath)
            .withHeap("1g")
            .withJvmOptions(SparkStandalone.OPENS)
            .withJvmOptions(List.of(rootDir()))
            .withEnvironment(iceberg)
            .withEnvironment(Map.of("SPARK_LOCAL_IP", "127.0.0.1"))
            .withArguments(
                List.of("--landing", landing.toString(), "--warehouse", warehouse.toString()))
            .start(host, "load");
    assertThat(load.awaitExit(STEP)).as(load.log()).isZero();
    publish(host, warehouse, iceberg, null, Map.of());
    serve(host, warehouse, iceberg, null, Map.of());
    return leagueTable(host, host);
  }

  /** {@code ./tfwh publish --current} on a host. */
  private static void publish(
      Host host,
      Path warehouse,
      Map<String, String> environment,
      Path catalog,
      Map<String, String> secrets) {
    List<String> arguments = new ArrayList<>(List.of("--warehouse", warehouse.toString()));
    if (catalog != null) {
      arguments.addAll(List.of("--catalog", catalog.toString()));
    }
    arguments.add("--current");
    HostProcess publish =
        JavaProgram.of(
                "uk.gov.tfwh.warehouse.cli.PublishCommand", ModuleClasspath.of("warehouse/query"))
            .withJvmOptions(List.of(rootDir(), CHECKSUMS))
            .withEnvironment(environment)
            .withEnvironment(secrets)
            .withArguments(arguments)
            .start(host, "publish");
    assertThat(publish.awaitExit(STEP)).as(publish.log()).isZero();
  }

  /** {@code ./tfwh serve} on a host's address, port 8080, waiting until it listens. */
  private static HostProcess serve(
      Host host,
      Path warehouse,
      Map<String, String> environment,
      Path catalog,
      Map<String, String> secrets) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--warehouse",
                warehouse.toString(),
                "--port",
                String.valueOf(API_PORT),
                "--bind",
                host.address()));
    if (catalog != null) {
      arguments.addAll(List.of("--catalog", catalog.toString()));
    }
    HostProcess server =
        JavaProgram.of("uk.gov.tfwh.api.ServeCommand", ModuleClasspath.of("api/web"))
            .withHeap("768m")
            .withJvmOptions(List.of(rootDir(), CHECKSUMS))
            .withEnvironment(environment)
            .withEnvironment(secrets)
            .withArguments(arguments)
            .start(host, "api");
    server.awaitLog("tfwh serve: over", STEP);
    return server;
  }

  /** The API's league table (JSON) as an anonymous client on {@code from} gets it. */
  private static String leagueTable(Host from, Host api) {
    return from.check(
        STEP,
        "curl",
        "-sf",
        "-m",
        "120",
        "http://"
            + api.address()
            + ":"
            + API_PORT
            + "/api/v1/league-table?phase="
            + PHASE
            + "&period="
            + PERIOD);
  }

  /** The league table without the release id (each store has its own ids). */
  private static JsonNode figures(JsonNode body) {
    ObjectNode figures = body.deepCopy();
    figures.remove("snapshot");
    return figures;
  }

  /** {@link LeagueTableRows} run on a host: its output lines. */
  private static List<String> leagueTableRows(
      Host host,
      String engine,
      String catalog,
      Path warehouse,
      String trinoUrl,
      Map<String, String> secrets) {
    List<String> classpath = new ArrayList<>(ModuleClasspath.of("warehouse/query"));
    classpath.add(ModuleClasspath.infraTestClasses());
    HostProcess rows =
        JavaProgram.of(LeagueTableRows.class.getName(), classpath)
            .withJvmOptions(List.of(rootDir(), CHECKSUMS))
            .withEnvironment(secrets)
            .withArguments(
                List.of(
                    engine, catalog, warehouse.toString(), trinoUrl, String.valueOf(PHASE), PERIOD))
            .start(host, "league-table-" + engine);
    assertThat(rows.awaitExit(STEP)).as(rows.log()).isZero();
    List<String> lines =
        rows.log()
            .lines()
            .filter(line -> line.startsWith("release ") || line.startsWith("row"))
            .toList();
    assertThat(lines).as(rows.log()).isNotEmpty();
    assertThat(lines.get(0)).as(rows.log()).startsWith("release ");
    return lines;
  }

  private static List<String> rows(List<String> lines) {
    return lines.stream().filter(line -> line.startsWith("row")).toList();
  }

  /** s3proxy on its host's address, its buckets in its own folder, signed requests only. */
  private static void startS3(Host host, Host client, String secretKey) throws IOException {
    ProcessFolder folder = host.prepare("s3proxy");
    Path buckets = Files.createDirectories(folder.work().resolve("buckets"));
    Path properties =
        write(
            folder.work().resolve("s3proxy.properties"),
            String.join(
                "\n",
                "s3proxy.endpoint=" + s3Endpoint(host),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + secretKey,
                "s3proxy.ignore-unknown-headers=true",
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + buckets,
                ""));
    Path logback = write(folder.work().resolve("logback.xml"), LOGBACK);
    Path jar = ModuleClasspath.root().resolve("warehouse/iceberg/target/s3proxy/s3proxy.jar");
    assertThat(jar).as("built by mvn install -pl warehouse/iceberg").isRegularFile();
    JavaProgram.of("org.gaul.s3proxy.Main", List.of(jar.toString()))
        .withHeap("256m")
        .withJvmOptions(List.of("-Dlogback.configurationFile=" + logback))
        .withArguments(List.of("--properties", properties.toString()))
        .start(host, "s3proxy");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      // Any HTTP status (an unsigned request gets 403) means it answers.
      String status =
          client
              .run(
                  Duration.ofSeconds(10),
                  "curl",
                  "-s",
                  "-o",
                  "/dev/null",
                  "-m",
                  "2",
                  "-w",
                  "%{http_code}",
                  s3Endpoint(host) + "/")
              .text()
              .trim();
      if (!status.isEmpty() && !status.equals("000")) {
        return;
      }
      HostProcess.pause(200);
    }
    throw new IllegalStateException("s3proxy does not answer on " + s3Endpoint(host));
  }

  private static String s3Endpoint(Host s3) {
    return "http://" + s3.address() + ":" + S3_PORT;
  }

  /** The object keys under a prefix of the bucket, from s3proxy's own folder. */
  private static List<String> objects(Host s3, String prefix) throws IOException {
    Path root = s3.folder().resolve("s3proxy/buckets").resolve(BUCKET);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString())
          .filter(key -> key.startsWith(prefix))
          .toList();
    }
  }

  /** The worker hosts whose work folder holds an executor of an application. */
  private static List<String> executorHosts(PrivateNetwork network) throws IOException {
    List<String> hosts = new ArrayList<>();
    for (String name : List.of("sparka", "sparkb")) {
      Path executors = network.host(name).folder().resolve("spark-worker/executors");
      try (Stream<Path> apps = Files.list(executors)) {
        if (apps.anyMatch(app -> app.getFileName().toString().startsWith("app-"))) {
          hosts.add(name);
        }
      }
    }
    return hosts;
  }

  /**
   * The catalog settings every cluster host gets its own copy of (infra/cluster/README.md): the
   * PostgreSQL catalog and the bucket, by address; secrets stay in the environment.
   */
  private static String catalogFile(ClusterPostgres postgres, Host s3) {
    return String.join(
        "\n",
        "tfwh.catalog.name=tfwh",
        "tfwh.catalog.uri=" + postgres.jdbcUrl("tfwh"),
        "tfwh.catalog.user=" + postgres.user(),
        "tfwh.catalog.password-env=TFWH_CATALOG_PASSWORD",
        "tfwh.catalog.warehouse=s3://" + BUCKET + "/warehouse",
        "tfwh.catalog.namespace=warehouse",
        "tfwh.s3.endpoint=" + s3Endpoint(s3),
        "tfwh.s3.path-style-access=true",
        "tfwh.s3.region=" + REGION,
        "tfwh.s3.access-key-env=TFWH_S3_ACCESS_KEY",
        "tfwh.s3.secret-key-env=TFWH_S3_SECRET_KEY",
        "");
  }

  /**
   * Trino's Iceberg catalog on the same database and bucket (docs/design/iceberg.md, 5.11), with
   * Trino's native S3 file system. Written here from ../shared/engines.md's keys until {@code
   * TrinoCatalogProperties} maps an {@code s3://} warehouse itself.
   */
  private static String trinoCatalog(ClusterPostgres postgres, Host s3) {
    return String.join(
        "\n",
        "connector.name=iceberg",
        "iceberg.catalog.type=jdbc",
        "iceberg.jdbc-catalog.driver-class=org.postgresql.Driver",
        "iceberg.jdbc-catalog.connection-url=" + postgres.jdbcUrl("tfwh"),
        "iceberg.jdbc-catalog.connection-user=" + postgres.user(),
        "iceberg.jdbc-catalog.connection-password=${ENV:TFWH_CATALOG_PASSWORD}",
        "iceberg.jdbc-catalog.catalog-name=tfwh",
        "iceberg.jdbc-catalog.default-warehouse-dir=s3://" + BUCKET + "/warehouse",
        "fs.native-s3.enabled=true",
        "s3.endpoint=" + s3Endpoint(s3),
        "s3.path-style-access=true",
        "s3.region=" + REGION,
        "s3.aws-access-key=${ENV:TFWH_S3_ACCESS_KEY}",
        "s3.aws-secret-key=${ENV:TFWH_S3_SECRET_KEY}",
        "");
  }

  private static String rootDir() {
    return "-Dtfwh.root.dir=" + ModuleClasspath.root();
  }

  private static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String secret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
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
}
