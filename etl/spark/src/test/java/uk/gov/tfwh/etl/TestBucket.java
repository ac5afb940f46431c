package uk.gov.tfwh.etl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.aws.s3.S3FileIO;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import uk.gov.tfwh.etl.read.ObjectLanding;
import uk.gov.tfwh.warehouse.iceberg.catalog.CatalogSettings;
import uk.gov.tfwh.warehouse.iceberg.testing.S3ProxyServer;

/**
 * A bucket on the shared s3proxy for tests of a landing on object storage: the properties a load
 * reads it with (those of the catalog settings, keys from the environment) and a client that puts
 * and deletes its objects, as the senders of returns would.
 */
public final class TestBucket implements AutoCloseable {
  /** s3proxy refuses a new bucket in any location but its own; the SDK names the region's. */
  private static final String CREATING_REGION = "us-east-1";

  private final String name;
  private final Map<String, String> properties;
  private final S3FileIO io;

  private TestBucket(String name, Map<String, String> properties, S3FileIO io) {
    this.name = name;
    this.properties = properties;
    this.io = io;
  }

  /** Creates the bucket on the shared server. */
  public static TestBucket create(String name) {
    Map<String, String> properties =
        CatalogSettings.of(server().settings("s3://" + name + "/warehouse"), Path.of("unused"))
            .s3()
            .icebergProperties(server().environment());
    Map<String, String> creating = new HashMap<>(properties);
    creating.put("client.region", CREATING_REGION);
    S3FileIO io = new S3FileIO();
    io.initialize(creating);
    io.client().createBucket(create -> create.bucket(name));
    return new TestBucket(name, Map.copyOf(properties), io);
  }

  public static S3ProxyServer server() {
    return S3ProxyServer.shared();
  }

  public String name() {
    return name;
  }

  /** The S3FileIO properties a load reads this bucket with (they hold the keys). */
  public Map<String, String> properties() {
    return properties;
  }

  /** The landing at {@code s3://<bucket>/<prefix>}. */
  public ObjectLanding landing(String prefix) {
    return ObjectLanding.at("s3://" + name + "/" + prefix, properties);
  }

  public S3Client client() {
    return io.client();
  }

  public void put(String key, String text) {
    client().putObject(put -> put.bucket(name).key(key), RequestBody.fromString(text));
  }

  public void put(String key, Path file) {
    client().putObject(put -> put.bucket(name).key(key), RequestBody.fromFile(file));
  }

  public void delete(String key) {
    client().deleteObject(delete -> delete.bucket(name).key(key));
  }

  /**
   * Puts every file under a folder at {@code prefix/<its path in the folder>}.
   *
   * @return the files put
   */
  public List<Path> putFolder(Path folder, String prefix) {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> put = files.filter(Files::isRegularFile).toList();
      for (Path file : put) {
        put(prefix + "/" + folder.relativize(file), file);
      }
      return put;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put " + folder, e);
    }
  }

  @Override
  public void close() {
    io.close();
  }
}
