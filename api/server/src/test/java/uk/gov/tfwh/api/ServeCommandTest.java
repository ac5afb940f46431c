package uk.gov.tfwh.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import uk.gov.tfwh.warehouse.snapshot.SnapshotStore;
import uk.gov.tfwh.warehouse.testing.IcebergFixture;
import uk.gov.tfwh.warehouse.testing.SnapshotFixture;

/** {@code ./tfwh serve}: its options, their checks, and a real start on loopback. */
class ServeCommandTest {

  private static ServeCommand parse(String... args) {
    return parse(Map.of(), args);
  }

  private static ServeCommand parse(Map<String, String> environment, String... args) {
    ServeCommand command = new ServeCommand(environment);
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void theIcebergStoreIsTheDefaultAndTfwhCatalogOrTfwhStoreChooseOtherwise(@TempDir Path warehouse)
      throws Exception {
    Path settings = Files.writeString(warehouse.resolve("pg.properties"), "tfwh.catalog.name=x\n");

    assertThat(parse("--warehouse", warehouse.toString()).properties())
        .containsEntry("tfwh.store.kind", "iceberg")
        .doesNotContainKey("tfwh.store.catalog");
    assertThat(
            parse(Map.of("TFWH_CATALOG", settings.toString()), "--warehouse", warehouse.toString())
                .properties())
        .containsEntry("tfwh.store.kind", "iceberg")
        .containsEntry("tfwh.store.catalog", settings.toString());
    assertThat(
            parse(Map.of("TFWH_STORE", "folder"), "--warehouse", warehouse.toString()).properties())
        .containsEntry("tfwh.store.kind", "folder");
    assertThat(parse(Map.of("TFWH_STORE", "s3"), "--warehouse", warehouse.toString()).problem())
        .isEqualTo(
            "TFWH_STORE must be iceberg (the default) or folder (the legacy snapshot folders),"
                + " not 's3'");
  }

  @Test
  void aWarehouseOfSnapshotFoldersIsRefusedUnlessTheFolderStoreIsAskedFor(@TempDir Path warehouse) {
    SnapshotFixture.commit(new SnapshotStore(warehouse), "20260101T000000000Z-b0", 0);

    assertThat(parse("--warehouse", warehouse.toString()).problem())
        .isEqualTo(
            warehouse.toAbsolutePath()
                + " holds snapshot folders (the legacy folder store), which the Iceberg store (the"
                + " default) does not read: migrate them with ./tfwh migrate --from-snapshots "
                + warehouse.toAbsolutePath()
                + " --warehouse NEW_DIR, or keep using them with TFWH_STORE=folder");
    assertThat(parse(Map.of("TFWH_STORE", "folder"), "--warehouse", warehouse.toString()).problem())
        .isNull();
    assertThat(parse("--warehouse", warehouse.toString(), "--tfwh.store.kind=folder").problem())
        .isNull();
    assertThat(warehouse.resolve("catalog.db")).doesNotExist();
  }

  @Test
  void servesTheIcebergStoreByDefault(@TempDir Path warehouse) throws Exception {
    try (IcebergFixture fixture = IcebergFixture.open(warehouse)) {
      fixture.commit("20260101T000000000Z-i0", 0);
      fixture.publish("20260101T000000000Z-i0");
    }
    ServeCommand command = parse("--warehouse", warehouse.toString(), "--port", "0");
    try (ConfigurableApplicationContext context = command.start()) {
      assertThat(national(context)).contains("\"authorities_reporting\":7");
      assertThat(context.getEnvironment().getProperty("tfwh.store.kind")).isEqualTo("iceberg");
    }
  }

  private static String national(ConfigurableApplicationContext context) throws Exception {
    String port = context.getEnvironment().getProperty("local.server.port");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port + "/api/v1/national?phase=1&period=2013Q3"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void defaultsToLoopbackPort8080AndTheEmbeddedEngine(@TempDir Path warehouse) {
    ServeCommand command = parse("--warehouse", warehouse.toString());
    assertThat(command.problem()).isNull();
    assertThat(command.properties())
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("server.port", "8080")
        .containsEntry("tfwh.api.engine", "embedded")
        .containsEntry("tfwh.api.warehouse", warehouse.toAbsolutePath().toString())
        .doesNotContainKey("tfwh.api.users");
  }

  @Test
  void optionsBecomeTheServicesProperties(@TempDir Path warehouse) {
    ServeCommand command =
        parse(
            "--warehouse",
            warehouse.toString(),
            "--port",
            "9090",
            "--bind",
            "0.0.0.0",
            "--engine",
            "trino",
            "--trino-url",
            "jdbc:trino://127.0.0.1:8091",
            "--users",
            warehouse.resolve("users.tsv").toString(),
            "--tfwh.store.kind=iceberg");
    assertThat(command.problem()).isNull();
    assertThat(command.properties())
        .containsEntry("server.address", "0.0.0.0")
        .containsEntry("server.port", "9090")
        .containsEntry("tfwh.api.engine", "trino")
        .containsEntry("tfwh.api.trino-url", "jdbc:trino://127.0.0.1:8091")
        .containsEntry("tfwh.api.users", warehouse.resolve("users.tsv").toString());
  }

  @Test
  void trinoOnTheFolderStoreIsRefusedNamingTheMigration(@TempDir Path warehouse) {
    // The store by the rule every command follows: Trino on the default (Iceberg) store is served,
    // on the folder store chosen by TFWH_STORE=folder it is refused naming the migration.
    ServeCommand byDefault = parse("--warehouse", warehouse.toString(), "--engine", "trino");
    ServeCommand folder =
        parse(
            Map.of("TFWH_STORE", "folder"),
            "--warehouse",
            warehouse.toString(),
            "--engine",
            "trino");
    ServeCommand folderByOption =
        parse("--warehouse", warehouse.toString(), "--engine", "trino", "--tfwh.store.kind=folder");

    assertThat(byDefault.problem()).isNull();
    assertThat(folder.problem())
        .startsWith("--engine trino: Trino serves the Iceberg store only")
        .contains("./tfwh migrate --from-snapshots");
    assertThat(folderByOption.problem()).startsWith("--engine trino: Trino serves the Iceberg");
  }

  @Test
  void springAndTfwhPropertiesGivenAsOptionsReachTheService(@TempDir Path warehouse) {
    ServeCommand command =
        parse(
            "--warehouse",
            warehouse.toString(),
            "--port",
            "0",
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example/realms/x",
            "--tfwh.api.public-max-age=7s");

    assertThat(command.problem()).isNull();
    assertThat(command.properties())
        .containsEntry(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "https://login.example/realms/x")
        .containsEntry("tfwh.api.public-max-age", "7s");
    assertThat(parse("--warehouse", warehouse.toString(), "--nonsense=1").problem())
        .contains("unknown option '--nonsense=1'");
  }

  @Test
  void aPortInUseIsSaidInOneLine(@TempDir Path warehouse) throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      String port = Integer.toString(taken.getLocalPort());

      assertThat(parse("--warehouse", warehouse.toString(), "--port", port).portProblem())
          .isEqualTo("port " + port + " is in use on 127.0.0.1; choose another with --port");
    }
  }

