package dev.kqlhunt.exec;

import static dev.kqlhunt.exec.ExecTestSupport.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.symbols.SchemaRegistry;
import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators run through {@code PlanNode.Special} and the plugins of {@link Plugins}. */
class SpecialOperatorsTest {
  @Test
  void parseKvWithDelimitersQuotesAndGreedy() {
    assertEquals("a,b\n1,x y\n", csv("print s='a=1;b=\"x y\"' | parse-kv s as (a:long, b:string)"
        + " with (pair_delimiter=';', kv_delimiter='=', quote='\"') | project a, b"));
    assertEquals("n,c\nJohn,\n", csv("print s='n=John Doe c' | parse-kv s as (n:string, c:string)"
        + " with (pair_delimiter=' ', kv_delimiter='=') | project n, c"));
    assertEquals("n,c\nJohn Doe,New York\n", csv("print s='n=John Doe c=New York' | parse-kv s as (n:string, c:string)"
        + " with (pair_delimiter=' ', kv_delimiter='=', greedy=true) | project n, c"));
  }

  @Test
  void parseKvByKeyNamesFirstOccurrenceWinsAndBadValuesAreNull() {
    assertEquals("Id,Host,Missing\n42,web01,\n",
        csv("print s='[x] Id: 42, Host=web01, Id: 7' | parse-kv s as (Id:long, Host:string, Missing:long) | project Id, Host, Missing"));
    assertEquals("Id\n\n", csv("print s='Id=abc' | parse-kv s as (Id:long) with (pair_delimiter=',', kv_delimiter='=') | project Id"));
  }

  @Test
  void projectByNamesKeepsArgumentOrderAndExpandsWildcards() {
    String t = "datatable(Name:string, Age:int, City:string, Country:string)['P', 3, 'NY', 'US']";
    assertEquals("City,Name\nNY,P\n", csv(t + " | project-by-names 'City', 'Name', 'Nope'"));
    assertEquals("City,Country\nNY,US\n", csv(t + " | project-by-names dynamic(['C*'])"));
  }

  @Test
  void topNestedKeepsTopGroupsPerLevelWithOthers() {
    String t = "datatable(A:string, B:string, V:long)['x','p',5, 'x','q',1, 'y','p',2, 'z','p',1]";
    String out = csv(t + " | top-nested 2 of A with others='rest' by s=sum(V), top-nested 1 of B by m=max(V)");
    assertEquals("A,s,B,m\nx,6,p,5\ny,2,p,2\nrest,1,,\n", out);
  }

  @Test
  void reduceGroupsByPatternAndCountsTheRestAsOthers() {
    String rows = "range x from 1 to 10 step 1 | project s = strcat('job-', tostring(x))";
    // The delimiter next to the varying term is absorbed into the *, as Kusto writes fooZ1.. as foo*.
    assertEquals("Pattern,Count,Representative\njob*,10,job-1\n", csv(rows + " | reduce by s"));
    assertEquals("Pattern,Count,Representative\nothers,10,\n", csv("range x from 1 to 10 step 1 | project s=tostring(x) | reduce by s"));
  }

  @Test
  void findTagsRowsWithTheirTableAndPacksTheRest() {
    String lets = "let T1 = datatable(A:string, B:long)['hit', 1]; let T2 = datatable(A:string, C:string)['hit', 'c', 'miss', 'd'];";
    assertEquals("source_,A,pack_\nT1,hit,\"{\"\"B\"\":1}\"\nT2,hit,\"{\"\"C\"\":\"\"c\"\"}\"\n",
        csv(lets + "find in (T1, T2) where A == 'hit'"));
    assertEquals("source_,A\nT1,hit\nT2,hit\n", csv(lets + "find in (T1, T2) where A == 'hit' project A"));
  }

  @Test
  void externalDataReadsFilesByFormatAndFailsClearly(@TempDir Path dir) throws IOException {
    Path csvFile = dir.resolve("a.csv");
    Files.writeString(csvFile, "h1,h2\n1,\"x, y\"\n2,z\n");
    Path json = dir.resolve("b.json");
    Files.writeString(json, "{\"n\":3,\"s\":\"j\"}\n{\"n\":4}\n");
    String q = "externaldata (n:long, s:string) ['" + csvFile.toUri() + "'] with (ignoreFirstRecord=true)";
    assertEquals("n,s\n1,\"x, y\"\n2,z\n", csv(q));
    assertEquals("n,s\n3,j\n4,\n", csv("externaldata (n:long, s:string) ['" + json + "']"));
    QueryResult missing = ExecTestSupport.run("externaldata (n:long) ['" + dir.resolve("none.csv") + "']", Map.of());
    assertFalse(missing.ok());
    assertEquals("KQL5011", missing.diagnostics().get(0).code().id());
    assertEquals(0, missing.diagnostics().get(0).span().start(), "placed on the operator name");
  }

  @Test
  void externalDataUsesTheResolverOfTheOptions() {
    QueryResult r = new QueryRunner(registry(), DataSource.EMPTY).run(
        SourceText.of("t", "externaldata (a:string, b:long) ['https://example.invalid/x.tsv?sig=secret']"),
        ExecOptions.at(ExecTestSupport.NOW).withExternalData(url -> "p\t1\nq\t2\n"));
    assertTrue(r.ok(), r.diagnostics()::toString);
    assertEquals("a,b\np,1\nq,2\n", ResultWriter.csv(r.table()));
  }

