package dev.kqlhunt.ingest.sysmon;

/** Sysmon's event names, for messages. */
final class SysmonEventNames {
  private SysmonEventNames() {}

  static String name(int eventId) {
    return switch (eventId) {
      case 1 -> "ProcessCreate";
      case 2 -> "FileCreateTime";
      case 3 -> "NetworkConnect";
      case 4 -> "SysmonServiceStateChange";
      case 5 -> "ProcessTerminate";
      case 6 -> "DriverLoad";
      case 7 -> "ImageLoad";
      case 8 -> "CreateRemoteThread";
      case 9 -> "RawAccessRead";
      case 10 -> "ProcessAccess";
      case 11 -> "FileCreate";
      case 12 -> "RegistryEvent (Object create and delete)";
      case 13 -> "RegistryEvent (Value Set)";
      case 14 -> "RegistryEvent (Key and Value Rename)";
      case 15 -> "FileCreateStreamHash";
      case 16 -> "ServiceConfigurationChange";
      case 17 -> "PipeEvent (Pipe Created)";
      case 18 -> "PipeEvent (Pipe Connected)";
      case 19 -> "WmiEvent (WmiEventFilter activity detected)";
      case 20 -> "WmiEvent (WmiEventConsumer activity detected)";
      case 21 -> "WmiEvent (WmiEventConsumerToFilter activity detected)";
      case 22 -> "DNSEvent (DNS query)";
      case 23 -> "FileDelete (File Delete archived)";
      case 24 -> "ClipboardChange";
      case 25 -> "ProcessTampering";
      case 26 -> "FileDeleteDetected";
      case 27 -> "FileBlockExecutable";
      case 28 -> "FileBlockShredding";
      case 29 -> "FileExecutableDetected";
      case 255 -> "Error";
      default -> "unknown";
    };
  }
}
