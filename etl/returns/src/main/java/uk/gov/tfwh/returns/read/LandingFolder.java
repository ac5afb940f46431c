package uk.gov.tfwh.returns.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.gov.tfwh.returns.model.Finding;
import uk.gov.tfwh.returns.model.ReturnFileName;
import uk.gov.tfwh.returns.model.ReturnFormat;
import uk.gov.tfwh.returns.model.ReturnSource;
import uk.gov.tfwh.returns.model.SourceFile;
import uk.gov.tfwh.returns.rules.Location;
import uk.gov.tfwh.returns.rules.OneSlip;
import uk.gov.tfwh.returns.rules.Rule;

/**
 * Finds the returns in a landing folder: {@code <stem>.summary.csv} with an optional {@code
 * <stem>.claims.csv}, and {@code <stem>.xlsx}, as {@link ReturnFileName} reads names. Every other
 * entry becomes a TFQR-F04 finding rather than being skipped silently, so nothing sent is lost.
 * Each file is identified by its size and SHA-256 at the time of the scan.
 */
public final class LandingFolder {
  /** The marks people put between a stem's words: spaces, underscores, hyphens, dots. */
  private static final Pattern STEM_MARKS = Pattern.compile("[\\s_.-]+");

  private static final int MAX_NAME_LENGTH = 255;

  private LandingFolder() {}

  /**
   * Scans {@code dir} (not its subfolders). Never throws for what the folder holds; throws {@link
   * IllegalArgumentException} when {@code dir} is not a folder and {@link UncheckedIOException}
   * when it cannot be listed, since then there is no load to run.
   */
  public static LandingScan scan(Path dir) {
    return scan(dir, FileChecksums.none());
  }

  /** As {@link #scan(Path)}, taking each file's checksum from {@code checksums}. */
  public static LandingScan scan(Path dir, FileChecksums checksums) {
    return scan(look(dir), checksums);
  }