  @Test
  void ipv4LookupTakesTheLongestPrefixAndCanKeepUnmatched() {
    String lookup = "let L = datatable(net:string, tag:string)['10.0.0.0/8','wide', '10.1.0.0/16','narrow'];";
    String ips = "datatable(ip:string)['10.1.2.3', '10.9.9.9', '192.168.1.1']";
    assertEquals("ip,net,tag\n10.1.2.3,10.1.0.0/16,narrow\n10.9.9.9,10.0.0.0/8,wide\n",
        csv(lookup + ips + " | evaluate ipv4_lookup(L, ip, net)"));
    assertEquals("ip,net,tag\n10.1.2.3,10.1.0.0/16,narrow\n10.9.9.9,10.0.0.0/8,wide\n192.168.1.1,,\n",
        csv(lookup + ips + " | evaluate ipv4_lookup(L, ip, net, true)"));
  }

  @Test
  void rowsNearKeepsNeighboursOfMatches() {
    assertEquals("x\n2\n3\n4\n9\n10\n",
        csv("range x from 1 to 10 step 1 | evaluate rows_near(x == 3 or x == 10, 1)"));
    assertEquals("x\n3\n4\n5\n", csv("range x from 1 to 10 step 1 | evaluate rows_near(x == 3, 0, 2)"));
  }

  @Test
  void rollingPercentileLooksBackOverBins() {
    String t = "range i from 0 to 5 step 1 | project T = datetime(2024-01-01) + 1d * i, v = i * 10";
    assertEquals("T,rolling_2_percentile_v_50\n2024-01-01T00:00:00.0000000Z,0\n2024-01-02T00:00:00.0000000Z,0\n"
        + "2024-01-03T00:00:00.0000000Z,10\n2024-01-04T00:00:00.0000000Z,20\n2024-01-05T00:00:00.0000000Z,30\n"
        + "2024-01-06T00:00:00.0000000Z,40\n", csv(t + " | evaluate rolling_percentile(v, 50, T, 1d, 2)"));
  }

  @Test
  void activeUsersCountNeedsEnoughDistinctPeriods() {
    String t = "datatable(U:string, T:datetime)['a', datetime(2024-01-01), 'a', datetime(2024-01-02), 'b', datetime(2024-01-02),"
        + " 'a', datetime(2024-01-09)]";
    assertEquals("T,dcount\n2024-01-01T00:00:00.0000000Z,1\n",
        csv(t + " | evaluate active_users_count(U, T, datetime(2024-01-01), datetime(2024-01-31), 3d, 1d, 2, 7d)"));
  }

  @Test
  void declaredPluginSchemaConformsTheRows() {
    assertEquals("k,a\nx,1\n", csv("datatable(d:dynamic, k:string)[dynamic({'a':1,'b':2}), 'x']"
        + " | evaluate bag_unpack(d) : (k:string, a:long)"));
  }

  @Test
  void makeSeriesOverAnExpressionOfAggregatesAndNonEmpty() {
    String t = "datatable(T:datetime, V:long)[datetime(2024-01-01), 2, datetime(2024-01-03), 4]";
    assertEquals("s\n\"[4,-1,8]\"\n", csv(t + " | make-series s = sum(V) * 2 default=-1 on T from datetime(2024-01-01)"
        + " to datetime(2024-01-04) step 1d | project s"));
    assertEquals("s\n\"[0,0]\"\n", csv(t + " | take 0 | make-series kind=nonempty s = count() on T from datetime(2024-01-01)"
        + " to datetime(2024-01-03) step 1d | project s"));
    assertEquals("s\n", csv(t + " | take 0 | make-series s = count() on T from datetime(2024-01-01)"
        + " to datetime(2024-01-03) step 1d | project s"));
  }

  @Test
  void scanMatchesSequencesOfStepsWithMatchIds() {
    String t = "datatable(Ts:long, E:string)[1,'go', 2,'x', 3,'stop', 4,'x', 5,'go', 9,'stop']";
    assertEquals("Ts,E,m\n1,go,0\n2,x,0\n3,stop,0\n5,go,1\n",
        csv(t + " | scan with_match_id=m with (step a: E == 'go'; step b: E != 'go' and Ts - a.Ts <= 2;)"));
    assertEquals("Ts,E,n\n1,go,1\n2,x,2\n3,stop,3\n4,x,4\n5,go,1\n9,stop,2\n",
        csv(t + " | scan declare (n:long = 0) with (step a: E == 'go' => n = 1; step b: E != 'go' => n = n + 1;)"));
  }

  @Test
  void dcountIntersectCountsRunningIntersections() {
    assertEquals("s0,s1,s2\n3,2,1\n", csv("print a = dynamic([1,2,3]), b = dynamic([2,3,4]), c = dynamic([3,9])"
        + " | evaluate dcount_intersect(a, b, c) | project s0, s1, s2"));
  }

  @Test
  void userFunctionArgumentsByName() {
    String f = "let f = (a:long, b:string = 'd', c:long = 0) { strcat(a, '-', b, '-', c) };";
    assertEquals("x\n12-d-7\n", csv(f + " print x = f(c = 7, a = 12)"));
    assertEquals("x\n12-d-7\n", csv(f + " print x = f(12, c = 7)"));
    assertEquals("x\n1-e-0\n", csv(f + " print x = f(1, 'e')"));
  }

  @Test
  void pivotSpreadsValuesIntoColumns() {
    String t = "datatable(T:long, Key:string, Value:string)[1,'a','x', 1,'b','y', 2,'a','z', 2,'c','w']";
    assertEquals("T,a,b,c\n1,x,y,\n2,z,,w\n", csv(t + " | evaluate pivot(Key, any(Value), T)"));
    assertEquals("a,b,c\n2,1,1\n", csv(t + " | evaluate pivot(Key)"));
  }

  private static SchemaRegistry registry() {
    return SchemaRegistry.builtIn();
  }
}
