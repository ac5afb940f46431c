package uk.gov.tfwh.api.config;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which store the API serves ({@code tfwh.store.*}): the folder store (the default until
 * docs/design/iceberg.md's slice 7) or the Iceberg store. {@code ./tfwh serve --catalog FILE} sets
 * {@code catalog}; the defaults come from {@code TFWH_STORE} and {@code TFWH_CATALOG}.
 *
 * @param kind folder or iceberg (the embedded catalog in the warehouse folder)
 * @param catalog the Iceberg catalog's settings file, blank for none
 */
@ConfigurationProperties("tfwh.store")
public record StoreProperties(@DefaultValue("folder") String kind, String catalog) {

  /** The settings file, when one is given. */
  public Optional<Path> catalogFile() {
    return Optional.ofNullable(catalog).filter(file -> !file.isBlank()).map(Path::of);
  }
}
