package uk.gov.tfwh.infra.cluster;

import java.util.Map;

/** The most resident memory the network's processes held together, sampled twice a second. */
final class PeakMemory {
  private final Thread sampler;
  private volatile long peak;
  private volatile Map<String, Long> atPeak = Map.of();

  private PeakMemory(PrivateNetwork network) {
    sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                Map<String, Long> now = network.residentMemory();
                long total = now.values().stream().mapToLong(Long::longValue).sum();
                if (total > peak) {
                  peak = total;
                  atPeak = now;
                }
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "peak memory");
    sampler.setDaemon(true);
  }

  static PeakMemory watch(PrivateNetwork network) {
    PeakMemory memory = new PeakMemory(network);
    memory.sampler.start();
    return memory;
  }

  void stop() throws InterruptedException {
    sampler.interrupt();
    sampler.join();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("peak resident memory " + (peak >> 20) + " MiB (");
    atPeak.forEach((host, bytes) -> text.append(host).append(' ').append(bytes >> 20).append(' '));
    return text.toString().trim() + " MiB)";
  }
}
