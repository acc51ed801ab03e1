/**
 * The RMM catalog and the RMM hunting pack.
 *
 * <p>{@link dev.kqlhunt.rmm.RmmCatalog} loads one YAML file per remote-access tool from the class path
 * (format in its javadoc and docs/RMM.md), validating every entry: a malformed file fails with its name
 * and line. Each {@link dev.kqlhunt.rmm.Indicator} carries its {@link dev.kqlhunt.rmm.Provenance} and a
 * {@link dev.kqlhunt.rmm.Confidence}. {@link dev.kqlhunt.rmm.RmmRuleGenerator} turns the catalog into
 * Microsoft Sentinel hunting queries (published jischell rules kept verbatim, the rest generated with
 * deterministic ids), and {@link dev.kqlhunt.rmm.RmmCoverage} reports tools by rule kind and the
 * tables the pack reads.
 *
 * <p>The package depends only on snakeyaml-engine; it sits on top of the pipeline and nothing below
 * it imports it. All public types are immutable and thread-safe.
 */
package dev.kqlhunt.rmm;
