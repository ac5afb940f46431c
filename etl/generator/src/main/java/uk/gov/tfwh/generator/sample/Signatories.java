package uk.gov.tfwh.generator.sample;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import uk.gov.tfwh.programme.period.Quarter;
import uk.gov.tfwh.programme.reference.Authority;

/**
 * Who signs an authority's returns off and when: a troubled families co-ordinator sends them (an
 * e-mail at the council's domain), a senior responsible officer signs them off, some weeks after
 * the quarter ends, in office hours, London time (so the offset is +00:00 or +01:00). People change
 * over the years, as they did. A few names carry apostrophes, commas and accents, which the files
 * must quote and encode correctly.
 */
final class Signatories {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final List<String> FIRST =
      List.of(
          "Aisha",
          "Andrew",
          "Bernadette",
          "Chris",
          "Claire",
          "David",
          "Deborah",
          "Emma",
          "Gareth",
          "Helen",
          "Imran",
          "Jane",
          "Joanne",
          "Karen",
          "Kwame",
          "Louise",
          "Mark",
          "Michelle",
          "Nasreen",
          "Niamh",
          "Paul",
          "Priya",
          "Rachel",
          "Richard",
          "Sarah",
          "Siobhán",
          "Stephen",
          "Tom",
          "Zoë");
  private static final List<String> LAST =
      List.of(
          "Ahmed",
          "Bennett",
          "Brown",
          "Campbell",
          "Clarke",
          "Davies",
          "Evans",
          "Green",
          "Hughes",
          "Jackson",
          "Khan",
          "Kowalski",
          "Lewis",
          "Mensah",
          "Morris",
          "O'Brien",
          "Okafor",
          "Patel",
          "Roberts",
          "Shah",
          "Smith",
          "Taylor",
          "Thompson",
          "Walker",
          "Wilson",
          "Wright");
  private static final List<String> TITLES =
      List.of(
          "",
          "",
          "",
          "Director of Children's Services",
          "Assistant Director, Early Help",
          "Head of Troubled Families");

  private final String domain;
  private final SplittableRandom random;
  private String coordinator;
  private String officer;

  Signatories(Authority authority, SplittableRandom random) {
    this.domain =
        authority.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "").replaceAll("^the", "")
            + ".gov.uk";
    this.random = random;
    this.coordinator = person();
    this.officer = officer();
  }

  /** Once a year or so the people change. */
  void maybeChange() {
    if (random.nextDouble() < 0.08) {
      coordinator = person();
    }
    if (random.nextDouble() < 0.05) {
      officer = officer();
    }
  }

  String submittedBy() {
    String local =
        java.text.Normalizer.normalize(coordinator, java.text.Normalizer.Form.NFD)
            .replaceAll("[^A-Za-z ]", "")
            .toLowerCase(Locale.ROOT)
            .replace(' ', '.');
    return local + "@" + domain;
  }

  String sroSignOff() {
    return officer;
  }

  /** Signed off 2 to 7 weeks after the quarter ended, in office hours. */
  OffsetDateTime submittedAt(Quarter quarter) {
    return officeHours(quarter.end().atStartOfDay().plusDays(14 + random.nextInt(36)));
  }

  /** A resubmission, some days to weeks after the version it revises. */
  OffsetDateTime resubmittedAt(OffsetDateTime earlier) {
    return officeHours(earlier.toLocalDate().atStartOfDay().plusDays(5 + random.nextInt(40)));
  }

  private OffsetDateTime officeHours(LocalDateTime day) {
    LocalDateTime at =
        day.plusHours(8 + random.nextInt(10))
            .plusMinutes(random.nextInt(60))
            .plusSeconds(random.nextInt(60));
    return at.atZone(LONDON).toOffsetDateTime();
  }

  private String person() {
    return FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
  }

  private String officer() {
    String title = TITLES.get(random.nextInt(TITLES.size()));
    return title.isEmpty() ? person() : person() + ", " + title;
  }
}
