package dev.kqlhunt.cli;

import static dev.kqlhunt.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.cli.CliRun.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqlhunt query --watchlists DIR}: {@code _GetWatchlist('alias')} reads {@code DIR/alias.csv}. */
class QueryWatchlistsTest {
  @TempDir Path dir;

  @Test
  void getWatchlistReadsTheFolder() throws Exception {
    Files.writeString(dir.resolve("VIPUsers.csv"), "User,Title\nann@x.com,CEO\nbob@x.com,CFO\n");
    Run r = run("query", "--watchlists", dir.toString(), "--format", "csv",
        "_GetWatchlist('VIPUsers') | where Title == 'CFO' | project SearchKey, User, Title");
    assertEquals(0, r.exit(), r.err());
    assertEquals("SearchKey,User,Title\nbob@x.com,bob@x.com,CFO\n", r.out());
  }

  @Test
  void unknownWatchlistIsARuntimeErrorAndABadFolderAUsageError() {
    Run r = run("query", "--watchlists", dir.toString(), "_GetWatchlist('Missing')");
    assertEquals(Main.EXIT_DATA_ERR, r.exit());
    assertTrue(r.err().contains("KQL5011") && r.err().contains("no watchlist 'Missing'"), r.err());
    Run none = run("query", "_GetWatchlist('VIPUsers')");
    assertTrue(none.err().contains("--watchlists"), none.err());
    Run bad = run("query", "--watchlists", dir.resolve("nope").toString(), "print 1");
    assertEquals(Main.EXIT_USAGE, bad.exit());
  }
}
