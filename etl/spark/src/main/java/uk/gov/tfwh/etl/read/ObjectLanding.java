package uk.gov.tfwh.etl.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.iceberg.aws.s3.S3FileIO;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;

/**
 * A landing folder on object storage, {@code s3://bucket/prefix}: the returns are the objects
 * {@code prefix/<name>}. The driver keeps a local mirror of it ({@link LandingMirror}) that the
 * unchanged landing scan reads; each executor fetches the files of the returns it reads into a
 * folder of its own ({@link #fetch}), so no host needs to see another's disk
 * (docs/design/iceberg.md, section 5.12).
 *
 * @param bucket the bucket
 * @param prefix the key prefix, without a trailing slash (empty for the bucket's root)
 * @param s3Properties the properties of Iceberg's {@code S3FileIO} (endpoint, region, keys), from
 *     the catalog's {@code tfwh.s3.*} settings
 */
public record ObjectLanding(String bucket, String prefix, Map<String, String> s3Properties)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String SCHEME = "s3://";
  private static final int FORBIDDEN = 403;

  /**
   * A test seam, set by tests only (S3LandingChangeTest, LandingMirrorTest): runs with the key of
   * each object whose download has begun (the GET answered, its body not yet copied). It lets a
   * test replace or delete an object while an executor reads it, a moment no progress line or Spark
   * listener marks deterministically; static because a local session's executors are threads of the
   * test's JVM.
   */
  static volatile Consumer<String> downloading = key -> {};

  /** One client per JVM and settings: an executor reads many returns. */
  private static final Map<Map<String, String>, S3FileIO> CLIENTS = new ConcurrentHashMap<>();

  public ObjectLanding {
    requireNonNull(bucket, "bucket");
    requireNonNull(prefix, "prefix");
    s3Properties = Map.copyOf(s3Properties);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("the landing s3:// address names no bucket");
    }
  }

  /** Whether a {@code --landing} value is an object-storage address rather than a folder. */
  public static boolean isAddress(String landing) {
    return landing.startsWith(SCHEME);
  }

  /** The landing at {@code s3://bucket/prefix}. */
  public static ObjectLanding at(String address, Map<String, String> s3Properties) {
    if (!isAddress(address)) {
      throw new IllegalArgumentException("not an s3:// address: " + address);
    }
    String rest = address.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return new ObjectLanding(bucket, prefix, new LinkedHashMap<>(s3Properties));
  }

  /**
   * The submission service's sidecars beside this landing, as {@code submissions} beside a landing
   * folder: {@code s3://bucket/<parent of prefix>/submissions}.
   */
  public ObjectLanding submissions() {
    int slash = prefix.lastIndexOf('/');
    String parent = slash < 0 ? "" : prefix.substring(0, slash + 1);
    return new ObjectLanding(bucket, parent + "submissions", s3Properties);
  }

  /** {@code s3://bucket/prefix}, as the operator wrote it. */
  public String address() {
    return SCHEME + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  /** The address only: the properties hold the keys, which no log or message may show. */
  @Override
  public String toString() {
    return address();
  }

  /** The key of a file of this landing. */
  String key(String name) {
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** The key prefix that lists this landing's objects. */
  String listPrefix() {
    return prefix.isEmpty() ? "" : prefix + "/";
  }

  /** Every object under the prefix (at any depth), by key. */
  List<S3Object> objects() {
    try {
      List<S3Object> objects = new ArrayList<>();
      client()
          .listObjectsV2Paginator(
              ListObjectsV2Request.builder().bucket(bucket).prefix(listPrefix()).build())
          .contents()
          .forEach(objects::add);
      return objects;
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  /**
   * Copies an object to a file, replacing it only when the whole object arrived.
   *
   * @return the response of the GET: the ETag and size of the version copied, which need not be the
   *     listed one when the object was replaced in between
   */
  GetObjectResponse download(String key, Path target) throws IOException {
    Path partial = target.resolveSibling(".partial-" + target.getFileName());
    try (ResponseInputStream<GetObjectResponse> in =
        client().getObject(get -> get.bucket(bucket).key(key))) {
      downloading.accept(key);
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return in.response();
    } catch (NoSuchKeyException e) {
      Files.deleteIfExists(partial);
      throw new IOException("s3://" + bucket + "/" + key + " is no longer there", e);
    } catch (RuntimeException e) {
      Files.deleteIfExists(partial);
      throw new IOException("s3://" + bucket + "/" + key + " could not be read: " + e.getMessage());
    }
  }

  /**
   * Fetches the files of a return into {@code dir} (on the executor), as the scan named them. A
   * file that is gone is left out: the reader then finds it missing, and the check against the
   * scan's checksum leaves the return for the next load, as for a landing folder.
   */
  public Path fetch(ReturnSource source, Path dir) {
    try {
      Files.createDirectories(dir);
      for (SourceFile file : source.files()) {
        if (file.name().contains("/") || file.name().equals("..")) {
          continue; // never a scanned name; the reader refuses it by its name
        }
        try {
          download(key(file.name()), dir.resolve(file.name()));
        } catch (IOException e) {
          // The reader and the checksum check say what is missing.
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch the return " + source.id() + " into " + dir, e);
    }
  }

  private S3Client client() {
    return CLIENTS
        .computeIfAbsent(
            s3Properties,
            properties -> {
              S3FileIO io = new S3FileIO();
              io.initialize(properties);
              return io;
            })
        .client();
  }

  /** What is wrong with reaching the landing, said so that the operator knows what to change. */
  LandingUnavailableException unavailable(RuntimeException e) {
    String where = "the landing " + address();
    if (e instanceof NoSuchBucketException) {
      return new LandingUnavailableException(
          where
              + " cannot be read: there is no bucket '"
              + bucket
              + "' at the tfwh.s3.endpoint of"
              + " the catalog settings; create it or correct --landing",
          e);
    }
    if (e instanceof S3Exception s3 && s3.statusCode() == FORBIDDEN) {
      return new LandingUnavailableException(
          where
              + " cannot be read: access refused (403); check the keys in the variables that"
              + " tfwh.s3.access-key-env and tfwh.s3.secret-key-env name",
          e);
    }
    if (e instanceof SdkClientException) {
      return new LandingUnavailableException(
          where + " cannot be reached (" + e.getMessage() + "); check tfwh.s3.endpoint", e);
    }
    return new LandingUnavailableException(where + " cannot be read (" + e.getMessage() + ")", e);
  }

  /** The landing on object storage cannot be listed or read at all: there is no load to run. */
  public static final class LandingUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LandingUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
