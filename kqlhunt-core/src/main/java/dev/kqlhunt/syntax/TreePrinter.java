package dev.kqlhunt.syntax;

import dev.kqlhunt.syntax.tree.SyntaxNode;
import dev.kqlhunt.text.TextSpan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a syntax tree as indented text, one node per line, for golden files and debugging:
 *
 * <pre>
 * PipeExpression [0,24)
 *   input: NameReference [0,1)
 *     name: IdentifierName [0,1) text="T"
 *   operator: WhereOperator [4,24) keyword="where"
 * </pre>
 *
 * Scalar components (strings, enums, numbers, booleans, decoded literal values) print inline as
 * {@code name=value}; child nodes and lists of nodes print below, indented. The format is stable:
 * it lists record components in declaration order, so adding a component changes golden files
 * (regenerate them with {@code -Dkqlhunt.regenerate=true}).
 */
public final class TreePrinter {
  private TreePrinter() {}

  public static String print(SyntaxNode node) {
    StringBuilder out = new StringBuilder();
    printNode(out, null, node, 0);
    return out.toString();
  }

  private static void printNode(StringBuilder out, String label, SyntaxNode node, int indent) {
    out.append("  ".repeat(indent));
    if (label != null) out.append(label).append(": ");
    out.append(node.getClass().getSimpleName()).append(' ').append(span(node.span()));
    List<String> childLabels = new ArrayList<>();
    List<Object> children = new ArrayList<>();
    for (RecordComponent component : node.getClass().getRecordComponents()) {
      if (component.getName().equals("span")) continue;
      Object value = read(component, node);
      if (value instanceof SyntaxNode || value instanceof List<?>) {
        childLabels.add(component.getName());
        children.add(value);
      } else {
        out.append(' ').append(component.getName()).append('=').append(scalar(value));
      }
    }
    out.append('\n');
    for (int i = 0; i < children.size(); i++) {
      Object child = children.get(i);
      if (child instanceof SyntaxNode n) {
        printNode(out, childLabels.get(i), n, indent + 1);
      } else {
        printList(out, childLabels.get(i), (List<?>) child, indent + 1);
      }
    }
  }

  private static void printList(StringBuilder out, String label, List<?> items, int indent) {
    out.append("  ".repeat(indent)).append(label).append(": [").append(items.size()).append("]\n");
    for (Object item : items) {
      if (item instanceof SyntaxNode n) {
        printNode(out, null, n, indent + 1);
      } else {
        out.append("  ".repeat(indent + 1)).append(scalar(item)).append('\n');
      }
    }
  }

  private static Object read(RecordComponent component, SyntaxNode node) {
    try {
      return component.getAccessor().invoke(node);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component + " of " + node.getClass(), e);
    }
  }

  private static String span(TextSpan span) {
    return "[" + span.start() + "," + span.end() + ")";
  }

  private static String scalar(Object value) {
    if (value == null) return "null";
    if (value instanceof String s) return quote(s);
    if (value instanceof Enum<?> e) return e.name();
    if (value instanceof Long l) return l + "L";
    return value.toString();
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
