package uk.gov.tfwh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private network's promises: hosts reach each other by address, they reach nothing of this
 * machine's (its loopback or its own addresses), and closing leaves no namespace and no process
 * behind, while namespaces it did not create are never touched.
 */
class PrivateNetworkIT {
  @BeforeAll
  static void hostsCanBeMadeHere() {
    HostsOnThisMachine.assumeAvailable();
  }

  private static final Duration SHORT = Duration.ofSeconds(20);

  @TempDir Path temp;

  @Test
  void hostsReachEachOtherAndNothingOfTheMachine() throws Exception {
    List<Long> started = new ArrayList<>();
    List<String> namespaces;
    try (ServerSocket machineServer = new ServerSocket();
        PrivateNetwork network = PrivateNetwork.create(temp, "a", "b")) {
      // A server of this machine's, on every address it has: the hosts must reach none of them.
      machineServer.bind(new InetSocketAddress("0.0.0.0", 0));
      int machinePort = machineServer.getLocalPort();
      Thread acceptor = acceptForever(machineServer);

      Host a = network.host("a");
      Host b = network.host("b");
      namespaces = network.namespaces();
      assertThat(PrivateNetwork.namespacesOnMachine()).containsAll(namespaces);
      assertThat(a.address()).isNotEqualTo(b.address()).startsWith("10.");

      HostProcess server =
          b.start(
              "http",
              Map.of(),
              folder -> List.of("python3", "-m", "http.server", "8000", "--bind", b.address()));
      started.add(server.pid());
      awaitListening(b, b.address(), 8000);
      assertThat(curl(a, "http://" + b.address() + ":8000/")).isEqualTo("200");

      // Nor do the hosts share a folder: a sees its own folder and nothing of b's.
      Files.writeString(a.folder().resolve("mine"), "a");
      Files.writeString(b.folder().resolve("theirs"), "b");
      assertThat(a.check(SHORT, "cat", a.folder().resolve("mine").toString())).isEqualTo("a");
      assertThat(a.check(SHORT, "ls", "-A", b.folder().toString())).isBlank();
      assertThat(a.run(SHORT, "sh", "-c", "echo a > " + b.folder().resolve("from-a")).exitCode())
          .isNotZero();
      assertThat(b.folder().resolve("from-a")).doesNotExist();

      // Reachable from the machine itself, so a refusal below is the network's doing.
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), machinePort), 2000);
      }
      assertThat(curl(a, "http://127.0.0.1:" + machinePort + "/")).isEqualTo("000");
      for (String address : machineAddresses()) {
        assertThat(curl(a, "http://" + address + ":" + machinePort + "/"))
            .as("machine address " + address)
            .isEqualTo("000");
      }

      // A grandchild (a shell's background job) is killed too: close sweeps the namespace.
      HostProcess shell =
          a.start(
              "shell", Map.of(), folder -> List.of("sh", "-c", "sleep 300 & echo started; wait"));
      shell.awaitLog("started", SHORT);
      List<Long> inA = PrivateNetwork.processesIn(a.namespace());
      assertThat(inA).hasSizeGreaterThanOrEqualTo(2);
      started.addAll(inA);
      acceptor.interrupt();
    }
    assertThat(PrivateNetwork.namespacesOnMachine()).doesNotContainAnyElementsOf(namespaces);
    for (long pid : started) {
      assertThat(awaitGone(pid)).as("pid " + pid + " is gone").isTrue();
    }
  }

  /** True once the process is gone or only a zombie waiting for its parent to collect it. */
  private static boolean awaitGone(long pid) throws IOException {
    Path stat = Path.of("/proc/" + pid + "/stat");
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        String text = java.nio.file.Files.readString(stat);
        if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
          return true;
        }
      } catch (java.nio.file.NoSuchFileException e) {
        return true;
      }
      HostProcess.pause(100);
    }
    return false;
  }

  @Test
  void removesOnlyItsOwnStaleNamespaces() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    String stale = PrivateNetwork.PREFIX + finished.pid() + "-1-x";
    // pid 1 lives: its namespaces are not stale. Another prefix is never ours.
    String living = PrivateNetwork.PREFIX + "1-1-x";
    String foreign = "tfwhother" + ProcessHandle.current().pid();
    List<String> made = List.of(stale, living, foreign);
    try {
      for (String namespace : made) {
        SystemCommand.check(List.of("ip", "netns", "add", namespace), SHORT);
      }
      try (PrivateNetwork network = PrivateNetwork.create(temp, "a")) {
        assertThat(network.namespaces()).hasSize(2);
        assertThat(PrivateNetwork.namespacesOnMachine())
            .doesNotContain(stale)
            .contains(living, foreign);
      }
    } finally {
      for (String namespace : made) {
        SystemCommand.run(List.of("ip", "netns", "del", namespace), SHORT);
      }
    }
  }

  /** The HTTP status curl got, or "000" when it could not connect at all. */
  private static String curl(Host host, String url) {
    return host.run(SHORT, "curl", "-s", "-m", "3", "-o", "/dev/null", "-w", "%{http_code}", url)
        .text()
        .trim();
  }

  static void awaitListening(Host host, String address, int port) {
    for (int attempt = 0; attempt < 100; attempt++) {
      String code =
          host.run(
                  SHORT,
                  "curl",
                  "-s",
                  "-m",
                  "2",
                  "-o",
                  "/dev/null",
                  "-w",
                  "%{http_code}",
                  "http://" + address + ":" + port + "/")
              .text()
              .trim();
      if (!code.equals("000")) {
        return;
      }
      HostProcess.pause(100);
    }
    throw new AssertionError("nothing listens on " + address + ":" + port);
  }

  private static List<String> machineAddresses() throws IOException {
    List<String> addresses = new ArrayList<>();
    for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
      if (nic.isUp() && !nic.isLoopback()) {
        nic.inetAddresses()
            .filter(Inet4Address.class::isInstance)
            .forEach(address -> addresses.add(address.getHostAddress()));
      }
    }
    return addresses;
  }

  private static Thread acceptForever(ServerSocket server) {
    Thread thread =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  socket.getOutputStream().write("HTTP/1.0 204 No Content\r\n\r\n".getBytes());
                } catch (IOException e) {
                  if (server.isClosed()) {
                    return;
                  }
                  throw new UncheckedIOException(e);
                }
              }
            },
            "machine server");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
