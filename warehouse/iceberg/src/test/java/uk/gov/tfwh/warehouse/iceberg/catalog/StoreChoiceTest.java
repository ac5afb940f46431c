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
  void theEmbeddedIcebergStoreUnlessTheFolderStoreIsAskedFor() {
    assertThat(StoreChoice.iceberg(null, dir, Map.of())).contains(CatalogSettings.embedded(dir));
    assertThat(StoreChoice.iceberg(null, dir, Map.of("TFWH_STORE", " ")))
        .contains(CatalogSettings.embedded(dir));
    assertThat(StoreChoice.iceberg(null, dir, Map.of("TFWH_STORE", "iceberg")))
        .contains(CatalogSettings.embedded(dir));
    assertThat(StoreChoice.iceberg(null, dir, Map.of("TFWH_STORE", "folder"))).isEmpty();
  }

  @Test
  void aSettingsFileFromTheOptionOrTheEnvironmentNamesTheCatalog() throws IOException {
    Path file = dir.resolve("catalog.properties");
    Files.writeString(file, "tfwh.catalog.name=other\n");
    Path envFile = dir.resolve("env.properties");
    Files.writeString(envFile, "tfwh.catalog.name=fromenv\n");

    assertThat(StoreChoice.iceberg(file, dir, Map.of("TFWH_CATALOG", envFile.toString())))
        .hasValueSatisfying(settings -> assertThat(settings.name()).isEqualTo("other"));
    assertThat(StoreChoice.iceberg(null, dir, Map.of("TFWH_CATALOG", envFile.toString())))
        .hasValueSatisfying(settings -> assertThat(settings.name()).isEqualTo("fromenv"));
    assertThat(
            StoreChoice.iceberg(
                null, dir, Map.of("TFWH_CATALOG", envFile.toString(), "TFWH_STORE", "iceberg")))
        .hasValueSatisfying(settings -> assertThat(settings.name()).isEqualTo("fromenv"));
  }

  @Test
  void anUnknownStoreAMissingFileOrAFolderStoreWithASettingsFileIsRefused() throws IOException {
    assertThatThrownBy(() -> StoreChoice.iceberg(null, dir, Map.of("TFWH_STORE", "s3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "TFWH_STORE must be iceberg (the default) or folder (the legacy snapshot folders),"
                + " not 's3'");
    assertThatThrownBy(() -> StoreChoice.iceberg(dir.resolve("missing"), dir, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no catalog settings file at");
    Path file = Files.writeString(dir.resolve("catalog.properties"), "tfwh.catalog.name=x\n");
    assertThatThrownBy(
            () ->
                StoreChoice.iceberg(
                    null, dir, Map.of("TFWH_STORE", "folder", "TFWH_CATALOG", file.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "TFWH_STORE=folder takes no catalog settings file ("
                + file
                + " from TFWH_CATALOG): unset one of them");
  }

  @Test
  void aFolderHoldingSnapshotFoldersIsNotOpenedAsAnIcebergWarehouse() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("old"));
    Files.writeString(folder.resolve("CURRENT"), "20261205T210902158Z-c588b832\n");
    Path settings = Files.writeString(dir.resolve("catalog.properties"), "tfwh.catalog.name=x\n");
    String refusal =
        folder
            + " holds snapshot folders (the legacy folder store), which the Iceberg store (the"
            + " default) does not read: migrate them with ./tfwh migrate --from-snapshots "
            + folder
            + " --warehouse NEW_DIR, or keep using them with TFWH_STORE=folder";

    for (Map<String, String> environment :
        java.util.List.of(
            Map.<String, String>of(),
            Map.of("TFWH_STORE", "iceberg"),
            Map.of("TFWH_CATALOG", settings.toString()))) {
      assertThatThrownBy(() -> StoreChoice.iceberg(null, folder, environment))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(refusal);
    }
    assertThatThrownBy(() -> StoreChoice.iceberg(settings, folder, Map.of())).hasMessage(refusal);
    assertThat(StoreChoice.iceberg(null, folder, Map.of("TFWH_STORE", "folder"))).isEmpty();

    Path failedFirstLoad = Files.createDirectories(dir.resolve("failed/snapshots"));
    assertThat(StoreChoice.holdsFolderStore(failedFirstLoad.getParent())).isTrue();
    assertThat(StoreChoice.holdsFolderStore(dir)).isFalse();
  }

  @Test
  void trinoIsGivenTheIcebergStoreAndRefusedTheFolderStoreInOneLine() throws IOException {
    Path settings = Files.writeString(dir.resolve("catalog.properties"), "tfwh.catalog.name=x\n");

    assertThat(StoreChoice.forTrino(null, dir, Map.of())).isEqualTo(CatalogSettings.embedded(dir));
    assertThat(StoreChoice.forTrino(settings, dir, Map.of()).name()).isEqualTo("x");
    assertThatThrownBy(() -> StoreChoice.forTrino(null, dir, Map.of("TFWH_STORE", "folder")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Trino serves the Iceberg store only, and "
                + dir
                + " is a legacy folder-store warehouse (snapshot folders, or TFWH_STORE=folder):"
                + " turn it into an Iceberg warehouse with ./tfwh migrate --from-snapshots "
                + dir
                + " --warehouse NEW (docs/runbooks.md), then use NEW")
        .hasMessage(StoreChoice.trinoRefusal(dir));
    // A folder of snapshot folders, whatever TFWH_STORE says: Trino's line, not the general one
    // (whose other way on, TFWH_STORE=folder, Trino refuses too).
    Path legacy = Files.createDirectories(dir.resolve("legacy/snapshots")).getParent();
    assertThatThrownBy(() -> StoreChoice.forTrino(null, legacy, Map.of()))
        .hasMessage(StoreChoice.trinoRefusal(legacy))
        .hasMessageNotContaining("keep using them");
    // The rule's other refusals stay its own.
    assertThatThrownBy(() -> StoreChoice.forTrino(null, dir, Map.of("TFWH_STORE", "s3")))
        .hasMessageStartingWith("TFWH_STORE must be iceberg");
  }
}