  /**
   * The first half of a scan, which needs no checksums: lists {@code dir}, sorts its entries into
   * the parts of returns and the rest, and looks at each entry once (its identity, for {@link
   * FileChecksums}). A load does this on its own thread while it reads what the previous load
   * remembered, since on a long history it is thousands of system calls. Throws as {@link
   * #scan(Path)}.
   */
  public static LandingListing look(Path dir) {
    Instant lookedAt = Instant.now();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("landing folder " + dir + " is not a folder");
    }
    // Each name is taken from its path once: the landing folder holds every file of the
    // programme, and a comparator asking each path for its name costs a new string per comparison.
    TreeMap<String, Path> entriesByName = new TreeMap<>();
    try (Stream<Path> listing = Files.list(dir)) {
      listing.forEach(path -> entriesByName.put(path.getFileName().toString(), path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing folder " + dir, e);
    }
    LandingListing listing = new LandingListing(lookedAt, entriesByName.size());
    for (Map.Entry<String, Path> listed : entriesByName.entrySet()) {
      String name = listed.getKey();
      String unsafe = unsafeReason(name);
      if (unsafe != null) {
        listing.findings.add(notAReturn(name, "the file name " + unsafe));
        continue;
      }
      FileChecksums.Look look = FileChecksums.look(listed.getValue());
      Optional<ReturnFileName> part = ReturnFileName.parse(name);
      if (!look.plainFile()) {
        listing.findings.add(notAReturn(name, "this is not a plain file (a folder or a link)"));
      } else if (part.isPresent()) {
        String stem = part.get().stem();
        switch (part.get().part()) {
          case SUMMARY -> listing.summaries.put(stem, look);
          case CLAIMS -> listing.claims.put(stem, look);
          case WORKBOOK -> listing.workbooks.put(stem, look);
        }
      } else {
        listing.findings.add(notAReturn(name, notPartOfAReturn(name, entriesByName::containsKey)));
        listing.others.add(look);
      }
    }
    return listing;
  }

  /**
   * Why a claims file is no part of a return: it has no summary of its stem. When its stem is the
   * one of a summary without claims written another way (capitals or the marks between its words:
   * "Kent 2015Q2" for "kent-2015Q2"; or one slip of the keyboard), that summary is named; never one
   * of two alike. Public for the submission service, which says it of the names a sender gave.
   *
   * @param lonelySummaryStems the stems of the summaries beside it that have no claims file
   */
  public static String withoutItsSummary(String claimsStem, Collection<String> lonelySummaryStems) {
    String meant = stemWords(claimsStem);
    Optional<String> likely =
        OneSlip.theOnly(
            lonelySummaryStems,
            stem ->
                stemWords(stem).equals(meant)
                    || OneSlip.between(
                        stem.toLowerCase(Locale.ROOT), claimsStem.toLowerCase(Locale.ROOT)));
    return "the claims file has no summary file "
        + ReturnFileName.Part.SUMMARY.nameFor(claimsStem)
        + " beside it"
        + likely
            .map(
                stem ->
                    "; the summary "
                        + ReturnFileName.Part.SUMMARY.nameFor(stem)
                        + " has no claims file: give the two files the same stem")
            .orElse("");
  }

  private static String stemWords(String stem) {
    return STEM_MARKS.matcher(stem.toLowerCase(Locale.ROOT)).replaceAll("-");
  }

  /**
   * The second half of a scan: the returns of a listing, each file with its checksum from {@code
   * checksums} (which should be made for the listing's {@link LandingListing#lookedAt() time}).
   */
  public static LandingScan scan(LandingListing listing, FileChecksums checksums) {
    Map<String, FileChecksums.Look> summaries = listing.summaries;
    Map<String, FileChecksums.Look> claims = listing.claims;
    List<Finding> findings = new ArrayList<>(listing.findings);
    List<FileChecksums.Look> others = new ArrayList<>(listing.others);
    List<ReturnSource> returns = new ArrayList<>();
    for (Map.Entry<String, FileChecksums.Look> claimsFile : claims.entrySet()) {
      if (!summaries.containsKey(claimsFile.getKey())) {
        findings.add(
            notAReturn(
                claimsFile.getValue().name(),
                withoutItsSummary(
                    claimsFile.getKey(),
                    summaries.keySet().stream()
                        .filter(stem -> !claims.containsKey(stem))
                        .toList())));
        others.add(claimsFile.getValue());
      }
    }
    Map<String, List<ReturnSource>> byStem = new TreeMap<>();
    for (Map.Entry<String, FileChecksums.Look> summary : summaries.entrySet()) {
      List<FileChecksums.Look> files = new ArrayList<>(List.of(summary.getValue()));
      FileChecksums.Look claimsFile = claims.get(summary.getKey());
      if (claimsFile != null) {
        files.add(claimsFile);
      }
      source(summary.getKey(), ReturnFormat.CSV, files, checksums, findings)
          .ifPresent(s -> byStem.computeIfAbsent(s.stem(), k -> new ArrayList<>()).add(s));
    }
    for (Map.Entry<String, FileChecksums.Look> workbook : listing.workbooks.entrySet()) {
      source(
              workbook.getKey(),
              ReturnFormat.XLSX,
              List.of(workbook.getValue()),
              checksums,
              findings)
          .ifPresent(s -> byStem.computeIfAbsent(s.stem(), k -> new ArrayList<>()).add(s));
    }
    byStem.values().forEach(returns::addAll);
    List<SourceFile> files = new ArrayList<>();
    returns.forEach(r -> files.addAll(r.files()));
    for (FileChecksums.Look other : others) {
      try {
        files.add(checksums.sourceFile(other));
      } catch (IOException e) {
        // Gone or unreadable since the listing: its finding stands, it is no input of this load.
      }
    }
    files.sort(Comparator.comparing(SourceFile::name));
    findings.sort(Comparator.comparing(Finding::file));
    return new LandingScan(returns, findings, files);
  }

  private static Optional<ReturnSource> source(
      String stem,
      ReturnFormat format,
      List<FileChecksums.Look> looks,
      FileChecksums checksums,
      List<Finding> findings) {
    List<SourceFile> files = new ArrayList<>();
    for (FileChecksums.Look look : looks) {
      try {
        files.add(checksums.sourceFile(look));
      } catch (IOException e) {
        findings.add(
            notAReturn(look.name(), "the file could not be read (" + e.getMessage() + ")"));
        return Optional.empty();
      }
    }
    return Optional.of(new ReturnSource(stem, format, files));
  }

  /**
   * Why a name cannot be trusted, or null. Names come from the folder listing, so they cannot
   * escape it here, but they are written into reports, exports and paths later: control and
   * invisible formatting characters could forge or hide text, and separators, {@code ..} or a
   * leading dot could point elsewhere when the name is reused.
   */
  static String unsafeReason(String name) {
    if (name.length() > MAX_NAME_LENGTH) {
      return "is longer than " + MAX_NAME_LENGTH + " characters";
    }
    if (name.startsWith(".")) {
      return "starts with a dot (a hidden file)";
    }
    if (name.contains("..")) {
      return "contains '..'";
    }
    for (int i = 0; i < name.length(); ) {
      int codePoint = name.codePointAt(i);
      i += Character.charCount(codePoint);
      int type = Character.getType(codePoint);
      if (Character.isISOControl(codePoint)
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.SURROGATE
          || type == Character.UNASSIGNED) {
        return String.format("contains the control or invisible character U+%04X", codePoint);
      }
      if (codePoint == '/' || codePoint == '\\' || codePoint == ':') {
        return "contains the path separator '" + (char) codePoint + "'";
      }
    }
    return null;
  }

  /**
   * Why a safe name that is no part of a return is refused, with what it was most likely meant to
   * be. The submission service keeps an upload under a name of its own and asks here with the name
   * the sender gave, so both say the same of the same name.
   */
  public static String notPartOfAReturn(String name) {
    return notPartOfAReturn(name, other -> false);
  }

  private static String notPartOfAReturn(String name, Predicate<String> taken) {
    return "the file is not part of a return: a return is <stem>.summary.csv with an optional"
        + " <stem>.claims.csv, or <stem>.xlsx"
        + (unsafeReason(name) == null
            ? LikelyFileName.hint(name, taken).map(hint -> "; " + hint).orElse("")
            : "");
  }

  private static Finding notAReturn(String name, String problem) {
    // An unsafe name is shown escaped, so it cannot forge text in reports.
    String shown = unsafeReason(name) == null ? name : Rule.quote(name);
    return Rule.F04.at(Location.ofFile(shown), problem);
  }
}
