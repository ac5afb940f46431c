package uk.gov.tfwh.warehouse.iceberg.lock;

import static java.util.Objects.requireNonNull;

/**
 * No lock ({@code tfwh.lock=none}): for tests that race two writers on the release's own guard (the
 * release number, section 5.6) on PostgreSQL. The settings refuse it with SQLite.
 */
public final class NoWriterLock implements WriterLock {
  private final String holder;

  NoWriterLock(String purpose) {
    this.holder = requireNonNull(purpose, "purpose") + " (no lock: tfwh.lock=none)";
  }

  @Override
  public Kind kind() {
    return Kind.NONE;
  }

  @Override
  public String holder() {
    return holder;
  }

  @Override
  public void close() {
    // nothing is held
  }
}
