package uk.gov.tfwh.warehouse.iceberg.lock;

/**
 * The one writer of a warehouse at a time (docs/design/iceberg.md, section 5.6): a load, a publish
 * that publishes or retains, and a migration each hold it from start to finish, so a second writer
 * is refused at once with a {@link WriterBusyException} naming the holder. {@link WriterLocks}
 * takes the lock the catalog settings choose; closing releases it. Both real locks are released by
 * the operating system or the database server when the holding process dies, however it dies, so a
 * killed writer never leaves the warehouse locked.
 */
public interface WriterLock extends AutoCloseable {

  /** Which lock this is. */
  enum Kind {
    /** The operating system's lock on {@code <warehouse>/.lock}: keeps out writers on this host. */
    FILE,
    /** PostgreSQL's advisory lock in the catalog database: keeps out writers on any host. */
    POSTGRES,
    /** No lock at all ({@code tfwh.lock=none}, tests only): only the release's own guard holds. */
    NONE
  }

  Kind kind();

  /**
   * Who holds it, as a refused writer is told: the purpose, the process and since when, such as
   * {@code load (host a, process 4242, since 2026-12-05T23:00:00Z)}.
   */
  String holder();

  /** Releases the lock; closing twice is harmless. */
  @Override
  void close();
}
