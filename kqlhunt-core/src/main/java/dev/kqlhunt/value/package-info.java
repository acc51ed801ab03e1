/**
 * Kusto scalar runtime semantics: the kernels' inner operations, one class per concern.
 *
 * <ul>
 *   <li>Strings: {@link dev.kqlhunt.value.TermMatcher} ({@code has} family), {@link
 *       dev.kqlhunt.value.StringMatcher} ({@code ==}, {@code =~}, {@code contains}, {@code
 *       startswith}, {@code endswith}), {@link dev.kqlhunt.value.StringSetMatcher} ({@code
 *       has_any}, {@code has_all}, {@code in}, {@code in~}), {@link dev.kqlhunt.value.KustoRegex}
 *       — all compiled once per constant right-hand side into a {@link
 *       dev.kqlhunt.value.StringPredicate}.
 *   <li>Time: {@link dev.kqlhunt.value.DateTimes} (ticks since 0001-01-01, calendar functions),
 *       {@link dev.kqlhunt.value.DateTimeParser}, {@link dev.kqlhunt.value.DateTimeFormat}, {@link
 *       dev.kqlhunt.value.Timespans}, {@link dev.kqlhunt.value.Bins}.
 *   <li>Dynamic: {@link dev.kqlhunt.value.Dynamic}, {@link dev.kqlhunt.value.DynamicJson}, {@link
 *       dev.kqlhunt.value.DynamicOps}.
 *   <li>Conversions and nulls: {@link dev.kqlhunt.value.Conversions}, {@link
 *       dev.kqlhunt.value.RealFormat}, {@link dev.kqlhunt.value.Guids}, {@link
 *       dev.kqlhunt.value.KustoBool}.
 * </ul>
 *
 * <p>Contract: pure functions and immutable, thread-safe prepared objects; nothing throws on bad
 * data (bad input is null, as in Kusto); scalar helpers return primitives with documented null
 * sentinels so kernels never box. Every decision is written down in {@code docs/SEMANTICS.md}
 * with the reference page it comes from. Nothing here imports {@code dev.kqlhunt.syntax}.
 */
package dev.kqlhunt.value;
