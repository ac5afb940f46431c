package uk.gov.tfwh.warehouse.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A {@link SnapshotManifest} as JSON: the folder store's {@code manifest.json} and the Iceberg
 * store's {@code tfwh_release.manifest_json} hold the same text, so a release reads the same from
 * either and {@code migrate} copies it unchanged.
 */
public final class ManifestJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  /** The manifest as JSON text. */
  public static String write(SnapshotManifest manifest) {
    try {
      return JSON.writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the manifest of " + manifest.id(), e);
    }
  }

  /**
   * The manifest this JSON text holds.
   *
   * @throws IllegalArgumentException when the text is not a manifest
   */
  public static SnapshotManifest read(String json) {
    try {
      SnapshotManifest manifest = JSON.readValue(json, SnapshotManifest.class);
      if (manifest == null) {
        throw new IllegalArgumentException("not a snapshot manifest: null");
      }
      return manifest;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a snapshot manifest: " + e.getOriginalMessage(), e);
    }
  }
}
