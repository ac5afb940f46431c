package uk.gov.tfwh.infra.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * What sends the returns to a landing on object storage, run on a host of the private network:
 * creates the bucket unless it exists and puts every plain file of a folder at {@code
 * <prefix>/<name>}, as an operator's {@code aws s3 cp --recursive} or the submission service would.
 * The keys come from {@code TFWH_S3_ACCESS_KEY} and {@code TFWH_S3_SECRET_KEY}.
 *
 * <p>Usage: {@code LandingUpload <endpoint> <region> <bucket> <prefix> <folder>}.
 */
public final class LandingUpload {
  private LandingUpload() {}

  public static void main(String[] args) throws IOException {
    String bucket = args[2];
    String prefix = args[3];
    try (S3Client client =
        S3Client.builder()
            .endpointOverride(URI.create(args[0]))
            // s3proxy refuses a new bucket in any location but its own; us-east-1 names none.
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        System.getenv("TFWH_S3_ACCESS_KEY"), System.getenv("TFWH_S3_SECRET_KEY"))))
            .build()) {
      try {
        client.createBucket(create -> create.bucket(bucket));
      } catch (BucketAlreadyOwnedByYouException e) {
        // Created by an earlier upload.
      }
      List<Path> files;
      try (Stream<Path> listing = Files.list(Path.of(args[4]))) {
        files = listing.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String key = prefix + "/" + file.getFileName();
        client.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromFile(file));
      }
      System.out.println("uploaded " + files.size() + " files to s3://" + bucket + "/" + prefix);
    }
  }
}
