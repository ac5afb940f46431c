package uk.gov.tfwh.etl.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.etl.TestBucket;
import uk.gov.tfwh.returns.read.FileChecksums;

/**
 * The driver's copy of a landing on the shared s3proxy: objects are downloaded once and again only
 * when they change (so the landing checksums of an unchanged file are reused), a replaced object is
 * a new file, a deleted one and its emptied folder go, and keys that cannot be a file are left out.
 * The copy remembers the version it downloaded, not the one listed: an object replaced between the
 * listing and its download is downloaded again when it changes back.
 */
class LandingMirrorTest {
  private static final String BUCKET = "tfwh-mirror";

  @TempDir Path temp;
  static TestBucket bucket;
  static Map<String, String> properties;

  @BeforeAll
  static void bucket() {
    bucket = TestBucket.create(BUCKET);
    properties = bucket.properties();
  }

  @AfterAll
  static void close() {
    bucket.close();
  }

  @Test
  void downloadsOnlyWhatChangedAndDropsWhatIsGone() throws Exception {
    put("in/a.summary.csv", "a");
    put("in/b.summary.csv", "b");
    put("in/old/c.summary.csv", "c");
    put("elsewhere/d.summary.csv", "d");
    LandingMirror mirror =
        new LandingMirror(ObjectLanding.at("s3://" + BUCKET + "/in/", properties), temp);

    assertThat(mirror.sync()).isEqualTo(3);
    Path a = mirror.folder().resolve("a.summary.csv");
    assertThat(a).hasContent("a");
    assertThat(mirror.folder().resolve("old/c.summary.csv")).hasContent("c");
    assertThat(mirror.folder().resolve("d.summary.csv")).doesNotExist();
    FileChecksums first = FileChecksums.none();
    first.sourceFile(a);
    Thread.sleep(FileChecksums.SETTLING.toMillis() + 100);
    FileChecksums settled = FileChecksums.none();
    settled.sourceFile(a);

    assertThat(mirror.sync()).as("nothing changed").isZero();
    FileChecksums again = FileChecksums.remembering(settled.stamps());
    again.sourceFile(a);
    assertThat(again.reused()).as("an unchanged copy keeps its checksum").isEqualTo(1);

    put("in/a.summary.csv", "A, sent again");
    bucket.delete("in/old/c.summary.csv");
    assertThat(mirror.sync()).isEqualTo(1);
    assertThat(a).hasContent("A, sent again");
    assertThat(mirror.folder().resolve("old")).doesNotExist();
    FileChecksums afterReplace = FileChecksums.remembering(settled.stamps());
    afterReplace.sourceFile(a);
    assertThat(afterReplace.reused()).as("a replaced object is read again").isZero();
  }

  @Test
  void anObjectReplacedBetweenTheListingAndItsDownloadIsDownloadedAgainWhenItIsPutBack() {
    put("between/a.summary.csv", "a");
    put("between/b.summary.csv", "b as listed");
    LandingMirror mirror =
        new LandingMirror(ObjectLanding.at("s3://" + BUCKET + "/between", properties), temp);
    Path b = mirror.folder().resolve("b.summary.csv");
    // The listing named b's first version; b is replaced while a (listed before it) downloads.
    ObjectLanding.downloading =
        key -> {
          if (key.equals("between/a.summary.csv")) {
            put("between/b.summary.csv", "b replaced");
          }
        };
    try {
      mirror.sync();
    } finally {
      ObjectLanding.downloading = key -> {};
    }
    assertThat(b).hasContent("b replaced");

    // The sender puts the first version back: the copy must follow, or the scan would hash bytes
    // that no executor can fetch, and the return would wait for the next load at every load.
    put("between/b.summary.csv", "b as listed");
    assertThat(mirror.sync()).isEqualTo(1);
    assertThat(b).hasContent("b as listed");
    assertThat(mirror.sync()).as("nothing changed").isZero();
  }

  private static void put(String key, String text) {
    bucket.put(key, text);
  }
}
