package dev.kqlhunt.rmm.allow;

import dev.kqlhunt.text.TextSpan;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One sanctioned tool. Pins narrow what is allowed; scope narrows where. Lists are never null.
 *
 * @param toolId the catalog id of the tool (resolved from an id, name or alias by the loader)
 * @param paths pinned install paths: a trailing separator means the folder and everything below it,
 *     {@code *} is a wildcard, otherwise the exact file path (case-insensitive)
 * @param signers pinned certificate subjects (exact, case-insensitive)
 * @param domains the organisation's own tenant or relay hosts: {@code host} or {@code *.suffix}
 * @param devices DeviceId or DeviceName values (exact); empty = every device unless patterns given
 * @param deviceNamePatterns DeviceName globs ({@code *.corp.contoso.example})
 * @param accounts account names (exact, case-insensitive); empty = any account
 * @param expires last day the entry applies (inclusive, UTC)
 * @param span the entry's span in its file
 */
public record AllowEntry(
    String id,
    String toolId,
    List<String> paths,
    List<String> signers,
    List<String> domains,
    List<String> devices,
    List<String> deviceNamePatterns,
    List<String> accounts,
    String owner,
    String ticket,
    LocalDate expires,
    TextSpan span) {

  public AllowEntry {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(toolId, "toolId is null");
    paths = List.copyOf(paths);
    signers = List.copyOf(signers);
    domains = List.copyOf(domains);
    devices = List.copyOf(devices);
    deviceNamePatterns = List.copyOf(deviceNamePatterns);
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(owner, "owner is null");
    Objects.requireNonNull(ticket, "ticket is null");
    Objects.requireNonNull(expires, "expires is null");
    Objects.requireNonNull(span, "span is null");
    if (paths.isEmpty()) throw new IllegalArgumentException("an entry needs at least one pinned path");
  }

  /** Expired the day after {@code expires}, in UTC. */
  public boolean isExpired(LocalDate today) {
    return today.isAfter(expires);
  }

  /** Whether the entry restricts devices at all. */
  public boolean scopesDevices() {
    return !devices.isEmpty() || !deviceNamePatterns.isEmpty();
  }
}
