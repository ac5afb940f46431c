package uk.gov.tfwh.warehouse.iceberg.catalog;

import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.aws.s3.S3FileIO;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket of an {@code s3://} warehouse, made on first use: Iceberg writes objects into a bucket
 * but never creates one, and a new warehouse should need no set-up step. The client is the one
 * Iceberg's {@code S3FileIO} makes from the catalog's properties, so the bucket is reached exactly
 * as the tables will be.
 */
final class S3Bucket {
  private static final int NOT_FOUND = 404;

  /** The one region for which the AWS SDK names no location when it creates a bucket. */
  private static final String NO_LOCATION = "us-east-1";

  private S3Bucket() {}

  /**
   * Creates the bucket unless it exists; true when this call created it. Another process creating
   * it at the same moment is not an error.
   */
  static boolean createIfMissing(String bucket, Map<String, String> icebergProperties) {
    Map<String, String> properties = new HashMap<>(icebergProperties);
    if (properties.containsKey("s3.endpoint")) {
      // The SDK names the client's region as the new bucket's location; a server of our own
      // (s3proxy, MinIO) may know no regions, and s3proxy refuses any location but its own.
      properties.put("client.region", NO_LOCATION);
    }
    try (S3FileIO io = new S3FileIO()) {
      io.initialize(properties);
      S3Client client = io.client();
      if (exists(client, bucket)) {
        return false;
      }
      try {
        client.createBucket(create -> create.bucket(bucket));
        return true;
      } catch (BucketAlreadyOwnedByYouException e) {
        return false;
      }
    }
  }

  private static boolean exists(S3Client client, String bucket) {
    try {
      client.headBucket(head -> head.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }
}
