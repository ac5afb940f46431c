package uk.gov.tfwh.etl.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import uk.gov.tfwh.etl.read.ReturnIds;
import uk.gov.tfwh.returns.model.SourceFile;
import uk.gov.tfwh.returns.read.FileChecksums;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest;
import uk.gov.tfwh.warehouse.snapshot.SnapshotManifest.InputFile;

/**
 * Every file a load depends on, with its checksum: the landing folder's files (the returns, and the
 * files that are not part of one, since they produce findings too) and the reference set. Two loads
 * with the same digest would produce the same snapshot, so the second is skipped.
 *
 * @param landingFiles the landing folder's plain files, by name
 * @param digest one SHA-256 over the landing files and the reference set
 */
public record LoadInputs(List<InputFile> landingFiles, String referenceDigest, String digest) {

  /**
   * The inputs of a load: the files of the scan's one listing (so a file that lands after it is the
   * next load's, never recorded as seen unread) and the reference set.
   */
  public static LoadInputs of(LandingScan scan, Path referenceDir) {
    return of(scan, referenceDir, Optional.empty(), Instant.now());
  }

  /**
   * As {@link #of(LandingScan, Path)}, each file with when it was received: as the previous
   * snapshot recorded it when the file is unchanged, else {@code now} (the digest leaves it out: it
   * depends on the files alone).
   */
  public static LoadInputs of(
      LandingScan scan, Path referenceDir, Optional<SnapshotManifest> parent, Instant now) {
    Map<String, InputFile> before = new HashMap<>();
    parent.ifPresent(m -> m.inputs().forEach(f -> before.put(f.name(), f)));
    List<InputFile> files = new ArrayList<>();
    for (SourceFile file : scan.files()) {
      InputFile earlier = before.get(file.name());
      Instant received =
          earlier != null && earlier.sha256().equals(file.sha256()) && earlier.receivedAt() != null
              ? earlier.receivedAt()
              : now;
      files.add(new InputFile(file.name(), file.sizeBytes(), file.sha256(), received));
    }
    return of(files, folderDigest(referenceDir));
  }

  private static LoadInputs of(List<InputFile> landingFiles, String referenceDigest) {
    List<InputFile> files = new ArrayList<>(landingFiles);
    files.sort(Comparator.comparing(InputFile::name));
    StringBuilder text = new StringBuilder("reference ").append(referenceDigest).append('\n');
    for (InputFile file : files) {
      text.append(file.name()).append('\0').append(file.sha256()).append('\n');
    }
    return new LoadInputs(files, referenceDigest, ReturnIds.sha256(text.toString()));
  }

  /**
   * These inputs less the files of returns that changed while the load read them: they were not
   * loaded, so the next load must not find them already seen.
   */
  public LoadInputs without(Set<String> fileNames) {
    if (fileNames.isEmpty()) {
      return this;
    }
    return of(
        landingFiles.stream().filter(f -> !fileNames.contains(f.name())).toList(), referenceDigest);
  }

  /** A checksum over every plain file of a folder (names and contents). */
  static String folderDigest(Path dir) {
    StringBuilder text = new StringBuilder();
    for (Path path : plainFiles(dir, name -> true)) {
      text.append(path.getFileName())
          .append('\0')
          .append(sourceFile(FileChecksums.none(), path).sha256())
          .append('\n');
    }
    return ReturnIds.sha256(text.toString());
  }

  private static List<Path> plainFiles(Path dir, Predicate<String> named) {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(p -> named.test(p.getFileName().toString()))
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static SourceFile sourceFile(FileChecksums checksums, Path path) {
    try {
      return checksums.sourceFile(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
