package dev.kqlhunt.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kqlhunt check}: parses and binds queries and rules, prints diagnostics. */
@Command(name = "check", description = "Check KQL queries and Sentinel rules for errors.")
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return Main.EXIT_OK;
  }
}
