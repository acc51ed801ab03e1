package dev.kqlhunt.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code _GetWatchlist} over CSV files ({@link Watchlists}). */
class WatchlistTest {
  private static QueryResult run(String query, Path folder, Map<String, Table> tables) throws IOException {
    SchemaRegistry registry = Watchlists.withFunction(SchemaRegistry.builtIn(), folder);
    ExecOptions options = ExecOptions.at(ExecTestSupport.NOW).withWatchlists(folder);
    return new QueryRunner(registry, DataSource.of(tables)).run(SourceText.of("q", query), options);
  }

  private static Path watchlist(Path dir, String file, String text) throws IOException {
    Path f = dir.resolve(file);
    Files.writeString(f, text);
    Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-03-01T08:00:00Z")));
    return f;
  }

  @Test
  void returnsSentinelColumnsThenTheCsvColumnsAsStrings(@TempDir Path dir) throws IOException {
    watchlist(dir, "TerminatedEmployees.csv", "User Principal Name,Termination date\nann@x.com,2024-01-02\n\"bob, jr@x.com\",2024-02-03\n");
    QueryResult r = run("_GetWatchlist('terminatedemployees') | project-away _DTItemId", dir, Map.of());
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals("LastUpdatedTimeUTC,SearchKey,WatchlistItem,User Principal Name,Termination date\n"
        + "2024-03-01T08:00:00.0000000Z,ann@x.com,\"{\"\"User Principal Name\"\":\"\"ann@x.com\"\",\"\"Termination date\"\":\"\"2024-01-02\"\"}\",ann@x.com,2024-01-02\n"
        + "2024-03-01T08:00:00.0000000Z,\"bob, jr@x.com\",\"{\"\"User Principal Name\"\":\"\"bob, jr@x.com\"\",\"\"Termination date\"\":\"\"2024-02-03\"\"}\",\"bob, jr@x.com\",2024-02-03\n",
        ResultWriter.csv(r.table()));
  }

  @Test
  void searchKeyColumnWinsOverTheFirstColumnAndItemIdsAreStable(@TempDir Path dir) throws IOException {
    watchlist(dir, "hva.csv", "Asset Name,SearchKey,Owner\nsrv1,k1,ops\n");
    QueryResult r = run("_GetWatchlist('HVA') | project _DTItemId, SearchKey, ['Asset Name'], Owner", dir, Map.of());
    assertTrue(r.ok(), r.diagnostics().toString());
    String id = java.util.UUID.nameUUIDFromBytes("hva/1".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    assertEquals("_DTItemId,SearchKey,Asset Name,Owner\n" + id + ",k1,srv1,ops\n", ResultWriter.csv(r.table()));
  }

  @Test
  void theSchemaHoldsEveryWatchlistsColumnsAndOthersAreNull(@TempDir Path dir) throws IOException {
    watchlist(dir, "a.csv", "Host,Owner\nh1,o1\n");
    watchlist(dir, "b.csv", "Ip\n10.0.0.1\n");
    QueryResult r = run("_GetWatchlist('b') | project SearchKey, Host, Owner, Ip", dir, Map.of());
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals("SearchKey,Host,Owner,Ip\n10.0.0.1,,,10.0.0.1\n", ResultWriter.csv(r.table()));
  }

  @Test
  void joinsWithTablesLikeTheSentinelHuntingQueries(@TempDir Path dir) throws IOException {
    watchlist(dir, "TerminatedEmployees.csv", "User Principal Name,Termination date\nann@x.com,2024-01-02\n");
    String q = "let Events = datatable(AccountUpn:string, Timestamp:datetime)['ann@x.com', datetime(2024-01-05), 'ann@x.com', datetime(2023-12-30), 'cy@x.com', datetime(2024-01-05)];"
        + " _GetWatchlist('TerminatedEmployees') | join (Events) on $left.['User Principal Name'] == $right.AccountUpn"
        + " | where Timestamp > todatetime(['Termination date']) | project AccountUpn, Timestamp";
    QueryResult r = run(q, dir, Map.of());
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals("AccountUpn,Timestamp\nann@x.com,2024-01-05T00:00:00.0000000Z\n", ResultWriter.csv(r.table()));
  }

  @Test
  void unknownAliasOrNoFolderIsARuntimeErrorNamingTheAliasAndFolder(@TempDir Path dir) throws IOException {
    QueryResult missing = run("_GetWatchlist('Nope')", dir, Map.of());
    assertFalse(missing.ok());
    assertEquals("KQL5011", missing.diagnostics().get(0).code().id());
    String message = missing.diagnostics().get(0).message();
    assertTrue(message.contains("no watchlist 'Nope'") && message.contains(dir.resolve("Nope.csv").toString()), message);
    QueryResult none = run("_GetWatchlist('VIPUsers')", null, Map.of());
    assertFalse(none.ok());
    assertTrue(none.diagnostics().get(0).message().contains("--watchlists"), none.diagnostics().get(0).message());
  }
}
