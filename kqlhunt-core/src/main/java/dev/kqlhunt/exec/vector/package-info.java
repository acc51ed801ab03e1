/**
 * Columnar batches: typed column vectors over primitive arrays, null bitmaps, dictionary-coded
 * strings, selections, and the kernels that filter them.
 *
 * <p>Contract: vectors are immutable once built and safe to share between threads; builders are
 * single-threaded. A position is a row index in {@code [0, size)}. Strings are never null (Kusto
 * semantics: a missing string is empty), every other type carries a {@link
 * dev.kqlhunt.exec.vector.NullMask}. Values of a null position are unspecified (zero by
 * convention) and must not be read. Every vector reports {@link
 * dev.kqlhunt.exec.vector.Vector#retainedBytes()} so the engine can enforce a per-query memory
 * budget. Nothing here imports {@code dev.kqlhunt.syntax}.
 */
package dev.kqlhunt.exec.vector;
