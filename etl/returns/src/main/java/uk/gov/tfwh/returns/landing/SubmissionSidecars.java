package uk.gov.tfwh.returns.landing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.gov.tfwh.returns.model.ReturnFileName;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;

/**
 * The submission service's sidecars ({@code SUBMISSIONS/sidecars/ID.json}, format {@value #FORMAT})
 * as the load reads them: for a landing return named {@code ID}, who sent it and when the service
 * received it. A sidecar counts only when it is signed off ({@code SUBMITTED}) and names exactly
 * the return's files with the same SHA-256; otherwise (no sidecar, another state, other bytes, an
 * unreadable sidecar) the return is an operator's drop. The service writes each sidecar whole under
 * a temporary name and renames it, so a load never reads half of one.
 */
public final class SubmissionSidecars {
  public static final String FORMAT = "tfwh-submission-1";
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path sidecars;
  private final Map<String, Optional<Provenance>> read = new HashMap<>();

  private SubmissionSidecars(Path sidecars) {
    this.sidecars = sidecars;
  }

  /** The sidecars of a submissions folder (which need not exist: then every return is a drop). */
  public static SubmissionSidecars in(Path submissionsFolder) {
    return new SubmissionSidecars(submissionsFolder.resolve("sidecars"));
  }

  /**
   * The submissions folder of a landing folder when none is named: {@code submissions} beside it,
   * on the same file system, as the service defaults it.
   */
  public static Path defaultFolder(Path landing) {
    return landing.toAbsolutePath().normalize().resolveSibling("submissions");
  }

  /** Where a return came from. */
  public Provenance provenanceOf(ReturnSource source) {
    return read.computeIfAbsent(source.stem(), stem -> readSidecar(stem, source))
        .orElse(Provenance.OPERATOR_DROP);
  }

  private Optional<Provenance> readSidecar(String stem, ReturnSource source) {
    if (stem.isEmpty() || stem.startsWith(".") || stem.contains("/") || stem.contains("\\")) {
      return Optional.empty();
    }
    JsonNode sidecar;
    try {
      sidecar = JSON.readTree(Files.readAllBytes(sidecars.resolve(stem + ".json")));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!FORMAT.equals(sidecar.path("format").asText())
        || !"SUBMITTED".equals(sidecar.path("state").asText())
        || !stem.equals(sidecar.path("id").asText())
        || !sameFiles(sidecar.path("files"), source)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Provenance(
              stem,
              Instant.parse(sidecar.path("received_at").asText()),
              sidecar.path("submitter").asText(),
              sidecar.path("on_behalf").asBoolean(false)));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The sidecar's return files are exactly the return's, byte for byte. */
  private static boolean sameFiles(JsonNode files, ReturnSource source) {
    Map<String, String> named = new HashMap<>();
    for (JsonNode file : files) {
      String part = file.path("part").asText();
      if (Arrays.stream(ReturnFileName.Part.values()).anyMatch(p -> p.is(part))) {
        named.put(file.path("name").asText(), file.path("sha256").asText());
      }
    }
    if (named.size() != source.files().size()) {
      return false;
    }
    for (SourceFile file : source.files()) {
      if (!file.sha256().equals(named.get(file.name()))) {
        return false;
      }
    }
    return true;
  }
}
