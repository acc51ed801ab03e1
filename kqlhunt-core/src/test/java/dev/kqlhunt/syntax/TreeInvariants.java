package dev.kqlhunt.syntax;

import dev.kqlhunt.syntax.tree.SyntaxNode;
import dev.kqlhunt.text.TextSpan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Structural checks on a syntax tree: every span inside the text and inside its parent's span. The
 * exception is a synthesised missing node: its empty span sits where the previous token ended (where
 * Kusto reports it), which may precede the first token of its parent; it must still lie in the text.
 */
final class TreeInvariants {
  /** Record accessors per node class, looked up once: reflection lookups dominate otherwise. */
  private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      for (int i = 0; i < components.length; i++) accessors[i] = components[i].getAccessor();
      return accessors;
    }
  };

  private TreeInvariants() {}

  /** Returns a description of the first violation, or null when the tree is sound. */
  static String check(SyntaxNode root, int textLength) {
    return check(root, TextSpan.of(0, textLength), textLength);
  }

  private static String check(SyntaxNode node, TextSpan bounds, int textLength) {
    TextSpan span = node.span();
    if (isMissing(node)) {
      return span.end() <= textLength ? null : node.getClass().getSimpleName() + " " + span + " outside the text";
    }
    if (span.start() < bounds.start() || span.end() > bounds.end()) {
      return node.getClass().getSimpleName() + " " + span + " outside " + bounds;
    }
    for (Method accessor : ACCESSORS.get(node.getClass())) {
      if (accessor.getReturnType().isPrimitive() || accessor.getReturnType() == String.class) continue;
      Object value;
      try {
        value = accessor.invoke(node);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
      String problem = null;
      if (value instanceof SyntaxNode child) {
        problem = check(child, span, textLength);
      } else if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof SyntaxNode child && (problem = check(child, span, textLength)) != null) break;
        }
      }
      if (problem != null) return problem + " in " + node.getClass().getSimpleName() + " " + span;
    }
    return null;
  }

  private static boolean isMissing(SyntaxNode node) {
    return node.span().length() == 0 && node.getClass().getSimpleName().startsWith("Missing");
  }
}
