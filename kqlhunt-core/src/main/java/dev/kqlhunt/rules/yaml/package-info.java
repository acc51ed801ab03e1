/**
 * Positioned YAML reading on snakeyaml-engine's node API, shared by the rule, exclusion and rule-test
 * loaders: every value keeps the span it was read from, and shape problems become diagnostics, never
 * exceptions.
 */
package dev.kqlhunt.rules.yaml;
