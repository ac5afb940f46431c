package uk.gov.tfwh.warehouse.query.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.catalog.StoreChoice;

class TrinoCatalogPropertiesTest {
  private static final Path WAREHOUSE = Path.of("/srv/tfwh/warehouse");

  @TempDir Path dir;

  @Test
  void theEmbeddedCatalogIsTheSqliteFileInTheWarehouseReadThroughTheLocalFileSystem() {
    TrinoCatalogProperties trino = new TrinoCatalogProperties(CatalogSettings.embedded(WAREHOUSE));

    assertThat(trino.fileName()).isEqualTo("tfwh.properties");
    assertThat(trino.properties())
        .containsExactly(
            entry("connector.name", "iceberg"),
            entry("iceberg.catalog.type", "jdbc"),
            entry("iceberg.jdbc-catalog.driver-class", "org.sqlite.JDBC"),
            entry(
                "iceberg.jdbc-catalog.connection-url",
                "jdbc:sqlite:/srv/tfwh/warehouse/catalog.db?journal_mode=WAL&busy_timeout=10000"),
            entry("iceberg.jdbc-catalog.catalog-name", "tfwh"),
            entry(
                "iceberg.jdbc-catalog.default-warehouse-dir", "file:///srv/tfwh/warehouse/tables"),
            entry("fs.native-local.enabled", "true"),
            entry("local.location", "/"));
  }

  @Test
  void postgresqlGetsItsDriverUserAndThePasswordFromTrinosEnvironment() {
    CatalogSettings settings =
        CatalogSettings.of(
            Map.of(
                CatalogSettings.NAME, "tfwh_prod",
                CatalogSettings.URI, "jdbc:postgresql://127.0.0.1:5432/tfwh",
                CatalogSettings.USER, "reader",
                CatalogSettings.PASSWORD_ENV, "TFWH_CATALOG_PASSWORD",
                CatalogSettings.WAREHOUSE, "file:/srv/tfwh/tables"),
            WAREHOUSE);

    TrinoCatalogProperties trino = new TrinoCatalogProperties(settings);

    assertThat(trino.fileName()).isEqualTo("tfwh_prod.properties");
    assertThat(trino.properties())
        .contains(
            entry("iceberg.jdbc-catalog.driver-class", "org.postgresql.Driver"),
            entry("iceberg.jdbc-catalog.connection-url", "jdbc:postgresql://127.0.0.1:5432/tfwh"),
            entry("iceberg.jdbc-catalog.connection-user", "reader"),
            entry("iceberg.jdbc-catalog.connection-password", "${ENV:TFWH_CATALOG_PASSWORD}"),
            entry("iceberg.jdbc-catalog.catalog-name", "tfwh_prod"),
            entry("iceberg.jdbc-catalog.default-warehouse-dir", "file:///srv/tfwh/tables"));
  }

  @Test
  void anS3WarehouseIsReadThroughTrinosNativeS3FileSystemWithTheKeysFromItsEnvironment() {
    TrinoCatalogProperties trino = new TrinoCatalogProperties(onS3());

    assertThat(trino.properties())
        .containsExactly(
            entry("connector.name", "iceberg"),
            entry("iceberg.catalog.type", "jdbc"),
            entry("iceberg.jdbc-catalog.driver-class", "org.postgresql.Driver"),
            entry("iceberg.jdbc-catalog.connection-url", "jdbc:postgresql://db:5432/tfwh"),
            entry("iceberg.jdbc-catalog.connection-user", "tfwh"),
            entry("iceberg.jdbc-catalog.connection-password", "${ENV:TFWH_CATALOG_PASSWORD}"),
            entry("iceberg.jdbc-catalog.catalog-name", "tfwh"),
            entry("iceberg.jdbc-catalog.default-warehouse-dir", "s3://figures/warehouse"),
            entry("fs.native-s3.enabled", "true"),
            entry("s3.endpoint", "http://127.0.0.1:9000"),
            entry("s3.path-style-access", "true"),
            entry("s3.region", "eu-west-2"),
            entry("s3.aws-access-key", "${ENV:TFWH_S3_ACCESS_KEY}"),
            entry("s3.aws-secret-key", "${ENV:TFWH_S3_SECRET_KEY}"));
    assertThat(trino.environmentVariables())
        .containsExactly(
            entry(CatalogSettings.PASSWORD_ENV, "TFWH_CATALOG_PASSWORD"),
            entry(CatalogSettings.S3_ACCESS_KEY_ENV, "TFWH_S3_ACCESS_KEY"),
            entry(CatalogSettings.S3_SECRET_KEY_ENV, "TFWH_S3_SECRET_KEY"));
  }