  @Test
  void refusesOptionsItCannotServe(@TempDir Path warehouse) {
    assertThat(parse("--warehouse", warehouse.resolve("nowhere").toString()).problem())
        .contains("no warehouse folder");
    assertThat(parse("--warehouse", warehouse.toString(), "--engine", "spark").problem())
        .contains("embedded or trino");
    assertThat(parse("--warehouse", warehouse.toString(), "--port", "70000").problem())
        .contains("--port");
    assertThat(new CommandLine(new ServeCommand()).execute()).isNotZero();
  }

  @Test
  void servesTheWarehouseOnLoopback(@TempDir Path warehouse) throws Exception {
    SnapshotStore store = new SnapshotStore(warehouse);
    SnapshotFixture.commit(store, "20260101T000000000Z-b0", 0);
    store.publish("20260101T000000000Z-b0");
    ServeCommand command =
        parse(Map.of("TFWH_STORE", "folder"), "--warehouse", warehouse.toString(), "--port", "0");
    try (ConfigurableApplicationContext context = command.start()) {
      String port = context.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + port
                                  + "/api/v1/national?phase=1&period=2013Q3"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"authorities_reporting\":7");
      assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
    }
    assertThat(Files.exists(warehouse.resolve("PUBLISHED"))).isTrue();
  }
}
