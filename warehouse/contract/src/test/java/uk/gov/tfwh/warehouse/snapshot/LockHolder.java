package uk.gov.tfwh.warehouse.snapshot;

import java.nio.file.Path;

/**
 * A child process that takes a warehouse's lock, says so on standard output and then waits to be
 * killed: what a load looks like to another process while it runs.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws InterruptedException {
    WarehouseLock lock = WarehouseLock.acquire(Path.of(args[0]), "load");
    System.out.println("held " + lock.file());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
