package dev.kqlhunt.syntax.tree;

/** Where nulls sort ({@code nulls first|last}); UNSPECIFIED means the direction's default. */
public enum NullsOrder {
  UNSPECIFIED,
  FIRST,
  LAST
}
