package uk.gov.tfwh.warehouse.iceberg.retention;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ThreadLocalRandom;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * One commit of a table's refs (branches and tags), made again on the table's new metadata when
 * another writer committed to the table first. Iceberg retries a data commit on fresh metadata by
 * itself, but not a change of refs: {@code manageSnapshots().commit()} fails with "Table metadata
 * refresh is required" whenever any other commit to the table came between (two loads creating
 * their own {@code load_} branches on one table at once). The warehouse's ref changes concern one
 * writer's own refs (its branch, its release's tag) or are worked out from the release rows, so
 * making them again on the newer metadata is always what was meant (docs/design/iceberg.md, 5.6).
 */
public final class RefCommit {
  static final int ATTEMPTS = 8;

  /** Stages the ref changes wanted on the table as it is now; false when none is needed. */
  @FunctionalInterface
  public interface Change {
    boolean stage(Table table, ManageSnapshots manage);
  }

  private RefCommit() {}

  /**
   * Stages {@code change} on the table and commits it; when another commit came between, refreshes
   * the table and does both again, up to {@value #ATTEMPTS} times.
   *
   * @return whether a commit was made (false: the refs were as wanted already)
   * @throws CommitFailedException when every attempt met another writer's commit
   */
  public static boolean apply(Table table, Change change) {
    requireNonNull(table, "table");
    requireNonNull(change, "change");
    for (int attempt = 1; ; attempt++) {
      ManageSnapshots manage = table.manageSnapshots();
      if (!change.stage(table, manage)) {
        return false;
      }
      try {
        manage.commit();
        return true;
      } catch (CommitFailedException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        pause(attempt);
        table.refresh();
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(20, 60L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommitFailedException(e, "interrupted while retrying a ref commit");
    }
  }
}
