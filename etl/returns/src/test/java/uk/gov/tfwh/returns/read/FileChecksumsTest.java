package uk.gov.tfwh.returns.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.tfwh.returns.read.FileChecksums.Stamp;

class FileChecksumsTest {
  // Files written by a test changed a moment ago; a scan "a minute later" counts them as settled.
  private static final Instant LATER = Instant.now().plusSeconds(60);

  @TempDir Path dir;

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
  }

  private List<Stamp> firstScan(Path file) throws IOException {
    FileChecksums first = FileChecksums.remembering(List.of(), LATER);
    first.sha256(file);
    assertThat(first.reused()).isZero();
    return first.stamps();
  }

  @Test
  void anUnchangedFileIsNotReadAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    List<Stamp> stamps = firstScan(file);
    assertThat(stamps).singleElement().extracting(Stamp::sha256).isEqualTo(sha256("x"));

    FileChecksums second = FileChecksums.remembering(stamps, LATER);
    assertThat(second.sha256(file)).isEqualTo(sha256("x"));
    assertThat(second.reused()).isEqualTo(1);
    assertThat(second.stamps()).isEqualTo(stamps);
  }

  @Test
  void aRememberedChecksumIsUsedOnlyForTheSameIdentity() throws Exception {
    // Proves the stamp, not the bytes, decides: a stamp with a wrong checksum but the file's
    // identity is trusted, and the same stamp under another name is not.
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    Stamp real = firstScan(file).get(0);
    Stamp forged =
        new Stamp(
            real.name(),
            real.inode(),
            real.size(),
            real.modifiedNanos(),
            real.changedNanos(),
            "remembered");
    assertThat(FileChecksums.remembering(List.of(forged), LATER).sha256(file))
        .isEqualTo("remembered");
    Path other = Files.writeString(dir.resolve("b.summary.csv"), "x");
    assertThat(FileChecksums.remembering(List.of(forged), LATER).sha256(other))
        .isEqualTo(sha256("x"));
  }

  @Test
  void aFileRewrittenInPlaceWithItsOldSizeAndTimeIsReadAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    List<Stamp> stamps = firstScan(file);
    FileTime modified = Files.getLastModifiedTime(file);
    Thread.sleep(20); // the change time must be able to move on a coarse clock
    Files.writeString(file, "y");
    Files.setLastModifiedTime(file, modified);

    FileChecksums second = FileChecksums.remembering(stamps, LATER);
    assertThat(second.sha256(file)).isEqualTo(sha256("y"));
    assertThat(second.reused()).isZero();
  }

  @Test
  void aFileReplacedByAnotherIsReadAgain() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    List<Stamp> stamps = firstScan(file);
    Path replacement = Files.writeString(dir.resolve("incoming.tmp"), "z");
    Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING);

    FileChecksums second = FileChecksums.remembering(stamps, LATER);
    assertThat(second.sha256(file)).isEqualTo(sha256("z"));
    assertThat(second.reused()).isZero();
  }

  @Test
  void aFileChangedMomentsBeforeTheScanIsNotRemembered() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    FileChecksums now = FileChecksums.remembering(List.of(), Instant.now());
    assertThat(now.sha256(file)).isEqualTo(sha256("x"));
    assertThat(now.stamps()).isEmpty();
  }

  @Test
  void noneReadsEveryFile() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    FileChecksums none = FileChecksums.none();
    assertThat(none.sha256(file)).isEqualTo(sha256("x"));
    assertThat(none.reused()).isZero();
  }

  @Test
  void newFilesBesideEveryEarlierOneAreWhatTheScanAdded() throws Exception {
    Path a = Files.writeString(dir.resolve("a.summary.csv"), "x");
    List<Stamp> stamps = firstScan(a);
    Path b = Files.writeString(dir.resolve("b.summary.csv"), "y");

    FileChecksums second = FileChecksums.remembering(stamps, LATER);
    second.sha256(a);
    second.sha256(b);
    second.sha256(b); // looked at twice, added once

    assertThat(second.addedToEarlier())
        .hasValueSatisfying(
            added ->
                assertThat(added)
                    .singleElement()
                    .satisfies(
                        stamp -> {
                          assertThat(stamp.name()).isEqualTo("b.summary.csv");
                          assertThat(stamp.sha256()).isEqualTo(sha256("y"));
                        }));
    assertThat(second.stamps()).contains(stamps.get(0));
  }

  @Test
  void nothingIsAddedToEarlierStampsWhenOneOfThemIsNotKept() throws Exception {
    Path a = Files.writeString(dir.resolve("a.summary.csv"), "x");
    Path b = Files.writeString(dir.resolve("b.summary.csv"), "y");
    FileChecksums first = FileChecksums.remembering(List.of(), LATER);
    first.sha256(a);
    first.sha256(b);
    List<Stamp> stamps = first.stamps();

    FileChecksums gone = FileChecksums.remembering(stamps, LATER);
    gone.sha256(a); // b was deleted: its stamp is not kept
    assertThat(gone.addedToEarlier()).isEmpty();

    Files.writeString(b, "changed");
    FileChecksums changed = FileChecksums.remembering(stamps, LATER);
    changed.sha256(a);
    changed.sha256(b);
    assertThat(changed.addedToEarlier()).isEmpty();

    Files.writeString(b, "changed again"); // and just now: not settled, so not kept either
    FileChecksums unsettled = FileChecksums.remembering(first.stamps(), Instant.now());
    unsettled.sha256(a);
    unsettled.sha256(b);
    assertThat(unsettled.addedToEarlier()).isEmpty();
  }

  @Test
  void withoutEarlierStampsOnlyTheWholeListSaysWhatToRemember() throws Exception {
    Path a = Files.writeString(dir.resolve("a.summary.csv"), "x");
    FileChecksums first = FileChecksums.remembering(List.of(), LATER);
    first.sha256(a);
    assertThat(first.addedToEarlier()).isEmpty();
    assertThat(first.stamps()).hasSize(1);
  }

  @Test
  void aFileChangedAfterItsLookIsReadNowAndAgainByTheNextScan() throws Exception {
    // A load looks at every file first and reads the new ones later: what it reads may be newer
    // than the look, so the stamp it keeps must be the look's, which the next scan finds changed.
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    FileChecksums.Look look = FileChecksums.look(file);
    assertThat(look.plainFile()).isTrue();
    Files.writeString(file, "changed after the look");
    FileChecksums first = FileChecksums.remembering(List.of(), LATER);
    assertThat(first.sourceFile(look).sha256()).isEqualTo(sha256("changed after the look"));

    FileChecksums second = FileChecksums.remembering(first.stamps(), LATER);
    assertThat(second.sha256(file)).isEqualTo(sha256("changed after the look"));
    assertThat(second.reused()).isZero();
  }

  @Test
  void aLookTellsPlainFilesFromTheRest() throws Exception {
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "xyz");
    FileChecksums.Look plain = FileChecksums.look(file);
    assertThat(plain.name()).isEqualTo("a.summary.csv");
    assertThat(plain.identity()).get().extracting(Stamp::size).isEqualTo(3L);

    assertThat(FileChecksums.look(Files.createDirectory(dir.resolve("b.xlsx"))).plainFile())
        .isFalse();
    assertThat(
            FileChecksums.look(Files.createSymbolicLink(dir.resolve("c.xlsx"), file)).plainFile())
        .isFalse();
    assertThat(FileChecksums.look(dir.resolve("gone.xlsx")).plainFile()).isFalse();
  }

  @Test
  void settlingIsCountedFromTheTimeTheChecksumsAreMadeFor() throws Exception {
    // Files looked at a minute ago are settled for a scan made with that time even though they
    // changed a moment before the look; a scan made with the look's own time keeps none of them.
    Path file = Files.writeString(dir.resolve("a.summary.csv"), "x");
    FileChecksums.Look look = FileChecksums.look(file);
    FileChecksums atTheLook = FileChecksums.remembering(List.of(), Instant.now());
    atTheLook.sourceFile(look);
    assertThat(atTheLook.stamps()).isEmpty();

    FileChecksums later = FileChecksums.remembering(List.of(), LATER);
    later.sourceFile(look);
    assertThat(later.stamps()).hasSize(1);
  }
}
