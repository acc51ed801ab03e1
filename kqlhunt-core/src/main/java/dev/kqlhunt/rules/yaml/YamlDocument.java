package dev.kqlhunt.rules.yaml;

import dev.kqlhunt.diag.Diagnostic;
import dev.kqlhunt.rules.RuleErrors;
import dev.kqlhunt.text.SourceText;
import dev.kqlhunt.text.TextSpan;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One YAML file composed into snakeyaml-engine's node graph, which keeps the start and end mark of
 * every node, so that every later diagnostic can point at the exact key or value in the file.
 *
 * <p>{@link #parse} never throws on bad YAML: a syntax error becomes a {@code KQL3001} diagnostic at the
 * position snakeyaml reports, and the document has no root. Only the first document of a multi-document
 * stream is read. Not thread-safe to build; immutable afterwards.
 */
public final class YamlDocument {
  /** Generous limit: real rule files are a few KB; this only guards against absurd inputs. */
  private static final int CODE_POINT_LIMIT = 16 * 1024 * 1024;

  private final SourceText file;
  private final Node root;

  private YamlDocument(SourceText file, Node root) {
    this.file = file;
    this.root = root;
  }

  /** Composes {@code file}; problems are added to {@code sink}. The root is absent on a syntax error. */
  public static YamlDocument parse(SourceText file, List<Diagnostic> sink) {
    Objects.requireNonNull(file, "file is null");
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file.name())
        .setCodePointLimit(CODE_POINT_LIMIT)
        .setMaxAliasesForCollections(50)
        .build();
    YamlDocument partial = new YamlDocument(file, null);
    try {
      Iterator<Node> documents = new Compose(settings).composeAllFromString(file.text()).iterator();
      if (!documents.hasNext()) {
        sink.add(Diagnostic.error(RuleErrors.EMPTY_FILE, TextSpan.EMPTY));
        return partial;
      }
      Node root = documents.next();
      YamlDocument doc = new YamlDocument(file, root);
      if (documents.hasNext()) {
        Node second = documents.next();
        sink.add(Diagnostic.warning(RuleErrors.MULTIPLE_DOCUMENTS, doc.span(second)));
      }
      return doc;
    } catch (MarkedYamlEngineException e) {
      sink.add(Diagnostic.error(RuleErrors.YAML_SYNTAX, partial.syntaxErrorSpan(e), partial.describe(e)));
      return partial;
    } catch (YamlEngineException e) {
      sink.add(Diagnostic.error(RuleErrors.YAML_SYNTAX, TextSpan.EMPTY, e.getMessage()));
      return partial;
    }
  }

  public SourceText file() {
    return file;
  }

  /** The root node, absent when the file is not well-formed YAML or empty. */
  public Optional<Node> root() {
    return Optional.ofNullable(root);
  }

  /** The span a node covers in the file (its start mark to its end mark). */
  public TextSpan span(Node node) {
    int start = node.getStartMark().map(this::offset).orElse(0);
    int end = node.getEndMark().map(this::offset).orElse(start);
    return TextSpan.of(start, Math.max(start, end));
  }

  /** Offset in the file (UTF-16 units) of a mark, whose column counts code points. */
  public int offset(Mark mark) {
    return offset(mark.getLine(), mark.getColumn());
  }

  /** Offset of a 0-based line and 0-based code-point column, clamped to the file. */
  public int offset(int line0, int column0) {
    String text = file.text();
    if (line0 >= file.lineMap().lineCount()) return text.length();
    int lineStart = file.lineMap().lineStart(line0 + 1);
    int lineEnd = file.lineMap().lineEnd(line0 + 1, text);
    int codePoints = text.codePointCount(lineStart, lineEnd);
    if (column0 >= codePoints) return lineEnd;
    return text.offsetByCodePoints(lineStart, column0);
  }

  private TextSpan syntaxErrorSpan(MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    return mark.map(m -> new TextSpan(offset(m), 1)).orElse(TextSpan.EMPTY);
  }

  /**
   * snakeyaml's problem text plus its context ("while parsing a block mapping ... at line 6"), without
   * the snippet it would print, since our renderer draws its own caret line. The commonest defect of
   * public rule files, a key indented like the {@code -} of the list item it belongs to, gets a message
   * that says so instead of snakeyaml's "found '?'".
   */
  private String describe(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
    Optional<Mark> at = e.getProblemMark();
    Optional<Mark> context = e.getContextMark();
    if (problem.startsWith("expected <block end>, but found '?'") && at.isPresent() && context.isPresent()) {
      String key = keyAt(at.get());
      Mark list = context.get();
      String where = "line " + (list.getLine() + 1) + ", column " + (list.getColumn() + 1);
      if (at.get().getColumn() == list.getColumn() && e.getContext() != null && e.getContext().contains("collection")) {
        return "wrong indentation: key '" + key + "' is aligned with the '-' of the list item at " + where
            + "; indent it like the item's other keys";
      }
      return "key '" + key + "' does not fit the block started at " + where + " (check its indentation)";
    }
    if (e.getContext() == null) return problem;
    String where = context
        .map(m -> " started at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
        .orElse("");
    return problem + " (" + e.getContext() + where + ")";
  }

  /** The key text at a mark: up to the colon, or the rest of the line. */
  private String keyAt(Mark mark) {
    int start = offset(mark);
    String text = file.text();
    int end = start;
    while (end < text.length() && text.charAt(end) != ':' && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
    return text.substring(start, end).trim();
  }
}
