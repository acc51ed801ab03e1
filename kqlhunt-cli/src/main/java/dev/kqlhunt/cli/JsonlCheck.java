package dev.kqlhunt.cli;

import dev.kqlhunt.binder.QueryCheck;
import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.diag.Severity;
import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.ColumnSymbol;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code check --jsonl} protocol, the same as the official parser's oracle speaks: one
 * {@code {"id","query"}} object per input line; per line one output object
 * {@code {"id","syntaxOk","syntaxErrors","semanticErrors","resultKind","resultColumns"}} (plus
 * {@code resultType} for a scalar result), each diagnostic as
 * {@code {"code","message","start","length","severity","line","column"}} with 0-based offsets into the
 * query and 1-based line and column. {@code semanticErrors} holds errors only. A line that cannot be
 * processed (bad JSON, no string {@code query}, an internal failure) yields {@code {"id","error"}} and
 * the run continues. Blank lines are skipped, as the oracle does.
 */
final class JsonlCheck {
  private final SchemaRegistry registry;

  JsonlCheck(SchemaRegistry registry) {
    this.registry = registry;
  }

  void run(BufferedReader in, PrintWriter out) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      out.println(Json.write(processLine(line)));
    }
  }

  /** The output object for one input line; never throws. */
  Map<String, Object> processLine(String line) {
    Object id = null;
    try {
      Object parsed = Json.parse(line);
      if (!(parsed instanceof Map<?, ?> record)) return error(null, "input line is not a JSON object");
      id = record.get("id");
      if (!(record.get("query") instanceof String query)) {
        return error(id, "input record has no string \"query\" field");
      }
      return verdict(id, query);
    } catch (RuntimeException | StackOverflowError e) {
      // One bad line must not stop the run: report it in place and go on.
      return error(id, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Map<String, Object> verdict(Object id, String query) {
    SourceText source = SourceText.of(String.valueOf(id), query);
    QueryCheck check = QueryCheck.run(source, registry);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("syntaxOk", check.syntaxOk());
    out.put("syntaxErrors", diagnostics(source, check.syntaxDiagnostics(), false));
    out.put("semanticErrors", diagnostics(source, check.semanticDiagnostics(), true));
    out.put("resultKind", check.resultKind());
    if (check.syntaxOk() && check.bind().query().scalar() != null) {
      out.put("resultType", check.bind().query().scalar().type().kustoName());
    }
    List<ColumnSymbol> cols = check.resultColumns();
    if (cols == null) {
      out.put("resultColumns", null);
    } else {
      List<Object> list = new ArrayList<>(cols.size());
      for (ColumnSymbol c : cols) {
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("name", c.name());
        col.put("type", c.type().kustoName());
        list.add(col);
      }
      out.put("resultColumns", list);
    }
    return out;
  }

  private static List<Object> diagnostics(SourceText source, List<Diagnostic> diags, boolean errorsOnly) {
    List<Object> out = new ArrayList<>(diags.size());
    for (Diagnostic d : diags) {
      if (errorsOnly && !d.isError()) continue;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", d.code().id());
      m.put("message", d.message());
      m.put("start", (long) d.span().start());
      m.put("length", (long) d.span().length());
      m.put("severity", d.severity() == Severity.ERROR ? "Error" : d.severity() == Severity.WARNING ? "Warning" : "Info");
      SourceText.Position p = source.position(d.span().start());
      m.put("line", (long) p.line());
      m.put("column", (long) p.column());
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> error(Object id, String message) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("error", message);
    return out;
  }
}
