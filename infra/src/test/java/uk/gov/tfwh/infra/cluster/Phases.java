package uk.gov.tfwh.infra.cluster;

/** Seconds each step took, for the README's figures. */
final class Phases {
  private final StringBuilder text = new StringBuilder();
  private long last;

  Phases(long start) {
    this.last = start;
  }

  synchronized void mark(String phase) {
    long now = System.nanoTime();
    text.append(text.length() == 0 ? "" : ", ")
        .append(phase)
        .append(' ')
        .append(String.format("%.1f s", (now - last) / 1e9));
    last = now;
  }

  @Override
  public synchronized String toString() {
    return text.toString();
  }
}
