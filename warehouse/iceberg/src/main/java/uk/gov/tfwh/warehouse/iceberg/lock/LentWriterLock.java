package uk.gov.tfwh.warehouse.iceberg.lock;

import static java.util.Objects.requireNonNull;

/**
 * A writer lock its holder lends to a part of its work for a while: the same lock, whose {@link
 * #close()} gives it back without releasing it. {@code ./tfwh migrate} holds the lock for all its
 * releases and lends it to each release's target, which closes what it is given as a load does.
 */
public final class LentWriterLock implements WriterLock {
  private final WriterLock held;

  public LentWriterLock(WriterLock held) {
    this.held = requireNonNull(held, "held");
  }

  @Override
  public Kind kind() {
    return held.kind();
  }

  @Override
  public String holder() {
    return held.holder();
  }

  /** Gives the lock back: the lender still holds it and releases it. */
  @Override
  public void close() {
    // the lender's to release
  }
}
