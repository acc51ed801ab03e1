package dev.kqlhunt.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kqlhunt} command. Exit codes follow sysexits where they apply: 0 ok, 1 findings (where a
 * command says so), 2 usage, 65 bad query/rule/data, 70 internal error.
 */
@Command(
    name = "kqlhunt",
    mixinStandardHelpOptions = true,
    version = "kqlhunt 0.1.0",
    description = "Run Microsoft Sentinel / Defender KQL hunting rules anywhere.",
    subcommands = {CheckCommand.class, QueryCommand.class, IngestCommand.class, RmmCommand.class, HuntCommand.class, TestCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_DATA_ERR = 65;
  public static final int EXIT_SOFTWARE = 70;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI in-process and returns the exit code; the entry point for tests. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    // Usage errors (unknown option, missing required one) are 2; anything else escaping is internal.
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_SOFTWARE);
    cli.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println("kqlhunt: internal error: " + ex);
          ex.printStackTrace(cmd.getErr());
          return EXIT_SOFTWARE;
        });
    return cli.execute(args);
  }
}
