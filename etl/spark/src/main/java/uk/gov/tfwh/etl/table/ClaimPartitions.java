package uk.gov.tfwh.etl.table;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import uk.gov.tfwh.etl.read.ReturnIds;
import uk.gov.tfwh.warehouse.table.WarehouseTable;

/**
 * The quarter partitions of {@code fact_claim} an incremental load can carry over from the previous
 * snapshot instead of rewriting them. A partition's rows follow from the return versions loaded for
 * its quarter (a return id is a hash of its files' bytes, so the same id means the same claim rows)
 * and from the claims of those returns the national check refused. Each partition's digest of those
 * is kept in the snapshot's state; a later load whose digest for a quarter is the same hard-links
 * that partition's immutable files (copying where the file system cannot link), so a new quarter
 * costs the same whatever the length of the history. The rows and files of each partition are kept
 * beside its digest, so the manifest's count of a carried partition needs no footer read.
 */
public final class ClaimPartitions {
  /** One quarter's partition as written: what its rows follow from, and what it holds. */
  public record Partition(String digest, long rows, int files) {
    public Partition {
      requireNonNull(digest, "digest");
    }
  }

  private static final String FILE = "fact-claim-partitions.properties";
  // Changing how fact_claim rows are made must change every digest: the columns are part of it.
  private static final String FORMAT = "fact_claim 1 " + WarehouseTable.FACT_CLAIM.columns();

  private ClaimPartitions() {}

  /**
   * The digest of one quarter's partition.
   *
   * @param loadedReturnIds the return versions (current or superseded) loaded for the quarter
   * @param refusedClaims the claims of those returns the national check refused ({@code
   *     returnId#row})
   */
  public static String digest(SortedSet<String> loadedReturnIds, Collection<String> refusedClaims) {
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    loadedReturnIds.forEach(id -> text.append("loaded ").append(id).append('\n'));
    refusedClaims.stream().sorted().forEach(c -> text.append("refused ").append(c).append('\n'));
    return ReturnIds.sha256(text.toString());
  }

  /** The folder of one quarter's partition inside the table folder. */
  public static Path partitionDir(Path tableDir, LocalDate periodEnd) {
    return tableDir.resolve("period_end=" + periodEnd);
  }

  /**
   * The partitions kept in a snapshot's state folder; empty when there are none or they were
   * written by an older build (then every quarter is written again).
   */
  public static Map<LocalDate, Partition> read(Path stateDir) {
    Path file = stateDir.resolve(FILE);
    Map<LocalDate, Partition> partitions = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return partitions;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    for (String quarter : properties.stringPropertyNames()) {
      String[] parts = properties.getProperty(quarter).split(" ");
      if (parts.length != 3) {
        return new TreeMap<>();
      }
      partitions.put(
          LocalDate.parse(quarter),
          new Partition(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
    }
    return partitions;
  }

  /** Writes the partitions into a (staged) snapshot's state folder. */
  public static void write(Path stateDir, Map<LocalDate, Partition> partitions) {
    Properties properties = new Properties();
    partitions.forEach(
        (quarter, p) ->
            properties.setProperty(
                quarter.toString(), p.digest() + " " + p.rows() + " " + p.files()));
    try {
      Files.createDirectories(stateDir);
      try (Writer out = Files.newBufferedWriter(stateDir.resolve(FILE), StandardCharsets.UTF_8)) {
        properties.store(out, "each fact_claim partition: digest of its rows, rows, files");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + stateDir.resolve(FILE), e);
    }
  }

  /**
   * Hard-links (or copies) every file of a partition of an earlier snapshot's table into the same
   * partition of a staged one; nothing when the earlier one had no rows there.
   */
  public static void carryOver(Path fromTableDir, Path toTableDir, LocalDate periodEnd) {
    Path from = partitionDir(fromTableDir, periodEnd);
    if (!Files.isDirectory(from)) {
      return;
    }
    LinkedFiles.linkAll(from, partitionDir(toTableDir, periodEnd));
  }
}
