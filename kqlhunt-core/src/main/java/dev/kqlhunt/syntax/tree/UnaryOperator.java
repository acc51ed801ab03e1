package dev.kqlhunt.syntax.tree;

/** Prefix sign operators. Logical negation is the function {@code not(x)} in KQL, not an operator. */
public enum UnaryOperator {
  MINUS("-"),
  PLUS("+");

  private final String text;

  UnaryOperator(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
