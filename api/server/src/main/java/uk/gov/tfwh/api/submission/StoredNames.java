package uk.gov.tfwh.api.submission;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import uk.gov.tfwh.returns.model.ReturnFileName;

/**
 * The sender's names for an upload's stored files, put back into what the checks say: the service
 * keeps each file under a name of its own ({@code <submission id>.summary.csv}), and a finding that
 * named it, or a file derived from it (the summary a lone claims file lacks), would speak of a name
 * the sender never gave. Whole names are put back first, then stems ({@code <id>} for {@code
 * kent-2015Q2}), longest first, since one stored stem can begin another ({@code <id>-2}).
 */
final class StoredNames implements UnaryOperator<String> {
  private final Map<String, String> names;
  private final Map<String, String> stems;

  private StoredNames(Map<String, String> names, Map<String, String> stems) {
    this.names = requireNonNull(names, "names");
    this.stems = requireNonNull(stems, "stems");
  }

  static StoredNames of(List<SubmissionRecord.StoredFile> stored) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> stems = new LinkedHashMap<>();
    for (SubmissionRecord.StoredFile file : stored) {
      names.put(file.name(), file.uploadedAs());
      // The stems pair only when the sender's name is the same part of a return as the kept one.
      Optional<ReturnFileName> kept = ReturnFileName.parse(file.name());
      Optional<ReturnFileName> sent = ReturnFileName.parse(file.uploadedAs());
      if (kept.isPresent() && sent.isPresent() && kept.get().part() == sent.get().part()) {
        stems.putIfAbsent(kept.get().stem(), sent.get().stem());
      }
    }
    return new StoredNames(longestFirst(names), longestFirst(stems));
  }

  /** The text with every stored name, then every stored stem, as the sender named it. */
  @Override
  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String shown = names.getOrDefault(text, text);
    for (Map.Entry<String, String> name : names.entrySet()) {
      shown = shown.replace(name.getKey(), name.getValue());
    }
    for (Map.Entry<String, String> stem : stems.entrySet()) {
      shown = shown.replace(stem.getKey(), stem.getValue());
    }
    return shown;
  }

  private static Map<String, String> longestFirst(Map<String, String> map) {
    Map<String, String> ordered = new LinkedHashMap<>();
    map.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }
}
