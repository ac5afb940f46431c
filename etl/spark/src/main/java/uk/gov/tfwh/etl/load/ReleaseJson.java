package uk.gov.tfwh.etl.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import uk.gov.tfwh.etl.state.TimeText;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;

/**
 * The snapshot manifest as a release row keeps it ({@code manifest_json}): the same JSON as the
 * folder store's {@code manifest.json}, so both stores record the same manifest, without its
 * indentation (it lists every landing file, and is written and read by every load).
 */
final class ReleaseJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          // A manifest holds an instant per landing file: read them without the general parser.
          .registerModule(TimeText.jacksonModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ReleaseJson() {}

  static String manifestJson(SnapshotManifest manifest) {
    try {
      return JSON.writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the manifest of " + manifest.id(), e);
    }
  }

  static SnapshotManifest manifest(String json) {
    try {
      return JSON.readValue(json, SnapshotManifest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a release's manifest cannot be read: " + e.getMessage(), e);
    }
  }
}
