package uk.gov.tfwh.warehouse.iceberg.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings.Database;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings.LockMode;

class CatalogSettingsTest {
  private static final Path WAREHOUSE = Path.of("/srv/tfwh/warehouse");

  /** Every key set to a value other than its default (as Trino's config tests do). */
  private static final Map<String, String> EVERY_KEY =
      Map.ofEntries(
          entry("tfwh.catalog.name", "tfwh_prod"),
          entry("tfwh.catalog.uri", "jdbc:postgresql://127.0.0.1:5432/tfwh"),
          entry("tfwh.catalog.user", "loader"),
          entry("tfwh.catalog.password-env", "TFWH_CATALOG_PASSWORD"),
          entry("tfwh.catalog.warehouse", "s3://tfwh-figures/warehouse/"),
          entry("tfwh.catalog.namespace", "figures"),
          entry("tfwh.lock", "postgres"),
          entry("tfwh.retention.orphan-min-age", "PT2H"),
          entry("tfwh.s3.endpoint", "http://127.0.0.1:9000"),
          entry("tfwh.s3.path-style-access", "true"),
          entry("tfwh.s3.region", "eu-west-2"),
          entry("tfwh.s3.access-key-env", "TFWH_S3_ACCESS_KEY"),
          entry("tfwh.s3.secret-key-env", "TFWH_S3_SECRET_KEY"),
          entry("tfwh.cache.dir", "/var/cache/tfwh"),
          entry("tfwh.cache.max-mib", "512"));

  /** The environment the secrets of {@link #EVERY_KEY} come from. */
  private static final Map<String, String> SECRETS =
      Map.of(
          "TFWH_CATALOG_PASSWORD", "s3cret",
          "TFWH_S3_ACCESS_KEY", "AKIAEXAMPLE",
          "TFWH_S3_SECRET_KEY", "wJalrXUtnFEMI");

  @TempDir Path dir;

  @Test
  void theDefaultIsTheEmbeddedCatalogInTheWarehouseFolder() {
    CatalogSettings settings = CatalogSettings.of(Map.of(), WAREHOUSE);

    assertThat(settings).isEqualTo(CatalogSettings.embedded(WAREHOUSE));
    assertThat(settings.name()).isEqualTo("tfwh");
    assertThat(settings.uri()).isEqualTo("jdbc:sqlite:/srv/tfwh/warehouse/catalog.db");
    assertThat(settings.user()).isEmpty();
    assertThat(settings.passwordEnv()).isEmpty();
    assertThat(settings.warehouse()).isEqualTo("file:/srv/tfwh/warehouse/tables");
    assertThat(settings.namespace()).isEqualTo("warehouse");
    assertThat(settings.database()).isEqualTo(Database.SQLITE);
    assertThat(settings.sqliteFile()).contains(Path.of("/srv/tfwh/warehouse/catalog.db"));
    assertThat(settings.s3()).isEqualTo(S3Settings.DEFAULTS);
    assertThat(settings.s3().endpoint()).isEmpty();
    assertThat(settings.s3().pathStyleAccess()).isFalse();
    assertThat(settings.s3().region()).isEmpty();
    assertThat(settings.s3().accessKeyEnv()).isEmpty();
    assertThat(settings.s3().secretKeyEnv()).isEmpty();
    assertThat(settings.cache().dir()).isEqualTo(Path.of("/srv/tfwh/warehouse/cache"));
    assertThat(settings.cache().maxBytes()).isEqualTo(10L * 1024 * 1024 * 1024);
    assertThat(settings.onObjectStorage()).isFalse();
    assertThat(settings.bucket()).isEmpty();
  }

  @Test
  void everyKeyIsReadIntoItsSetting() {
    assertThat(EVERY_KEY.keySet()).containsExactlyInAnyOrderElementsOf(CatalogSettings.KEYS);

    CatalogSettings settings = CatalogSettings.of(EVERY_KEY, WAREHOUSE);

    assertThat(settings)
        .isEqualTo(
            new CatalogSettings(
                "tfwh_prod",
                "jdbc:postgresql://127.0.0.1:5432/tfwh",
                Optional.of("loader"),
                Optional.of("TFWH_CATALOG_PASSWORD"),
                "s3://tfwh-figures/warehouse",
                "figures",
                LockMode.POSTGRES,
                Duration.ofHours(2),
                new S3Settings(
                    Optional.of("http://127.0.0.1:9000"),
                    true,
                    Optional.of("eu-west-2"),
                    Optional.of("TFWH_S3_ACCESS_KEY"),
                    Optional.of("TFWH_S3_SECRET_KEY")),
                new CacheSettings(Path.of("/var/cache/tfwh"), 512L * 1024 * 1024)));
    assertThat(settings.database()).isEqualTo(Database.POSTGRESQL);
    assertThat(settings.sqliteFile()).isEmpty();
    assertThat(settings.onObjectStorage()).isTrue();
    assertThat(settings.bucket()).contains("tfwh-figures");
  }

