package uk.gov.tfwh.etl.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import uk.gov.tfwh.returns.landing.Provenance;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnIdentity;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.ReturnSummary;

/**
 * The documented form of the load state (docs/load-state.md): its version, and the JSON of the
 * records a return read keeps, made by Jackson from the records themselves. {@link #VERSION} plays
 * the part {@code serialVersionUID} played: state of another version is no state (a full read).
 */
public final class StateFormat {
  /**
   * The version of the state tables' columns and of the JSON shapes below. Change it whenever what
   * a column or a JSON field means changes, or {@code ClaimResult}'s order (claim results are kept
   * as its ordinals).
   */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          // After the JSR-310 module, so its date and time readers are TimeText's (later modules
          // win).
          .addModule(TimeText.jacksonModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // An offset is kept as written (+01:00 stays +01:00), not moved to UTC on reading.
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          // A field this build does not know means another format: refused, never ignored.
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {};

  private StateFormat() {}

  public static String sourceJson(ReturnSource source) {
    return write(source);
  }

  public static ReturnSource source(String json) {
    return read(json, ReturnSource.class);
  }

  public static String summaryJson(ReturnSummary summary) {
    return summary == null ? null : write(summary);
  }

  public static ReturnSummary summary(String json) {
    return json == null ? null : read(json, ReturnSummary.class);
  }

  public static String identityJson(ReturnIdentity identity) {
    return write(identity);
  }

  public static ReturnIdentity identity(String json) {
    return read(json, ReturnIdentity.class);
  }

  public static String provenanceJson(Provenance provenance) {
    return write(provenance);
  }

  public static Provenance provenance(String json) {
    return read(json, Provenance.class);
  }

  public static String findingsJson(List<Finding> findings) {
    return write(findings);
  }

  public static List<Finding> findings(String json) {
    try {
      return List.copyOf(JSON.readValue(json, FINDINGS));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StateUnreadableException("findings: " + e.getMessage(), e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the load state's JSON of " + value, e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      T value = JSON.readValue(json, type);
      if (value == null) {
        throw new StateUnreadableException(type.getSimpleName() + ": null", null);
      }
      return value;
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof StateUnreadableException unreadable) {
        throw unreadable;
      }
      throw new StateUnreadableException(type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
