package dev.kqlhunt.symbols;

import java.util.Objects;

/**
 * A user function declared in a schema file, kept as text for the binder to parse and bind on use, as
 * Kusto does with stored functions.
 *
 * @param parameters the declared parameter list with its parentheses: {@code (watchlistAlias:string)}
 * @param body the body with its braces: {@code { datatable(SearchKey:string)[] }}
 */
public record StoredFunction(String name, String parameters, String body) {
  public StoredFunction {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(parameters, "parameters is null");
    Objects.requireNonNull(body, "body is null");
  }
}