  @Test
  void anS3WarehouseGivesIcebergTheS3FileIoAndItsClientSettingsWithKeysFromTheEnvironment() {
    CatalogSettings settings = CatalogSettings.of(EVERY_KEY, WAREHOUSE);

    Map<String, String> properties = settings.icebergProperties(SECRETS);

    assertThat(properties)
        .containsOnly(
            entry("uri", "jdbc:postgresql://127.0.0.1:5432/tfwh"),
            entry("warehouse", "s3://tfwh-figures/warehouse"),
            entry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO"),
            entry("jdbc.schema-version", "V1"),
            entry("jdbc.user", "loader"),
            entry("jdbc.password", "s3cret"),
            entry("s3.endpoint", "http://127.0.0.1:9000"),
            entry("s3.path-style-access", "true"),
            entry("client.region", "eu-west-2"),
            entry("s3.access-key-id", "AKIAEXAMPLE"),
            entry("s3.secret-access-key", "wJalrXUtnFEMI"));
    assertThat(settings.toString()).doesNotContain("AKIAEXAMPLE").doesNotContain("wJalrXUtnFEMI");
    assertThatThrownBy(() -> settings.icebergProperties(Map.of("TFWH_CATALOG_PASSWORD", "s3cret")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tfwh.s3.access-key-env names the environment variable")
        .hasMessageContaining("TFWH_S3_ACCESS_KEY, which is not set");
  }

  @Test
  void anS3WarehouseWithoutS3SettingsLeavesEndpointRegionAndKeysToTheAwsSdk() {
    CatalogSettings settings =
        CatalogSettings.of(Map.of("tfwh.catalog.warehouse", "s3://tfwh/w"), WAREHOUSE);

    assertThat(settings.icebergProperties(Map.of()))
        .containsOnly(
            entry(
                "uri",
                "jdbc:sqlite:/srv/tfwh/warehouse/catalog.db?journal_mode=WAL&busy_timeout=10000"),
            entry("warehouse", "s3://tfwh/w"),
            entry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO"),
            entry("jdbc.schema-version", "V1"),
            entry("clients", "1"),
            entry("s3.path-style-access", "false"));
    assertThat(settings.bucket()).contains("tfwh");
  }

  @Test
  void aKeyNotGivenKeepsItsDefault() {
    CatalogSettings settings =
        CatalogSettings.of(Map.of("tfwh.catalog.namespace", "figures"), WAREHOUSE);

    assertThat(settings.uri()).isEqualTo(CatalogSettings.embedded(WAREHOUSE).uri());
    assertThat(settings.namespace()).isEqualTo("figures");
  }

  @Test
  void aPropertiesFileIsReadWithItsValuesStripped() throws IOException {
    Path file = dir.resolve("catalog.properties");
    Files.writeString(
        file,
        """
        # production catalog
        tfwh.catalog.uri = jdbc:postgresql://db.internal:5432/tfwh \s
        tfwh.catalog.user=loader
        tfwh.catalog.password-env=TFWH_CATALOG_PASSWORD
        tfwh.catalog.warehouse=file:///srv/tfwh/tables/
        """);

    CatalogSettings settings = CatalogSettings.read(file, WAREHOUSE);

    assertThat(settings.uri()).isEqualTo("jdbc:postgresql://db.internal:5432/tfwh");
    assertThat(settings.user()).contains("loader");
    assertThat(settings.warehouse()).isEqualTo("file:/srv/tfwh/tables");
    assertThat(settings.name()).isEqualTo("tfwh");
    assertThatThrownBy(() -> CatalogSettings.read(dir.resolve("none.properties"), WAREHOUSE))
        .hasMessageContaining("no catalog settings file at");
  }

  @Test
  void theS3ExampleInInfraSetsEveryKeyAndIsValid() throws IOException {
    Path example =
        Path.of(System.getProperty("tfwh.root.dir"), "infra", "catalog", "s3.properties.example");
    Properties keys = new Properties();
    try (var reader = Files.newBufferedReader(example)) {
      keys.load(reader);
    }

    CatalogSettings settings = CatalogSettings.read(example, WAREHOUSE);

    assertThat(keys.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(CatalogSettings.KEYS);
    assertThat(settings.onObjectStorage()).isTrue();
    assertThat(settings.icebergProperties(SECRETS))
        .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
  }

  @Test
  void icebergIsGivenTheSqliteUriWithItsLogAndTimeoutAndTheLocalFileIo() {
    Map<String, String> properties =
        CatalogSettings.embedded(WAREHOUSE).icebergProperties(Map.of());

    assertThat(properties)
        .containsOnly(
            entry(
                "uri",
                "jdbc:sqlite:/srv/tfwh/warehouse/catalog.db?journal_mode=WAL&busy_timeout=10000"),
            entry("warehouse", "file:/srv/tfwh/warehouse/tables"),
            entry("io-impl", "uk.gov.tfwh.warehouse.iceberg.catalog.LocalFileIO"),
            entry("jdbc.schema-version", "V1"),
            entry("clients", "1"));
  }

  @Test
  void thePasswordComesFromTheEnvironmentVariableTheSettingsName() {
    CatalogSettings settings = CatalogSettings.of(EVERY_KEY, WAREHOUSE);

    Map<String, String> properties = settings.icebergProperties(SECRETS);

    assertThat(properties)
        .contains(
            entry("uri", "jdbc:postgresql://127.0.0.1:5432/tfwh"),
            entry("jdbc.user", "loader"),
            entry("jdbc.password", "s3cret"),
            entry("jdbc.schema-version", "V1"))
        .doesNotContainKey("clients");
    assertThat(settings.toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> settings.icebergProperties(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TFWH_CATALOG_PASSWORD, which is not set");
  }

  @Test
  void aSecretWrittenInTheFileIsRefusedWithTheKeyToUseInstead() {
    Map<String, String> properties = new LinkedHashMap<>(EVERY_KEY);
    properties.put("tfwh.catalog.password", "s3cret");

    assertThatThrownBy(() -> CatalogSettings.of(properties, WAREHOUSE))
        .hasMessageContaining("secrets are not written in the settings file")
        .hasMessageContaining("tfwh.catalog.password-env")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () ->
                CatalogSettings.of(
                    Map.of("tfwh.catalog.uri", "jdbc:postgresql://h/tfwh?password=s3cret"),
                    WAREHOUSE))
        .hasMessageContaining("tfwh.catalog.password-env")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void unknownKeysAreRefusedWithTheKnownOnes() {
    assertThatThrownBy(
            () -> CatalogSettings.of(Map.of("tfwh.catalog.warehuose", "file:/x"), WAREHOUSE))
        .hasMessageContaining("unknown catalog setting tfwh.catalog.warehuose")
        .hasMessageContaining("tfwh.catalog.warehouse");
  }

  @Test
  void badValuesAreRefusedNamingTheKeyAndWhatItMustBe() {
    assertRefused("tfwh.catalog.name", "TFWH", "tfwh.catalog.name must be a catalog name");
    assertRefused(
        "tfwh.catalog.name",
        "tfwh  # the catalog",
        "a comment goes on a line of its own in a properties file");
    assertRefused("tfwh.catalog.uri", "jdbc:mysql://h/tfwh", "jdbc:sqlite:/absolute/file");
    assertRefused("tfwh.catalog.uri", "jdbc:sqlite:catalog.db", "absolute path");
    assertRefused("tfwh.catalog.uri", "jdbc:sqlite:/w/catalog.db?cache=shared", "without options");
    assertRefused("tfwh.catalog.uri", " ", "tfwh.catalog.uri is empty");
    assertRefused("tfwh.catalog.warehouse", "hdfs://tfwh/warehouse", "s3://bucket/path");
    assertRefused("tfwh.catalog.warehouse", "s3://Tfwh/warehouse", "bucket name in lower case");
    assertRefused("tfwh.catalog.warehouse", "s3://tfwh//warehouse", "s3://bucket/path");
    assertRefused("tfwh.catalog.warehouse", "s3://tfwh/../w", "s3://bucket/path");
    assertRefused("tfwh.catalog.warehouse", "file:tables", "file:/absolute/folder");
    assertRefused("tfwh.s3.endpoint", "http://127.0.0.1:9000", "for an s3:// warehouse");
    assertRefusedOnS3("tfwh.s3.endpoint", "127.0.0.1:9000", "an http:// or https:// address");
    assertRefusedOnS3("tfwh.s3.path-style-access", "yes", "true or false");
    assertRefusedOnS3("tfwh.s3.region", "EU West 2", "a region such as eu-west-2");
    assertRefusedOnS3("tfwh.s3.access-key-env", "TFWH_S3_ACCESS_KEY", "go together");
    assertRefusedOnS3(
        "tfwh.s3.secret-key-env", "wJalr/XUtnFEMI", "name of an environment variable");
    assertRefused("tfwh.cache.dir", "cache", "an absolute folder");
    assertRefused("tfwh.cache.max-mib", "10GiB", "a whole number of MiB");
    assertRefused("tfwh.cache.max-mib", "0", "a whole number of MiB");
    assertRefused("tfwh.catalog.namespace", "Warehouse", "lower snake case");
    assertRefused("tfwh.catalog.namespace", "tfwh", "other than the catalog's name");
    assertRefused("tfwh.catalog.namespace", "tfwh_state", "other than the load state's");
    assertRefused("tfwh.catalog.user", "loader", "SQLite has no users");
  }

  @Test
  void thePasswordVariableMustBeAVariableName() {
    Map<String, String> properties = new LinkedHashMap<>(EVERY_KEY);
    properties.put("tfwh.catalog.password-env", "hunter2 is my password");

    assertThatThrownBy(() -> CatalogSettings.of(properties, WAREHOUSE))
        .hasMessageContaining("the name of an environment variable")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void s3KeysWrittenInTheFileAreRefusedWithTheKeysToUseInstead() {
    for (String key : new String[] {"tfwh.s3.access-key", "tfwh.s3.secret-key"}) {
      Map<String, String> properties = new LinkedHashMap<>(EVERY_KEY);
      properties.put(key, "wJalrXUtnFEMI");

      assertThatThrownBy(() -> CatalogSettings.of(properties, WAREHOUSE))
          .hasMessageContaining("secrets are not written in the settings file")
          .hasMessageContaining(key + "-env")
          .hasMessageNotContaining("wJalrXUtnFEMI");
    }
  }

  private static void assertRefusedOnS3(String key, String value, String message) {
    assertThatThrownBy(
            () ->
                CatalogSettings.of(
                    Map.of("tfwh.catalog.warehouse", "s3://tfwh/warehouse", key, value), WAREHOUSE))
        .as("%s=%s", key, value)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("wJalr");
  }

  private static void assertRefused(String key, String value, String message) {
    assertThatThrownBy(() -> CatalogSettings.of(Map.of(key, value), WAREHOUSE))
        .as("%s=%s", key, value)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void theLockIsTheFileLockWithSqliteAndTheAdvisoryLockWithPostgresqlUnlessChosen() {
    assertThat(CatalogSettings.embedded(WAREHOUSE).lock()).isEqualTo(LockMode.AUTO);
    assertThat(CatalogSettings.embedded(WAREHOUSE).writerLock()).isEqualTo(LockMode.FILE);
    Map<String, String> postgres = Map.of("tfwh.catalog.uri", "jdbc:postgresql://h:5432/tfwh");
    assertThat(CatalogSettings.of(postgres, WAREHOUSE).writerLock()).isEqualTo(LockMode.POSTGRES);
    for (LockMode chosen : List.of(LockMode.FILE, LockMode.POSTGRES, LockMode.NONE)) {
      Map<String, String> choosing = new LinkedHashMap<>(postgres);
      choosing.put("tfwh.lock", chosen.value());
      assertThat(CatalogSettings.of(choosing, WAREHOUSE).writerLock()).isEqualTo(chosen);
    }
    assertThat(CatalogSettings.of(Map.of("tfwh.lock", "file"), WAREHOUSE).writerLock())
        .isEqualTo(LockMode.FILE);
  }

  @Test
  void sqliteRefusesToRunWithoutTheLockOrWithPostgresqlsLock() {
    assertThatThrownBy(() -> CatalogSettings.of(Map.of("tfwh.lock", "none"), WAREHOUSE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tfwh.lock=none is refused with a SQLite catalog")
        .hasMessageContaining("SQLite allows one writer process");
    assertThatThrownBy(() -> CatalogSettings.of(Map.of("tfwh.lock", "postgres"), WAREHOUSE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tfwh.lock=postgres needs a PostgreSQL catalog");
    assertThatThrownBy(() -> CatalogSettings.of(Map.of("tfwh.lock", "flock"), WAREHOUSE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tfwh.lock must be auto, file, postgres or none, not 'flock'");
  }

  @Test
  void theOrphanSweepsAgeIsADurationOfZeroOrMoreAndADayByDefault() {
    assertThat(CatalogSettings.embedded(WAREHOUSE).orphanMinAge()).isEqualTo(Duration.ofHours(24));
    assertThat(
            CatalogSettings.of(Map.of("tfwh.retention.orphan-min-age", "PT0S"), WAREHOUSE)
                .orphanMinAge())
        .isZero();
    assertThatThrownBy(
            () -> CatalogSettings.of(Map.of("tfwh.retention.orphan-min-age", "24h"), WAREHOUSE))
        .hasMessageContaining("an ISO-8601 duration such as PT24H");
    assertThatThrownBy(
            () -> CatalogSettings.of(Map.of("tfwh.retention.orphan-min-age", "-PT1H"), WAREHOUSE))
        .hasMessageContaining("a duration of 0 or more");
  }
}
