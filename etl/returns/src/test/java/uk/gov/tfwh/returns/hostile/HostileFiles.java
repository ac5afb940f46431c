package uk.gov.tfwh.returns.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import uk.gov.tfwh.returns.Fixtures;
import uk.gov.tfwh.returns.model.ReturnOutcome;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.read.LandingFolder;
import uk.gov.tfwh.returns.read.LandingScan;
import uk.gov.tfwh.returns.read.ReadLimits;
import uk.gov.tfwh.returns.read.ReturnReader;

/**
 * Builds hostile files for the tests of this package and measures what reading them costs: the
 * time, and the bytes the reading thread allocated (a reader that buffered a file would allocate at
 * least its size).
 */
final class HostileFiles {
  /** The contract's valid workbook, whose parts the hostile workbooks reuse. */
  static final String BRISTOL = "valid-p2-bristol-2015Q2.xlsx";

  static final String SUMMARY_SHEET = "xl/worksheets/sheet1.xml";
  static final String CLAIMS_SHEET = "xl/worksheets/sheet2.xml";

  private HostileFiles() {}

  /** What reading one return cost. */
  record Reading(ReturnOutcome outcome, long millis, long allocatedBytes) {}

  /** Scans {@code dir} and reads its one return with the production limits. */
  static Reading readOnlyReturn(Path dir) {
    return readOnlyReturn(dir, ReadLimits.defaults());
  }

  static Reading readOnlyReturn(Path dir, ReadLimits limits) {
    ReturnReader reader = new ReturnReader(Fixtures.reference(), limits);
    long allocatedBefore = allocatedByThisThread();
    long start = System.nanoTime();
    LandingScan scan = LandingFolder.scan(dir);
    if (scan.returns().size() != 1) {
      throw new AssertionError("expected one return in " + dir + ": " + scan);
    }
    ReturnSource source = scan.returns().get(0);
    ReturnOutcome outcome = reader.read(dir, source);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Reading(outcome, millis, allocatedByThisThread() - allocatedBefore);
  }

  static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  /**
   * Writes a workbook made from the Bristol example with some parts replaced: each replacement
   * writes the part's bytes to the zip stream itself, so a part can be far larger than memory.
   */
  static Path workbook(Path file, Map<String, Consumer<OutputStream>> replaced) throws IOException {
    try (ZipFile template = new ZipFile(Fixtures.examples().resolve(BRISTOL).toFile());
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.setLevel(Deflater.BEST_SPEED); // gigabytes to deflate: speed over size
      Enumeration<? extends ZipEntry> entries = template.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        zip.putNextEntry(new ZipEntry(entry.getName()));
        Consumer<OutputStream> replacement = replaced.get(entry.getName());
        if (replacement != null) {
          replacement.accept(zip);
        } else {
          try (InputStream in = template.getInputStream(entry)) {
            in.transferTo(zip);
          }
        }
        zip.closeEntry();
      }
    }
    return file;
  }

  /**
   * Writes a workbook made from the Bristol example with each of these parts' XML changed; a change
   * that changes nothing fails, so a test never passes on an example it did not alter.
   */
  static Path workbookWithChanged(Path file, Map<String, UnaryOperator<String>> changes)
      throws IOException {
    Map<String, Consumer<OutputStream>> replaced = new HashMap<>();
    for (var change : changes.entrySet()) {
      String original = examplePart(change.getKey());
      String changed = change.getValue().apply(original);
      if (changed.equals(original)) {
        throw new AssertionError("the change of " + change.getKey() + " changed nothing");
      }
      replaced.put(
          change.getKey(),
          out -> {
            try {
              out.write(changed.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    return workbook(file, replaced);
  }

  /** The bytes of a part of the Bristol example. */
  static String examplePart(String name) throws IOException {
    try (ZipFile template = new ZipFile(Fixtures.examples().resolve(BRISTOL).toFile());
        InputStream in = template.getInputStream(template.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Rewrites every size a zip records for one entry (central directory and data descriptor) so it
   * claims to unzip to no more than it occupies: the headers of a zip bomb that lies.
   */
  static void lieAboutSize(Path zipFile, String entryName) throws IOException {
    byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel =
        FileChannel.open(zipFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.allocate((int) channel.size()).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(bytes, 0);
      int patched = 0;
      for (int at = 0; at + 46 < bytes.capacity(); at++) {
        if (bytes.getInt(at) != 0x02014b50) {
          continue; // not a central directory header
        }
        int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
        if (nameLength != name.length || !matches(bytes, at + 46, name)) {
          continue;
        }
        int compressed = bytes.getInt(at + 20);
        int localHeader = bytes.getInt(at + 42);
        bytes.putInt(at + 24, compressed);
        // The data descriptor follows the entry's data: local header (30 + name + extra) + data.
        int localNameLength = Short.toUnsignedInt(bytes.getShort(localHeader + 26));
        int localExtraLength = Short.toUnsignedInt(bytes.getShort(localHeader + 28));
        int descriptor = localHeader + 30 + localNameLength + localExtraLength + compressed;
        if (bytes.getInt(descriptor) == 0x08074b50) {
          bytes.putInt(descriptor + 12, compressed);
        }
        patched++;
      }
      if (patched != 1) {
        throw new AssertionError("found " + patched + " entries named " + entryName);
      }
      bytes.rewind();
      channel.write(bytes, 0);
    }
  }

  private static boolean matches(ByteBuffer bytes, int at, byte[] name) {
    for (int i = 0; i < name.length; i++) {
      if (bytes.get(at + i) != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** Writes {@code count} copies of a block of spaces: XML whitespace that deflates ~1000 times. */
  static void spaces(OutputStream out, long count) {
    byte[] block = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
    try {
      for (long written = 0; written < count; written += block.length) {
        out.write(block, 0, (int) Math.min(block.length, count - written));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
