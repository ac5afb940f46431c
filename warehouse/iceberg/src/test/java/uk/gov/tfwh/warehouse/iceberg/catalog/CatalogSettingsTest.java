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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings.Database;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings.LockMode;

class CatalogSettingsTest {
  private static final Path WAREHOUSE = Path.of("/srv/tfwh/warehouse");

  /** Every key set to a value other than its default (as Trino's config tests do). */
  private static final Map<String, String> EVERY_KEY =
      Map.of(
          "tfwh.catalog.name", "tfwh_prod",
          "tfwh.catalog.uri", "jdbc:postgresql://127.0.0.1:5432/tfwh",
          "tfwh.catalog.user", "loader",
          "tfwh.catalog.password-env", "TFWH_CATALOG_PASSWORD",
          "tfwh.catalog.warehouse", "file:/srv/tfwh/tables",
          "tfwh.catalog.namespace", "figures",
          "tfwh.lock", "file",
          "tfwh.retention.orphan-min-age", "PT2H");

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
                "file:/srv/tfwh/tables",
                "figures",
                LockMode.FILE,
                Duration.ofHours(2)));
    assertThat(settings.database()).isEqualTo(Database.POSTGRESQL);
    assertThat(settings.sqliteFile()).isEmpty();
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

    Map<String, String> properties =
        settings.icebergProperties(Map.of("TFWH_CATALOG_PASSWORD", "s3cret"));

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
    assertRefused("tfwh.catalog.warehouse", "s3://tfwh/warehouse", "file:/absolute/folder");
    assertRefused("tfwh.catalog.warehouse", "file:tables", "file:/absolute/folder");
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
