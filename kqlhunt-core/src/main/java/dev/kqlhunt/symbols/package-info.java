/**
 * Symbols: what a KQL name can refer to, independent of the syntax tree.
 *
 * <ul>
 *   <li>{@link dev.kqlhunt.symbols.ScalarType}, {@link dev.kqlhunt.symbols.ColumnSymbol},
 *       {@link dev.kqlhunt.symbols.TableSchema}: types and table shapes;
 *   <li>{@link dev.kqlhunt.symbols.SchemaRegistry}: the built-in Defender {@code Device*} tables plus
 *       tables and stored functions from a {@code --schema} JSON file;
 *   <li>{@link dev.kqlhunt.symbols.FunctionCatalog}: every built-in scalar, aggregate, window and plugin
 *       function with its overloads, and {@code resolve}, which picks an overload for argument types
 *       and returns the result type or a failure value ({@link dev.kqlhunt.symbols.CallResolution});
 *   <li>{@link dev.kqlhunt.symbols.OperatorTyping}: result types of operators;
 *   <li>{@link dev.kqlhunt.symbols.ColumnNaming}: Kusto's default result column names;
 *   <li>{@link dev.kqlhunt.symbols.Suggestions}: "did you mean" for unknown names.
 * </ul>
 *
 * Contract: nothing here throws for bad user input (failures are values, except a malformed
 * {@code --schema} file, which is a {@link dev.kqlhunt.symbols.SchemaFileException}); everything is
 * immutable and thread-safe; type rules follow the official Kusto parser, which the tests use as the
 * referee through generated expectation files.
 */
package dev.kqlhunt.symbols;
