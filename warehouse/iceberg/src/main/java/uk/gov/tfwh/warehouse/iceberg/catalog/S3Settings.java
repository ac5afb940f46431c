package uk.gov.tfwh.warehouse.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach the object storage of an {@code s3://} warehouse: the {@code tfwh.s3.*} catalog
 * settings. Every one is optional: without them the AWS SDK's defaults apply (AWS's own endpoint,
 * the region and credentials from the environment or the instance). Keys are never in the settings
 * file: the settings name the environment variables that hold them, read only when a client is
 * made.
 *
 * @param endpoint the S3 API's address, such as {@code http://127.0.0.1:9000} (s3proxy, MinIO)
 * @param pathStyleAccess whether buckets are addressed as {@code endpoint/bucket} rather than
 *     {@code bucket.endpoint} (what s3proxy and most servers other than AWS need)
 * @param region the region requests are signed for
 * @param accessKeyEnv the environment variable holding the access key id
 * @param secretKeyEnv the environment variable holding the secret access key
 */
public record S3Settings(
    Optional<String> endpoint,
    boolean pathStyleAccess,
    Optional<String> region,
    Optional<String> accessKeyEnv,
    Optional<String> secretKeyEnv) {

  /** No settings: the AWS SDK's defaults. */
  public static final S3Settings DEFAULTS =
      new S3Settings(Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());

  /** Iceberg's file IO for object storage. */
  public static final String FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";

  public S3Settings {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(region, "region");
    requireNonNull(accessKeyEnv, "accessKeyEnv");
    requireNonNull(secretKeyEnv, "secretKeyEnv");
    endpoint.ifPresent(S3Settings::checkEndpoint);
    region.ifPresent(
        r -> {
          if (!r.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(
                CatalogSettings.S3_REGION + " must be a region such as eu-west-2, not '" + r + "'");
          }
        });
    accessKeyEnv.ifPresent(
        v -> CatalogSettings.requireVariableName(CatalogSettings.S3_ACCESS_KEY_ENV, v));
    secretKeyEnv.ifPresent(
        v -> CatalogSettings.requireVariableName(CatalogSettings.S3_SECRET_KEY_ENV, v));
    if (accessKeyEnv.isPresent() != secretKeyEnv.isPresent()) {
      throw new IllegalArgumentException(
          CatalogSettings.S3_ACCESS_KEY_ENV
              + " and "
              + CatalogSettings.S3_SECRET_KEY_ENV
              + " go together: set both, or neither for the AWS SDK's own credentials");
    }
  }

  /** Whether any setting differs from the SDK's defaults. */
  public boolean isSet() {
    return !equals(DEFAULTS);
  }

  /**
   * The properties of Iceberg's {@code S3FileIO} (and of the client it makes), the keys read from
   * the environment.
   */
  public Map<String, String> icebergProperties(Map<String, String> environment) {
    requireNonNull(environment, "environment");
    Map<String, String> properties = new LinkedHashMap<>();
    endpoint.ifPresent(e -> properties.put("s3.endpoint", e));
    properties.put("s3.path-style-access", Boolean.toString(pathStyleAccess));
    region.ifPresent(r -> properties.put("client.region", r));
    accessKeyEnv.ifPresent(
        variable ->
            properties.put(
                "s3.access-key-id",
                CatalogSettings.secret(CatalogSettings.S3_ACCESS_KEY_ENV, variable, environment)));
    secretKeyEnv.ifPresent(
        variable ->
            properties.put(
                "s3.secret-access-key",
                CatalogSettings.secret(CatalogSettings.S3_SECRET_KEY_ENV, variable, environment)));
    return properties;
  }

  private static void checkEndpoint(String endpoint) {
    String expected = "an http:// or https:// address such as http://127.0.0.1:9000";
    try {
      URI uri = new URI(endpoint);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getUserInfo() != null
          || uri.getQuery() != null) {
        throw invalidEndpoint(endpoint, expected);
      }
    } catch (URISyntaxException e) {
      throw invalidEndpoint(endpoint, expected);
    }
  }

  private static IllegalArgumentException invalidEndpoint(String endpoint, String expected) {
    return new IllegalArgumentException(
        CatalogSettings.S3_ENDPOINT + " must be " + expected + ", not '" + endpoint + "'");
  }
}
