package dev.kqlhunt.rules.alerts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A Sentinel entity of an alert: its type ({@code Host}) and identifiers ({@code HostName -> pc1}). */
public record Entity(String type, Map<String, String> identifiers) {
  public Entity {
    Objects.requireNonNull(type, "type is null");
    identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    if (identifiers.isEmpty()) throw new IllegalArgumentException("an entity needs an identifier");
  }
}