  @Test
  void anS3WarehouseWithoutS3SettingsLeavesTrinoTheAwsDefaults() {
    CatalogSettings settings =
        CatalogSettings.of(Map.of(CatalogSettings.WAREHOUSE, "s3://figures/warehouse/"), WAREHOUSE);

    TrinoCatalogProperties trino = new TrinoCatalogProperties(settings);

    assertThat(trino.properties())
        .contains(
            entry("iceberg.jdbc-catalog.default-warehouse-dir", "s3://figures/warehouse"),
            entry("fs.native-s3.enabled", "true"),
            entry("s3.path-style-access", "false"))
        .doesNotContainKeys(
            "s3.endpoint",
            "s3.region",
            "s3.aws-access-key",
            "s3.aws-secret-key",
            "fs.native-local.enabled",
            "local.location");
    assertThat(trino.environmentVariables()).isEmpty();
  }

  @Test
  void theFileReadsBackAsTheProperties() throws IOException {
    TrinoCatalogProperties trino = new TrinoCatalogProperties(CatalogSettings.embedded(WAREHOUSE));
    Properties read = new Properties();
    read.load(new StringReader(trino.fileText()));

    assertThat(read).containsExactlyInAnyOrderEntriesOf(trino.properties());
  }

  @Test
  void aCatalogNamedLikeOneTrinoAlreadyHasIsRefused() {
    CatalogSettings hive = CatalogSettings.of(Map.of(CatalogSettings.NAME, "hive"), WAREHOUSE);

    assertThatThrownBy(() -> new TrinoCatalogProperties(hive))
        .hasMessageContaining("tfwh.catalog.name must not be hive");
  }

  @Test
  void theCommandWritesTheFileFromTheSettingsFileOrTheEmbeddedDefault() throws IOException {
    Path out = dir.resolve("etc/catalog");

    assertThat(run(Map.of(), "--warehouse", dir.toString(), "--out", out.toString())).isZero();
    assertThat(Files.readString(out.resolve("tfwh.properties")))
        .isEqualTo(new TrinoCatalogProperties(CatalogSettings.embedded(dir)).fileText());

    Path settings = dir.resolve("catalog.properties");
    Files.writeString(settings, "tfwh.catalog.name=figures\n");
    assertThat(
            run(
                Map.of("TFWH_CATALOG", settings.toString()),
                "--warehouse",
                dir.toString(),
                "--out",
                out.toString()))
        .isZero();
    assertThat(Files.readString(out.resolve("figures.properties")))
        .contains("iceberg.jdbc-catalog.catalog-name=figures");
  }

