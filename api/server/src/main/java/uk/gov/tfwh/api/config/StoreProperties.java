package uk.gov.tfwh.api.config;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which store the API serves ({@code tfwh.store.*}), read as {@code StoreChoice} reads {@code
 * TFWH_STORE} and {@code TFWH_CATALOG}: the Iceberg store (the default) or the legacy folder store.
 * {@code ./tfwh serve} sets both from its options and environment; the defaults come from those
 * variables.
 *
 * @param kind blank or iceberg (the Iceberg store), or folder (the legacy snapshot folders)
 * @param catalog the Iceberg catalog's settings file, blank for the embedded catalog
 */
@ConfigurationProperties("tfwh.store")
public record StoreProperties(String kind, String catalog) {

  public StoreProperties {
    kind = kind == null ? "" : kind;
  }

  /** The settings file, when one is given. */
  public Optional<Path> catalogFile() {
    return Optional.ofNullable(catalog).filter(file -> !file.isBlank()).map(Path::of);
  }
}
