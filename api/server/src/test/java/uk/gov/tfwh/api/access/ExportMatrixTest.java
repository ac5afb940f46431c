package uk.gov.tfwh.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.tfwh.api.access.AccessFixture.OTHER;
import static uk.gov.tfwh.api.access.AccessFixture.OWN;
import static uk.gov.tfwh.api.access.AccessFixture.PRE_RELEASE;
import static uk.gov.tfwh.api.access.AccessFixture.PUBLISHED;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every export kind and format, for every role, from a warehouse with a published snapshot and a
 * newer pre-release one whose turned-around figures are 1000 higher (issue 17, finding 1: a
 * coordinator's {@code authority=} used to unlock the whole pre-release league table). Each file
 * must come from the snapshot the rules give that caller for what the table covers, and say so
 * inside the file, and a CSV's figures must be exactly those of that snapshot.
 */
class ExportMatrixTest extends RealHttpTest {

  enum Caller {
    ANONYMOUS(null),
    NATIONAL("national"),
    COORDINATOR("coordinator"),
    MINISTERIAL("minister");

    final String user;

    Caller(String user) {
      this.user = user;
    }

    String token() {
      return user == null ? null : AccessFixture.token(user);
    }
  }

  /** What an export covers decides which snapshot a coordinator may read it from. */
  enum Covers {
    EVERY_AUTHORITY,
    OWN_AUTHORITY,
    OTHER_AUTHORITY,
    BRIEFING
  }

  record Export(String path, Covers covers) {
    @Override
    public String toString() {
      return path;
    }
  }

  static List<Export> exports() {
    List<Export> exports = new ArrayList<>();
    for (String format : List.of("csv", "xlsx", "ods")) {
      String q = "." + format + "?phase=1";
      exports.add(new Export("league-table" + q + "&period=2013Q3", Covers.EVERY_AUTHORITY));
      exports.add(new Export("regions" + q + "&period=2013Q3", Covers.EVERY_AUTHORITY));
      exports.add(new Export("payments" + q, Covers.EVERY_AUTHORITY));
      exports.add(new Export("payments" + q + "&authority=" + OWN, Covers.OWN_AUTHORITY));
      exports.add(new Export("payments" + q + "&authority=" + OTHER, Covers.OTHER_AUTHORITY));
      exports.add(new Export("progress" + q + "&authority=" + OWN, Covers.OWN_AUTHORITY));
      exports.add(new Export("progress" + q + "&authority=" + OTHER, Covers.OTHER_AUTHORITY));
      exports.add(new Export("briefing-summary" + q + "&period=2013Q3", Covers.BRIEFING));
    }
    exports.add(new Export("briefing.pdf?phase=1&period=2013Q3", Covers.BRIEFING));
    String profile = "authority-profile.pdf?phase=1&period=2013Q3&code=";
    exports.add(new Export(profile + OWN, Covers.OWN_AUTHORITY));
    exports.add(new Export(profile + OTHER, Covers.OTHER_AUTHORITY));
    return exports;
  }

  static Stream<Arguments> everyExportAndCaller() {
    List<Arguments> cases = new ArrayList<>();
    for (Export export : exports()) {
      for (Caller caller : Caller.values()) {
        cases.add(Arguments.of(export, caller));
      }
    }
    return cases.stream();
  }

  /** The snapshot the caller must get, or null when refused. */
  static String expected(Export export, Caller caller) {
    boolean seesAll = caller == Caller.NATIONAL || caller == Caller.MINISTERIAL;
    return switch (export.covers()) {
      case BRIEFING -> seesAll ? PRE_RELEASE : null;
      case OWN_AUTHORITY -> seesAll || caller == Caller.COORDINATOR ? PRE_RELEASE : PUBLISHED;
      case EVERY_AUTHORITY, OTHER_AUTHORITY -> seesAll ? PRE_RELEASE : PUBLISHED;
    };
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyExportAndCaller")
  void everyExportComesFromTheSnapshotTheCallerMaySeeForWhatItCovers(Export export, Caller caller) {
    String path = "/api/v1/exports/" + export.path();
    HttpResponse<byte[]> response = download(path, caller.token());
    String snapshot = expected(export, caller);

    if (snapshot == null) {
      assertThat(response.statusCode()).isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
      assertThat(text(path, response.body())).doesNotContain(PRE_RELEASE).doesNotContain(PUBLISHED);
      return;
    }
    assertThat(response.statusCode())
        .as(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    String other = snapshot.equals(PUBLISHED) ? PRE_RELEASE : PUBLISHED;
    assertThat(response.headers().firstValue("X-Tfwh-Snapshot")).hasValue(snapshot);
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .contains(snapshot)
        .doesNotContain(other);
    String inFile = text(path, response.body());
    if (!path.contains(".csv")) {
      assertThat(inFile).as("the file names its snapshot").contains(snapshot).doesNotContain(other);
    }
    if (path.contains(".csv")) {
      // The figures: byte for byte the file a caller who reads that snapshot gets.
      Caller reference = snapshot.equals(PRE_RELEASE) ? Caller.NATIONAL : Caller.ANONYMOUS;
      String referenceFile =
          new String(download(path, reference.token()).body(), StandardCharsets.UTF_8);
      // ... less the ranks, for a coordinator's own pre-release (PreReleaseRanksTest).
      if (caller == Caller.COORDINATOR && snapshot.equals(PRE_RELEASE)) {
        referenceFile = withoutRanks(referenceFile);
      }
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(referenceFile);
    }
  }

  /** A CSV export with its rank columns' cells emptied (its rows hold no quoted commas). */
  private static String withoutRanks(String csv) {
    List<String> lines = csv.lines().toList();
    int header = 0;
    while (header < lines.size() && !lines.get(header).contains("Quarter end")) {
      header++;
    }
    List<String> names = List.of(lines.get(header).split(",", -1));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      if (i > header && cells.length == names.size()) {
        for (String rank : List.of("National rank", "Region rank", "Type rank", "Quartile")) {
          if (names.contains(rank)) {
            cells[names.indexOf(rank)] = "";
          }
        }
      }
      out.append(String.join(",", cells)).append(csv.contains("\r\n") ? "\r\n" : "\n");
    }
    return out.toString();
  }

  @Test
  void theTwoSnapshotsGiveDifferentFiguresSoTheMatrixCanTellThemApart() {
    for (String path :
        List.of(
            "/api/v1/exports/league-table.csv?phase=1&period=2013Q3",
            "/api/v1/exports/regions.csv?phase=1&period=2013Q3",
            "/api/v1/exports/progress.csv?phase=1&authority=" + OWN)) {
      String published = new String(download(path, null).body(), StandardCharsets.UTF_8);
      String preRelease =
          new String(download(path, Caller.NATIONAL.token()).body(), StandardCharsets.UTF_8);
      assertThat(preRelease).as(path).isNotEqualTo(published);
    }
  }

  @Test
  void aTableOfEveryAuthorityRefusesAnAuthorityParameterInsteadOfUnlockingPreRelease() {
    for (String table : List.of("league-table", "regions")) {
      for (String format : List.of("csv", "xlsx", "ods")) {
        String path =
            "/api/v1/exports/" + table + "." + format + "?phase=1&period=2015Q1&authority=" + OWN;
        HttpResponse<byte[]> response = download(path, Caller.COORDINATOR.token());

        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
            .contains("\"parameter\":\"authority\"")
            .doesNotContain(PRE_RELEASE);
      }
    }
  }

  @Test
  void aProfileShowsDataQualityAndReturnsOnlyToTheNationalTeamAndItsOwnCoordinator() {
    String own = "/api/v1/exports/authority-profile.pdf?phase=1&period=2013Q3&code=" + OWN;
    String other = "/api/v1/exports/authority-profile.pdf?phase=1&period=2013Q3&code=" + OTHER;
    String ownAsCoordinator = text(own, download(own, Caller.COORDINATOR.token()).body());
    assertThat(ownAsCoordinator)
        .contains("OFFICIAL-SENSITIVE: PRE-RELEASE")
        .contains("Returns for the quarter");
    assertThat(text(own, download(own, Caller.NATIONAL.token()).body()))
        .contains("Returns for the quarter");
    // A coordinator asking about another authority gets what the public gets: published figures,
    // no marking, and neither data quality nor return versions.
    for (Caller caller : List.of(Caller.COORDINATOR, Caller.ANONYMOUS, Caller.MINISTERIAL)) {
      String path = caller == Caller.MINISTERIAL ? own : other;
      String inFile = text(path, download(path, caller.token()).body());
      assertThat(inFile)
          .as(caller + " " + path)
          .doesNotContain("Returns for the quarter")
          .contains("shown to the national team and the authority's own coordinator only");
    }
    assertThat(text(other, download(other, Caller.COORDINATOR.token()).body()))
        .doesNotContain("OFFICIAL-SENSITIVE: PRE-RELEASE")
        .contains(PUBLISHED)
        .doesNotContain(PRE_RELEASE);
  }

  @Test
  void aProfileOfABadCodePhaseOrPeriodIs400AndOfAnUnknownAuthority404() {
    String base = "/api/v1/exports/authority-profile.pdf?";
    for (String[] bad :
        List.of(
            new String[] {"phase=1&period=2013Q3&code=kent", "code"},
            new String[] {"phase=3&period=2013Q3&code=" + OWN, "phase"},
            new String[] {"phase=1&period=2019Q1&code=" + OWN, "period"},
            new String[] {"phase=1&period=summer&code=" + OWN, "period"})) {
      HttpResponse<byte[]> response = download(base + bad[0], Caller.NATIONAL.token());
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
      assertThat(new String(response.body(), StandardCharsets.UTF_8))
          .contains("\"parameter\":\"" + bad[1] + "\"");
    }
    HttpResponse<byte[]> unknown =
        download(base + "phase=1&period=2013Q3&code=E10000999", Caller.NATIONAL.token());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new String(unknown.body(), StandardCharsets.UTF_8))
        .contains("there is no authority E10000999");
  }

  /** Every table export that takes authority=, for a code no authority has and a former one. */
  static Stream<Arguments> tablesOfAnAuthorityThereIsNot() {
    List<Arguments> cases = new ArrayList<>();
    for (String table : List.of("progress", "payments")) {
      for (String format : List.of("csv", "xlsx", "ods")) {
        // E08000020 is Gateshead's former code: a return under it loads as E08000037.
        for (String code : List.of("E06000999", "E08000020")) {
          for (Caller caller : List.of(Caller.ANONYMOUS, Caller.NATIONAL)) {
            cases.add(
                Arguments.of(table + "." + format + "?phase=1&authority=" + code, code, caller));
          }
        }
      }
    }
    return cases.stream();
  }

  /** Was a 200 with the headings alone, named after the code and cached as public. */
  @ParameterizedTest(name = "{0} as {2}")
  @MethodSource("tablesOfAnAuthorityThereIsNot")
  void aTableOfAnAuthorityThereIsNotIs404AsItsJsonResourceIs(
      String export, String code, Caller caller) {
    HttpResponse<byte[]> file = download("/api/v1/exports/" + export, caller.token());

    assertThat(file.statusCode())
        .as(new String(file.body(), StandardCharsets.UTF_8))
        .isEqualTo(404);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    // No file (Spring's own "inline;filename=f.txt" on .xlsx and .ods paths is its RFD defence).
    assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
        .doesNotContain("attachment");
    assertThat(new String(file.body(), StandardCharsets.UTF_8))
        .contains("\"detail\":\"there is no authority " + code + "\"");
    // The same answer as the JSON resource gives.
    HttpResponse<byte[]> json =
        download("/api/v1/payments?phase=1&authority=" + code, caller.token());
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(new String(json.body(), StandardCharsets.UTF_8))
        .contains("\"detail\":\"there is no authority " + code + "\"");
  }

  private HttpResponse<byte[]> download(String pathAndQuery, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text of a file: a PDF's text, every XML part of an XLSX or ODS, a CSV as it is. */
  static String text(String path, byte[] body) {
    try {
      if (path.contains(".pdf") && body.length > 4 && body[0] == '%') {
        try (PDDocument document = Loader.loadPDF(body)) {
          return new PDFTextStripper().getText(document);
        }
      }
      if (body.length > 2 && body[0] == 'P' && body[1] == 'K') {
        // Read through the central directory: the ODS writer's stored entries carry their sizes
        // there only, which a streaming reader refuses.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("tfwh-export", ".zip");
        try {
          java.nio.file.Files.write(file, body);
          StringBuilder text = new StringBuilder();
          try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
              if (entry.getName().endsWith(".xml")) {
                text.append(
                        new String(
                            zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8))
                    .append('\n');
              }
            }
          }
          return text.toString();
        } finally {
          java.nio.file.Files.deleteIfExists(file);
        }
      }
      return new String(body, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
