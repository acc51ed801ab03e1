package dev.kqlhunt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Facts about the machine a benchmark ran on, printed beside every figure (Linux /proc; "?" elsewhere). */
final class Machine {
  private Machine() {}

  /** CPU model, logical processors, physical memory, JVM version and max heap. */
  static String describe() {
    long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
    return String.format("%s, %d cpus, %s RAM, java %s (%s), max heap %d MB",
        cpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(),
        System.getProperty("java.version"), System.getProperty("java.vm.name"), maxHeapMb);
  }

  /** The 1/5/15-minute load averages, as {@code uptime} prints them. */
  static String loadAverage() {
    String s = firstLine(Path.of("/proc/loadavg"));
    if (s == null) return "?";
    String[] parts = s.split(" ");
    return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : s;
  }

  private static String cpuModel() {
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
    }
    return "?";
  }

  private static String memTotal() {
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
      }
    }
    return "?";
  }

  private static String firstLine(Path p) {
    List<String> l = lines(p);
    return l.isEmpty() ? null : l.get(0);
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
