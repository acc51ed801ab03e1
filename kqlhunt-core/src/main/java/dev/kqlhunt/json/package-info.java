/**
 * A strict JSON tree reader and writer ({@link dev.kqlhunt.json.Json}) for small documents: schema
 * files, API responses, dynamic literals, CLI output. Hot ingest paths use specialised streaming
 * readers of their own.
 */
package dev.kqlhunt.json;
