package dev.kqlhunt.syntax.tree;

/** Ordering direction in {@code sort by}/{@code top}; UNSPECIFIED means the operator's default. */
public enum SortDirection {
  UNSPECIFIED,
  ASC,
  DESC
}
