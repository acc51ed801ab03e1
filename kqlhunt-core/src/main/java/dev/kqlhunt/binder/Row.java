package dev.kqlhunt.binder;

import dev.kqlhunt.symbols.ColumnSymbol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns an operator's expressions can see: its input's schema, indexed by name on first lookup.
 * An {@code open} row stands for an unknown table: any name resolves to an {@code unknown} column
 * without a diagnostic (the table's own error was reported once), as the official parser does.
 */
final class Row {
  static final Row EMPTY = new Row(List.of(), false);

  private final List<ColumnSymbol> columns;
  private final boolean open;
  private final BoundTabular origin;
  private Map<String, ColumnSymbol> byName;

  Row(List<ColumnSymbol> columns, boolean open) {
    this(columns, open, null);
  }

  private Row(List<ColumnSymbol> columns, boolean open, BoundTabular origin) {
    this.columns = columns;
    this.open = open;
    this.origin = origin;
  }

  static Row of(BoundTabular input) {
    return new Row(input.columns(), isOpen(input), input);
  }

  /** The tabular value whose rows these are, or null; used to find the unknown tables a name reaches. */
  BoundTabular origin() {
    return origin;
  }

  /** Adds the names of the unknown tables {@code t} reads to {@code out}. */
  static void unknownTables(BoundTabular t, java.util.Collection<String> out) {
    switch (t) {
      case BoundTabular.TableScan s -> {
        if (!s.known()) out.add(s.table());
      }
      case BoundTabular.Union u -> u.inputs().forEach(i -> unknownTables(i, out));
      case BoundTabular.Join j -> {
        unknownTables(j.left(), out);
        unknownTables(j.right(), out);
      }
      case BoundTabular.LetRef r -> unknownTables(r.value(), out);
      case BoundTabular.UserCall c -> unknownTables(c.expansion(), out);
      case BoundTabular.MvApply m -> unknownTables(m.input(), out);
      case BoundTabular.Special x -> x.inputs().forEach(i -> unknownTables(i, out));
      default -> {
        BoundTabular input = inputOf(t);
        if (input != null) unknownTables(input, out);
      }
    }
  }

  /** The single input of a one-input operator, else null. */
  private static BoundTabular inputOf(BoundTabular t) {
    return switch (t) {
      case BoundTabular.Filter f -> f.input();
      case BoundTabular.Extend e -> e.input();
      case BoundTabular.Project p -> p.input();
      case BoundTabular.Summarize s -> s.input();
      case BoundTabular.Distinct d -> d.input();
      case BoundTabular.Sort s -> s.input();
      case BoundTabular.Top s -> s.input();
      case BoundTabular.Take s -> s.input();
      case BoundTabular.MvExpand m -> m.input();
      case BoundTabular.Parse p -> p.input();
      case BoundTabular.Serialize s -> s.input();
      case BoundTabular.MakeSeries m -> m.input();
      case BoundTabular.Other o -> o.input();
      case BoundTabular.Special x -> x.inputs().isEmpty() ? null : x.inputs().get(0);
      default -> null;
    };
  }

  /**
   * Whether a tabular value derives from an unknown table (or a plugin whose output we cannot know),
   * so that unseen names are no error. Like the official parser, this holds through every operator
   * downstream, {@code project} and {@code summarize} included: once a source is unknown, no name
   * error is reported on its rows.
   */
  static boolean isOpen(BoundTabular t) {
    return switch (t) {
      case BoundTabular.TableScan s -> !s.known();
      case BoundTabular.Other o -> o.open() || (o.input() != null && isOpen(o.input()));
      case BoundTabular.Filter f -> isOpen(f.input());
      case BoundTabular.Project p -> isOpen(p.input());
      case BoundTabular.Summarize s -> isOpen(s.input());
      case BoundTabular.Distinct d -> isOpen(d.input());
      case BoundTabular.Extend e -> isOpen(e.input());
      case BoundTabular.Sort s -> isOpen(s.input());
      case BoundTabular.Top s -> isOpen(s.input());
      case BoundTabular.Take s -> isOpen(s.input());
      case BoundTabular.MvExpand s -> isOpen(s.input());
      case BoundTabular.MvApply m -> isOpen(m.input()) || isOpen(m.subquery());
      case BoundTabular.Parse s -> isOpen(s.input());
      case BoundTabular.Serialize s -> isOpen(s.input());
      case BoundTabular.MakeSeries m -> isOpen(m.input());
      case BoundTabular.LetRef r -> isOpen(r.value());
      case BoundTabular.UserCall c -> isOpen(c.expansion());
      case BoundTabular.Union u -> u.inputs().stream().anyMatch(Row::isOpen);
      case BoundTabular.Join j -> isOpen(j.left()) || isOpen(j.right());
      case BoundTabular.Count c -> false;
      case BoundTabular.Print p -> false;
      case BoundTabular.Datatable d -> false;
      case BoundTabular.Range r -> false;
      case BoundTabular.GetSchema g -> false;
      case BoundTabular.Special x -> x.open() || x.inputs().stream().anyMatch(Row::isOpen);
    };
  }

  List<ColumnSymbol> columns() {
    return columns;
  }

  boolean isOpen() {
    return open;
  }

  /** The column called {@code name}, or null. */
  ColumnSymbol find(String name) {
    if (byName == null) {
      // Small schemas are scanned; indexing pays off once an operator looks up several names.
      if (columns.size() <= 8) {
        for (ColumnSymbol c : columns) if (c.name().equals(name)) return c;
        return null;
      }
      Map<String, ColumnSymbol> m = new HashMap<>(columns.size() * 2);
      for (ColumnSymbol c : columns) m.putIfAbsent(c.name(), c);
      byName = m;
    }
    return byName.get(name);
  }
}
