package uk.gov.tfwh.warehouse.iceberg.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreChoiceTest {
  @TempDir Path dir;

  @Test
  void theFolderStoreUnlessTheIcebergStoreIsAskedFor() {
    assertThat(StoreChoice.iceberg(null, dir, Map.of())).isEmpty();
    assertThat(StoreChoice.iceberg(null, dir, Map.of("TFWH_STORE", "folder"))).isEmpty();
    assertThat(StoreChoice.iceberg(null, dir, Map.of("TFWH_STORE", " "))).isEmpty();
    assertThat(StoreChoice.iceberg(null, dir, Map.of("TFWH_STORE", "iceberg")))
        .contains(CatalogSettings.embedded(dir));
  }

  @Test
  void aSettingsFileFromTheOptionOrTheEnvironmentChoosesIceberg() throws IOException {
    Path file = dir.resolve("catalog.properties");
    Files.writeString(file, "tfwh.catalog.name=other\n");
    Path envFile = dir.resolve("env.properties");
    Files.writeString(envFile, "tfwh.catalog.name=fromenv\n");

    assertThat(StoreChoice.iceberg(file, dir, Map.of("TFWH_CATALOG", envFile.toString())))
        .hasValueSatisfying(settings -> assertThat(settings.name()).isEqualTo("other"));
    assertThat(StoreChoice.iceberg(null, dir, Map.of("TFWH_CATALOG", envFile.toString())))
        .hasValueSatisfying(settings -> assertThat(settings.name()).isEqualTo("fromenv"));
  }

  @Test
  void anUnknownStoreOrAMissingFileIsRefused() {
    assertThatThrownBy(() -> StoreChoice.iceberg(null, dir, Map.of("TFWH_STORE", "s3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TFWH_STORE must be folder (the default) or iceberg, not 's3'");
    assertThatThrownBy(() -> StoreChoice.iceberg(dir.resolve("missing"), dir, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no catalog settings file at");
  }
}
