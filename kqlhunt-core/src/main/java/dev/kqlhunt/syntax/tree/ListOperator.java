package dev.kqlhunt.syntax.tree;

/** Operators whose right side is a parenthesised list (or a tabular subquery): {@code in} and kin. */
public enum ListOperator {
  IN("in"),
  NOT_IN("!in"),
  IN_CI("in~"),
  NOT_IN_CI("!in~"),
  HAS_ANY("has_any"),
  HAS_ALL("has_all");

  private final String text;

  ListOperator(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