  @Test
  void aFolderStoreWarehouseIsRefusedInOneLineNamingTheMigration() throws IOException {
    Path folderStore = Files.createDirectories(dir.resolve("old/snapshots")).getParent();
    Path out = dir.resolve("etc/catalog");
    StringWriter err = new StringWriter();
    CommandLine line = TrinoCatalogCommand.commandLine(new TrinoCatalogCommand(Map.of()));
    line.setErr(new PrintWriter(err));

    int exit = line.execute("--warehouse", folderStore.toString(), "--out", out.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("tfwh trino: Trino serves the Iceberg store only, and " + folderStore)
        .contains("./tfwh migrate --from-snapshots")
        .doesNotContain("keep using them")
        .hasLineCount(1);
    assertThat(out).doesNotExist();
  }

  @Test
  void theLegacyFolderStoreIsRefusedBecauseTrinoServesTheIcebergStoreOnly() throws IOException {
    Path folderStore = Files.createDirectories(dir.resolve("old/snapshots")).getParent();
    Path out = dir.resolve("etc/catalog");
    StringWriter err = new StringWriter();
    CommandLine line =
        TrinoCatalogCommand.commandLine(new TrinoCatalogCommand(Map.of("TFWH_STORE", "folder")));
    line.setErr(new PrintWriter(err));

    int exit = line.execute("--warehouse", folderStore.toString(), "--out", out.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("tfwh trino: " + StoreChoice.trinoRefusal(folderStore));
    assertThat(out).doesNotExist();
  }

  @Test
  void theCommandWritesOneFilePerCatalogAndRefusesTwoOfOneName() throws IOException {
    Path embedded = Files.writeString(dir.resolve("embedded.properties"), "");
    Path other = Files.writeString(dir.resolve("other.properties"), "tfwh.catalog.name=other\n");
    Path out = dir.resolve("etc/catalog");

    assertThat(
            run(
                Map.of(),
                "--warehouse",
                dir.toString(),
                "--catalog",
                embedded.toString(),
                "--catalog",
                other.toString(),
                "--out",
                out.toString()))
        .isZero();
    assertThat(out.resolve("tfwh.properties")).exists();
    assertThat(out.resolve("other.properties")).exists();
    assertThat(
            run(
                Map.of(),
                "--warehouse",
                dir.toString(),
                "--catalog",
                other.toString(),
                "--catalog",
                other.toString(),
                "--out",
                dir.resolve("twice").toString()))
        .isEqualTo(1);
    assertThat(dir.resolve("twice")).doesNotExist();
  }

  @Test
  void theCommandRefusesAPasswordVariableThatIsNotSet() throws IOException {
    Path settings = dir.resolve("catalog.properties");
    Files.writeString(
        settings,
        """
        tfwh.catalog.uri=jdbc:postgresql://127.0.0.1:5432/tfwh
        tfwh.catalog.user=reader
        tfwh.catalog.password-env=TFWH_CATALOG_PASSWORD
        """);
    StringWriter err = new StringWriter();
    String[] args = {
      "--warehouse",
      dir.toString(),
      "--catalog",
      settings.toString(),
      "--out",
      dir.resolve("etc").toString()
    };

    CommandLine line = TrinoCatalogCommand.commandLine(new TrinoCatalogCommand(Map.of()));
    line.setErr(new PrintWriter(err));
    assertThat(line.execute(args)).isEqualTo(1);
    assertThat(err.toString()).contains("TFWH_CATALOG_PASSWORD, which is not set");
    assertThat(dir.resolve("etc/tfwh.properties")).doesNotExist();

    assertThat(run(Map.of("TFWH_CATALOG_PASSWORD", "s3cret"), args)).isZero();
    assertThat(Files.readString(dir.resolve("etc/tfwh.properties")))
        .contains("connection-password=${ENV:TFWH_CATALOG_PASSWORD}")
        .doesNotContain("s3cret");
  }

  @Test
  void theCommandRefusesAnS3KeyVariableThatIsNotSetAndNeverWritesTheKeys() throws IOException {
    Path settings = dir.resolve("s3.properties");
    Properties file = new Properties();
    onS3Keys().forEach(file::setProperty);
    try (var writer = Files.newBufferedWriter(settings)) {
      file.store(writer, null);
    }
    String[] args = {
      "--warehouse",
      dir.toString(),
      "--catalog",
      settings.toString(),
      "--out",
      dir.resolve("etc").toString()
    };
    Map<String, String> withoutSecretKey =
        Map.of("TFWH_CATALOG_PASSWORD", "pw", "TFWH_S3_ACCESS_KEY", "AKIAEXAMPLE");

    StringWriter err = new StringWriter();
    CommandLine line = TrinoCatalogCommand.commandLine(new TrinoCatalogCommand(withoutSecretKey));
    line.setErr(new PrintWriter(err));
    assertThat(line.execute(args)).isEqualTo(1);
    assertThat(err.toString())
        .contains("tfwh.s3.secret-key-env names the environment variable TFWH_S3_SECRET_KEY,")
        .contains("which is not set");
    assertThat(dir.resolve("etc/tfwh.properties")).doesNotExist();

    Map<String, String> all = new HashMap<>(withoutSecretKey);
    all.put("TFWH_S3_SECRET_KEY", "wJalrXUtnFEMI");
    assertThat(run(all, args)).isZero();
    assertThat(Files.readString(dir.resolve("etc/tfwh.properties")))
        .contains("s3.aws-access-key=${ENV:TFWH_S3_ACCESS_KEY}")
        .contains("s3.aws-secret-key=${ENV:TFWH_S3_SECRET_KEY}")
        .doesNotContain("AKIAEXAMPLE")
        .doesNotContain("wJalrXUtnFEMI");
  }

  /** A production catalog: PostgreSQL, and the tables in a bucket on an S3 API of our own. */
  private static Map<String, String> onS3Keys() {
    return Map.of(
        CatalogSettings.URI, "jdbc:postgresql://db:5432/tfwh",
        CatalogSettings.USER, "tfwh",
        CatalogSettings.PASSWORD_ENV, "TFWH_CATALOG_PASSWORD",
        CatalogSettings.WAREHOUSE, "s3://figures/warehouse",
        CatalogSettings.S3_ENDPOINT, "http://127.0.0.1:9000",
        CatalogSettings.S3_PATH_STYLE_ACCESS, "true",
        CatalogSettings.S3_REGION, "eu-west-2",
        CatalogSettings.S3_ACCESS_KEY_ENV, "TFWH_S3_ACCESS_KEY",
        CatalogSettings.S3_SECRET_KEY_ENV, "TFWH_S3_SECRET_KEY");
  }

  private static CatalogSettings onS3() {
    return CatalogSettings.of(onS3Keys(), WAREHOUSE);
  }

  private static int run(Map<String, String> environment, String... args) {
    CommandLine line = TrinoCatalogCommand.commandLine(new TrinoCatalogCommand(environment));
    line.setOut(new PrintWriter(new StringWriter()));
    return line.execute(args);
  }
}
