package dev.kqlhunt.ingest.sysmon;

import java.time.Instant;

/**
 * What an EID 1 (process creation) tells about a process, kept so that later events of the same
 * process (or of its children) can fill the {@code InitiatingProcess*} columns. Any field may be
 * null.
 */
record ProcessInfo(
    String guid,
    Instant creationTime,
    Long processId,
    String image,
    String commandLine,
    String user,
    String integrityLevel,
    Long logonId,
    Long sessionId,
    String sha1,
    String sha256,
    String md5,
    String company,
    String product,
    String productVersion,
    String originalFileName,
    String description,
    Long parentProcessId,
    String parentImage,
    String parentGuid) {}
