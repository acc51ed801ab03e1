/**
 * Sysmon → Defender Device* tables: readers for every common Sysmon transport and the mapping onto
 * DeviceProcessEvents, DeviceNetworkEvents, DeviceFileEvents, DeviceRegistryEvents,
 * DeviceImageLoadEvents and DeviceEvents (docs/SYSMON.md lists every derived column).
 *
 * <p>Readers ({@link dev.kqlhunt.ingest.FormatReader}s, registered by {@link
 * dev.kqlhunt.ingest.sysmon.SysmonReaders#registerAll}): {@link
 * dev.kqlhunt.ingest.sysmon.SysmonEvtxReader} (binary EVTX), {@link
 * dev.kqlhunt.ingest.sysmon.SysmonXmlReader} (wevtutil / Event Viewer XML), {@link
 * dev.kqlhunt.ingest.sysmon.SysmonJsonReader} (NXLog, Winlogbeat 6/7+, Sentinel WindowsEvent,
 * evtx_dump). Each decodes records into {@link dev.kqlhunt.ingest.sysmon.SysmonEvent}s and maps
 * them with one {@link dev.kqlhunt.ingest.sysmon.SysmonMapper} per input.
 *
 * <p>Contract: for every record read exactly one of accept / reject / skip reaches the sink; bad
 * content never throws; events without a Device* table are skipped with a reason (never silently
 * dropped). Depends on {@code dev.kqlhunt.ingest} (sink, origins) and {@code
 * dev.kqlhunt.ingest.evtx}.
 */
package dev.kqlhunt.ingest.sysmon;
