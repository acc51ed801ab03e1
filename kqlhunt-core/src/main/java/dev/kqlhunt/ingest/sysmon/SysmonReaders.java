package dev.kqlhunt.ingest.sysmon;

import dev.kqlhunt.ingest.InputFormat;
import dev.kqlhunt.ingest.ReaderRegistry;

/** Registers the Sysmon/EVTX readers for the formats this package owns. */
public final class SysmonReaders {
  private SysmonReaders() {}

  /** Registers a reader for every {@link InputFormat.Owner#SYSMON} format; returns the registry. */
  public static ReaderRegistry registerAll(ReaderRegistry registry) {
    SysmonJsonReader json = new SysmonJsonReader();
    registry.register(InputFormat.EVTX, new SysmonEvtxReader());
    registry.register(InputFormat.SYSMON_XML, new SysmonXmlReader());
    registry.register(InputFormat.NXLOG_JSON, json);
    registry.register(InputFormat.WINLOGBEAT_JSON, json);
    registry.register(InputFormat.WINDOWS_EVENT_JSON, json);
    registry.register(InputFormat.EVTX_DUMP_JSON, json);
    return registry;
  }
}
