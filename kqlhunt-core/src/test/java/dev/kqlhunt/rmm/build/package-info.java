/**
 * Dev-only build tool for the RMM catalog: reads the public catalogs under ../shared/rmm (LOLRMM and
 * jischell-msft, plus the Azure-Sentinel copies of the jischell rules), deduplicates and cleans their
 * facts, and writes kqlhunt-core/src/main/resources/dev/kqlhunt/rmm/tools/. It lives in test sources so
 * it never ships; {@code CatalogBuildTest} fails when the committed files are stale and rewrites them
 * with {@code -Dkqlhunt.rmm.regenerate=true}.
 */
package dev.kqlhunt.rmm.build;
