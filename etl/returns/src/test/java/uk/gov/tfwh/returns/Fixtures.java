package uk.gov.tfwh.returns;

import java.nio.file.Path;
import uk.gov.tfwh.programme.reference.ReferenceData;
import uk.gov.tfwh.programme.reference.ReferenceDataLoader;

/** The repository's real reference set and contract examples, shared by the tests. */
public final class Fixtures {
  private static ReferenceData reference;

  private Fixtures() {}

  public static Path root() {
    return Path.of(System.getProperty("tfwh.root.dir", "../.."));
  }

  public static Path examples() {
    return root().resolve("contract/examples");
  }

  public static synchronized ReferenceData reference() {
    if (reference == null) {
      reference = ReferenceDataLoader.load(root().resolve("reference"));
    }
    return reference;
  }
}
