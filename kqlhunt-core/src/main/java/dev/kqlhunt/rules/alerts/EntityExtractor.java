package dev.kqlhunt.rules.alerts;

import dev.kqlhunt.rules.RuleParts.EntityMapping;
import dev.kqlhunt.rules.RuleParts.FieldMapping;
import dev.kqlhunt.rules.SentinelRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a row's entities from the rule's {@code entityMappings}. A rule without mappings (most hunting
 * queries, the seed among them) gets entities inferred from the Defender columns it returns: a Host
 * from {@code DeviceName} ({@code HostName}) and {@code DeviceId} ({@code MdatpDeviceId}), an Account
 * from {@code AccountUpn} ({@code FullName}) and one from {@code AccountName}/{@code AccountDomain}
 * ({@code Name}/{@code NTDomain}), an IP from {@code RemoteIP}, a FileHash from {@code SHA256}. Empty and null values are skipped; an entity needs one non-empty identifier.
 */
final class EntityExtractor {
  private static final List<EntityMapping> INFERRED = List.of(
      new EntityMapping("Host", List.of(
          new FieldMapping("HostName", "DeviceName"), new FieldMapping("MdatpDeviceId", "DeviceId"))),
      new EntityMapping("Account", List.of(new FieldMapping("FullName", "AccountUpn"))),
      new EntityMapping("Account", List.of(
          new FieldMapping("Name", "AccountName"), new FieldMapping("NTDomain", "AccountDomain"))),
      new EntityMapping("IP", List.of(new FieldMapping("Address", "RemoteIP"))),
      new EntityMapping("FileHash", List.of(
          new FieldMapping("Value", "SHA256"))));

  private EntityExtractor() {}

  /** Distinct entities of the given rows, in first-seen order. */
  static List<Entity> entities(SentinelRule rule, ResultTable table, int fromRow, int toRow) {
    List<EntityMapping> mappings = rule.entityMappings().isEmpty() ? INFERRED : rule.entityMappings();
    Set<Entity> out = new LinkedHashSet<>();
    for (int r = fromRow; r < toRow; r++) {
      for (EntityMapping m : mappings) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (FieldMapping f : m.fieldMappings()) {
          Object v = table.value(r, f.columnName());
          if (v != null && !v.toString().isEmpty()) ids.put(f.identifier(), v.toString());
        }
        if (!ids.isEmpty()) out.add(withHashAlgorithm(m.entityType(), ids, rule.entityMappings().isEmpty()));
      }
    }
    return new ArrayList<>(out);
  }

  private static Entity withHashAlgorithm(String type, Map<String, String> ids, boolean inferred) {
    if (inferred && type.equals("FileHash")) ids.put("Algorithm", "SHA256");
    return new Entity(type, ids);
  }
}
