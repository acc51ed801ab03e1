/**
 * The binder: turns a syntax tree into a bound tree ({@link dev.kqlhunt.binder.BoundQuery}, {@link
 * dev.kqlhunt.binder.BoundTabular}, {@link dev.kqlhunt.binder.BoundExpr}) in which every name is resolved
 * to a table, column, variable or function, every expression has a type, and every tabular operator
 * knows its output schema with Kusto's column names and order.
 *
 * <p>Entry points: {@link dev.kqlhunt.binder.Binder#bind} over a {@link dev.kqlhunt.symbols.SchemaRegistry},
 * and {@link dev.kqlhunt.binder.QueryCheck#run} for parse plus bind of one text.
 *
 * <p>Contract: binding never throws on any tree the parser returns. Every problem becomes a {@code
 * KQL2xxx} diagnostic ({@link dev.kqlhunt.binder.BindErrors}) and binding goes on with the best schema
 * it can give, so one call reports every error. The bound tree keeps no positions; diagnostics do.
 *
 * <p>Kusto semantics decided here, each checked against the official parser (kusto-oracle) and
 * documented where it is implemented:
 * <ul>
 *   <li>default column names ({@code count_}, {@code max_Timestamp}, {@code d_x_0}, {@code Column1},
 *       {@code print_0}) and suffixes for clashes: {@link dev.kqlhunt.binder.Naming},
 *       {@link dev.kqlhunt.binder.ColumnListBuilder};
 *   <li>extend / project / project-* / distinct / print: {@link dev.kqlhunt.binder.ProjectionBinder}
 *       (expressions of one operator see only its input; extend replaces in place);
 *   <li>summarize and make-series, with arg_max(*), take_any, percentiles expansion:
 *       {@link dev.kqlhunt.binder.SummarizeBinder};
 *   <li>join, lookup and union column rules: {@link dev.kqlhunt.binder.JoinBinder};
 *   <li>find, search, top-nested: {@link dev.kqlhunt.binder.SearchBinder}; mv-expand, mv-apply, parse,
 *       evaluate plugins: {@link dev.kqlhunt.binder.ExpandBinder}; tuple-valued series functions:
 *       {@link dev.kqlhunt.binder.TupleFunctions};
 *   <li>unknown tables: one error, then every name read from their rows is an {@code unknown}-typed
 *       column (no further name errors downstream, through any operator), and those names become the
 *       unknown table's columns (a second binding pass puts them in place): {@link dev.kqlhunt.binder.Row},
 *       {@link dev.kqlhunt.binder.Binder}; {@code union isfuzzy=true} tolerates unknown tables silently;
 *   <li>a call's type taken from an argument of unknown type is unknown
 *       ({@link dev.kqlhunt.binder.CallBinder}); user functions are expanded per call, in their
 *       declaring scope, without the caller's row ({@link dev.kqlhunt.binder.FunctionExpander}).
 * </ul>
 *
 * <p>Threading: a {@link dev.kqlhunt.binder.Binder} is immutable and may bind queries from several
 * threads; each {@code bind} call uses its own state.
 */
package dev.kqlhunt.binder;
