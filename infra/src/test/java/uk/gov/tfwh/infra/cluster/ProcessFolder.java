package uk.gov.tfwh.infra.cluster;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One process's own folders on a host: its working folder, its temporary folder ({@code TMPDIR} and
 * {@code java.io.tmpdir}) and its log (stdout and stderr), so that nothing but the network is
 * shared between processes.
 */
public record ProcessFolder(Path work, Path tmp, Path log) {
  public ProcessFolder {
    requireNonNull(work);
    requireNonNull(tmp);
    requireNonNull(log);
  }
}
