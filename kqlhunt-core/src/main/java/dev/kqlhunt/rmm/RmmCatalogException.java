package dev.kqlhunt.rmm;

import java.util.List;

/** Thrown when catalog files are malformed; lists every problem found, each with file and line. */
public final class RmmCatalogException extends RuntimeException {
  private final List<CatalogProblem> problems;

  public RmmCatalogException(List<CatalogProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
    if (this.problems.isEmpty()) {
      throw new IllegalArgumentException("an RmmCatalogException needs at least one problem");
    }
  }

  /** The problems, in file order. */
  public List<CatalogProblem> problems() {
    return problems;
  }

  private static String render(List<CatalogProblem> problems) {
    StringBuilder sb = new StringBuilder("invalid RMM catalog (" + problems.size() + " problem(s))");
    for (CatalogProblem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }
}
