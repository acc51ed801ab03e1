package dev.kqlhunt.ingest.evtx;

/**
 * A node of a rendered Windows event: the XML shape that {@code wevtutil qe /f:xml} prints. The
 * EVTX decoder produces it from binary XML and the Sysmon XML reader from text, so one converter
 * turns both into Sysmon events.
 */
public sealed interface XmlNode permits XmlElement, XmlText {}
