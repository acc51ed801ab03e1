package dev.kqlhunt.exec;

import dev.kqlhunt.json.Json;
import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.symbols.StoredFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Sentinel watchlists: {@code _GetWatchlist('alias')} over CSV files in a folder.
 *
 * <p>A watchlist is the file {@code ALIAS.csv} (alias matched case-insensitively) whose first record is
 * the header. Its SearchKey is the column named {@code SearchKey} if there is one, else the first
 * column. Like Sentinel, {@code _GetWatchlist} returns {@code _DTItemId} (string; a name-based UUID of
 * alias and row number, so stable across runs), {@code LastUpdatedTimeUTC} (datetime; the file's
 * modification time), {@code SearchKey} (string), {@code WatchlistItem} (dynamic bag of the row), then
 * the CSV's columns, whose values are strings.
 *
 * <p>How: {@link #function(Path)} is a stored function whose body reads {@code externaldata} from the URL
 * {@code watchlist:ALIAS} and unpacks the row's columns with {@code bag_unpack}, conformed to the
 * folder's columns when it has watchlists. {@link #resolver}
 * answers those URLs from the folder; an unknown alias, or no folder, fails the query with {@code
 * KQL5011} naming the alias and the folder searched, never an empty result.
 */
public final class Watchlists {
  /** The function's name, as Sentinel spells it. */
  public static final String FUNCTION = "_GetWatchlist";

  private static final String SCHEME = "watchlist:";

  private Watchlists() {}

  /**
   * The stored function {@code _GetWatchlist(watchlistAlias:string)} for the watchlists in {@code
   * folder} (null: none). With watchlists, its schema is closed: the Sentinel columns, then every
   * watchlist's CSV columns as strings (a column another watchlist has is null), so joins and
   * projections bind exactly; without, the CSV columns are open (late-typed).
   */
  public static StoredFunction function(Path folder) throws IOException {
    StringBuilder body = new StringBuilder("{ externaldata(_DTItemId:string, LastUpdatedTimeUTC:datetime, SearchKey:string,"
        + " WatchlistItem:dynamic, WatchlistColumns_:dynamic) [strcat('" + SCHEME + "', watchlistAlias)]"
        + " with (format='multijson') | evaluate bag_unpack(WatchlistColumns_)");
    java.util.Set<String> columns = new java.util.LinkedHashSet<>(List.of("_DTItemId", "LastUpdatedTimeUTC", "SearchKey", "WatchlistItem"));
    List<String> extra = new ArrayList<>();
    for (Path f : files(folder)) {
      List<List<String>> records = ExternalData.delimited(Files.readString(f, StandardCharsets.UTF_8), ',');
      if (records.isEmpty()) continue;
      for (String c : records.get(0)) if (columns.add(c)) extra.add(c);
    }
    if (folder != null) {
      body.append(" : (_DTItemId:string, LastUpdatedTimeUTC:datetime, SearchKey:string, WatchlistItem:dynamic");
      for (String c : extra) body.append(", ['").append(c.replace("\\", "\\\\").replace("'", "\\'")).append("']:string");
      body.append(')');
    }
    return new StoredFunction(FUNCTION, "(watchlistAlias:string)", body.append(" }").toString());
  }

  /** {@code registry} with {@link #function(Path)} added (replacing a function of that name). */
  public static SchemaRegistry withFunction(SchemaRegistry registry, Path folder) throws IOException {
    List<StoredFunction> functions = new ArrayList<>();
    for (StoredFunction f : registry.functions()) if (!f.name().equalsIgnoreCase(FUNCTION)) functions.add(f);
    functions.add(function(folder));
    return SchemaRegistry.of(registry.tables(), functions);
  }

  /**
   * A resolver serving {@code watchlist:ALIAS} URLs from {@code folder} (null: none configured) and
   * handing every other URL to {@code fallback}.
   */
  public static ExternalDataResolver resolver(Path folder, ExternalDataResolver fallback) {
    return url -> url.startsWith(SCHEME) ? read(folder, url.substring(SCHEME.length())) : fallback.read(url);
  }

  /** The watchlist as JSON lines of the function's externaldata schema. */
  static String read(Path folder, String alias) throws IOException {
    Path file = find(folder, alias);
    if (file == null) {
      throw new IOException(folder == null
          ? "no watchlist '" + alias + "': no watchlist folder is configured (--watchlists DIR with " + alias + ".csv)"
          : "no watchlist '" + alias + "': expected " + folder.resolve(alias + ".csv"));
    }
    List<List<String>> records = ExternalData.delimited(Files.readString(file, StandardCharsets.UTF_8), ',');
    if (records.isEmpty()) return "";
    List<String> header = records.get(0);
    int key = 0;
    for (int c = 0; c < header.size(); c++) if (header.get(c).equalsIgnoreCase("SearchKey")) key = c;
    String updated = Files.getLastModifiedTime(file).toInstant().toString();
    StringBuilder out = new StringBuilder();
    for (int r = 1; r < records.size(); r++) {
      List<String> fields = records.get(r);
      Map<String, Object> bag = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) bag.put(header.get(c), c < fields.size() ? fields.get(c) : "");
      Map<String, Object> row = new LinkedHashMap<>();
      String id = alias.toLowerCase(Locale.ROOT) + "/" + r;
      row.put("_DTItemId", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
      row.put("LastUpdatedTimeUTC", updated);
      row.put("SearchKey", key < fields.size() ? fields.get(key) : "");
      row.put("WatchlistItem", bag);
      row.put("WatchlistColumns_", bag);
      out.append(Json.write(row)).append('\n');
    }
    return out.toString();
  }

  private static Path find(Path folder, String alias) throws IOException {
    for (Path f : files(folder)) {
      String name = f.getFileName().toString();
      if (name.substring(0, name.length() - 4).equalsIgnoreCase(alias)) return f;
    }
    return null;
  }

  /** The folder's {@code *.csv} files in name order (none for a null or missing folder). */
  private static List<Path> files(Path folder) throws IOException {
    List<Path> out = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) return out;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.csv")) {
      for (Path f : files) out.add(f);
    }
    out.sort(null);
    return out;
  }
}
