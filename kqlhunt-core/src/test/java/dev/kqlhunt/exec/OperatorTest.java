package dev.kqlhunt.exec;

import static dev.kqlhunt.exec.ExecTestSupport.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OperatorTest {
  private static final String T = "datatable(Name:string, N:long, R:real)['a', 1, 1.5, 'b', 2, 2.5, 'a', 3, long(null), 'c', long(null), 4.0]";

  @Test
  void printAndArithmetic() {
    assertEquals("x,y,z\n3,2.5,ab\n", csv("print x = 1 + 2, y = 5 / 2.0, z = strcat('a', 'b')"));
  }

  @Test
  void whereExtendProject() {
    assertEquals("Name,M\na,2\na,6\n", csv(T + " | where Name == 'a' | extend M = N * 2 | project Name, M"));
  }

  @Test
  void summarizeWithNullsAndGroups() {
    assertEquals("Name,c,s,mx,cnt\na,2,4,3,2\nb,1,2,2,1\nc,1,,,0\n",
        csv(T + " | summarize c = count(), s = sum(N), mx = max(N), cnt = countif(isnotnull(N)) by Name"));
  }

  @Test
  void summarizeWithoutRowsStillYieldsOneRow() {
    assertEquals("count_\n0\n", csv(T + " | where N > 100 | summarize count()"));
  }

  @Test
  void sortTopTakeDistinct() {
    assertEquals("N\n3\n2\n", csv(T + " | top 2 by N desc | project N"));
    assertEquals("N\n\n1\n2\n3\n", csv(T + " | sort by N asc | project N"));
    assertEquals("Name\na\nb\nc\n", csv(T + " | distinct Name"));
    assertEquals("Count\n4\n", csv(T + " | count"));
  }

  @Test
  void joinKinds() {
    String l = "datatable(K:string, A:long)['x', 1, 'x', 2, 'y', 3]";
    String r = "datatable(K:string, B:long)['x', 10, 'z', 30]";
    assertEquals("K,A,K1,B\nx,1,x,10\n", csv(l + " | join (" + r + ") on K"));
    assertEquals("K,A,K1,B\nx,1,x,10\nx,2,x,10\n", csv(l + " | join kind=inner (" + r + ") on K"));
    assertEquals("K,A,K1,B\nx,1,x,10\nx,2,x,10\ny,3,,\n", csv(l + " | join kind=leftouter (" + r + ") on K"));
    assertEquals("K,A\ny,3\n", csv(l + " | join kind=leftanti (" + r + ") on K"));
    assertEquals("K,B\nz,30\n", csv(l + " | join kind=rightanti (" + r + ") on K"));
  }

  @Test
  void unionMvExpandRange() {
    assertEquals("x\n1\n2\n3\n", csv("range x from 1 to 3 step 1"));
    assertEquals("a,b\n1,x\n1,y\n", csv("print a = 1, b = dynamic(['x', 'y']) | mv-expand b to typeof(string)"));
    assertEquals("x\n1\n2\n", csv("union (print x = 1), (print x = 2)"));
  }

  @Test
  void stringPredicatesAndLists() {
    String d = "datatable(S:string)['rdp.exe', 'myrdp.exe', 'RDP.EXE.mui', 'a b c']";
    assertEquals("S\nrdp.exe\nRDP.EXE.mui\n", csv(d + " | where S has 'rdp.exe'"));
    assertEquals("S\nmyrdp.exe\na b c\n", csv(d + " | where S !has 'rdp.exe'"));
    assertEquals("S\na b c\n", csv(d + " | where S has_any ('b', 'zzz')"));
    assertEquals("S\nrdp.exe\n", csv(d + " | where S in ('rdp.exe', 'q')"));
    assertEquals("S\nrdp.exe\nRDP.EXE.mui\n", csv(d + " | where S startswith 'RDP'"));
  }

  @Test
  void timeFunctionsUseThePinnedNow() {
    assertEquals("a,b\n2024-03-09T12:00:00.0000000Z,2024-03-10T00:00:00.0000000Z\n",
        csv("print a = ago(1d), b = startofday(now())"));
    assertEquals("x\n1.00:00:00\n", csv("print x = now() - ago(1d)"));
  }

  @Test
  void letAndIffAndDynamic() {
    assertEquals("x,y\nbig,5\n",
        csv("let limit = 3; print n = 5 | extend x = iff(n > limit, 'big', 'small'), y = toint(parse_json('{\"a\":5}').a) | project x, y"));
  }

  @Test
  void comparisonsWithNullsFollowKusto() {
    String d = "datatable(N:long)[0, long(null), 5]";
    assertEquals("N,eq,ne,gt\n0,true,false,false\n,false,true,\n5,false,true,true\n",
        csv(d + " | extend eq = N == 0, ne = N != 0, gt = N > 0"));
    assertEquals("N\n\n5\n", csv(d + " | where N != 0"));
  }

  @Test
  void parseOperatorExtractsTypedColumns() {
    String d = "datatable(S:string)['user=alice id=42 ok', 'user=bob id=x ok', 'nothing']";
    assertEquals("u,id\nalice,42\n,\n,\n", csv(d + " | parse S with 'user=' u ' id=' id:long ' ok' | project u, id"));
    assertEquals("u,id\nalice,42\n", csv(d + " | parse-where S with 'user=' u ' id=' id:long ' ok' | project u, id"));
    assertEquals("u,id\nalice,42\nbob,\n,\n",
        csv(d + " | parse kind=relaxed S with 'user=' u ' id=' id:long ' ok' | project u, id"));
  }

  @Test
  void summarizeArgMaxWithStarAndExpressionsOverAggregates() {
    String d = "datatable(K:string, T:long, V:string)['a', 1, 'x', 'a', 3, 'y', 'b', 2, 'z']";
    assertEquals("K,T,V\na,3,y\nb,2,z\n", csv(d + " | summarize arg_max(T, *) by K"));
    assertEquals("K,r\na,8\nb,4\n", csv(d + " | summarize r = 2 * sum(T) by K"));
    assertEquals("K,s\na,\"[\"\"x\"\",\"\"y\"\"]\"\nb,\"[\"\"z\"\"]\"\n", csv(d + " | summarize s = make_set(V) by K"));
  }

  @Test
  void mvApplyRunsTheSubqueryPerRow() {
    assertEquals("K,x\na,3\na,2\nb,5\n", csv("datatable(K:string, A:dynamic)['a', dynamic([3,1,2]), 'b', dynamic([5])]"
        + " | mv-apply x = A to typeof(long) on (top 2 by x desc) | project K, x"));
  }

  @Test
  void bagUnpackAddsOneColumnPerKey() {
    assertEquals("n,a,b\n1,1,x\n2,,y\n", csv("datatable(n:long, d:dynamic)[1, dynamic({'a':1,'b':'x'}), 2, dynamic({'b':'y'})]"
        + " | evaluate bag_unpack(d)"));
  }

  @Test
  void unsupportedFunctionIsAnError() {
    // A function of an excluded family (geo), which the catalog knows but the executor does not run.
    QueryResult r = ExecTestSupport.run("print x = geo_h3cell_rings('862a1072fffffff', 1)", java.util.Map.of());
    org.junit.jupiter.api.Assertions.assertFalse(r.ok());
    org.junit.jupiter.api.Assertions.assertEquals("KQL5002", r.diagnostics().get(0).code().id());
  }

  @Test
  void projectVariants() {
    String d = "datatable(A:long, B:string, C:real)[1, 'x', 1.5]";
    assertEquals("A,C\n1,1.5\n", csv(d + " | project-away B"));
    assertEquals("A,Bee,C\n1,x,1.5\n", csv(d + " | project-rename Bee = B"));
    assertEquals("C,A,B\n1.5,1,x\n", csv(d + " | project-reorder C"));
    assertEquals("B\nx\n", csv(d + " | project-keep B"));
  }

  @Test
  void moreJoinKinds() {
    String l = "datatable(K:string, A:long)['x', 1, 'y', 3]";
    String r = "datatable(K:string, B:long)['x', 10, 'z', 30]";
    assertEquals("K,A,K1,B\nx,1,x,10\ny,3,,\n,,z,30\n", csv(l + " | join kind=fullouter (" + r + ") on K"));
    assertEquals("K,A,K1,B\nx,1,x,10\n,,z,30\n", csv(l + " | join kind=rightouter (" + r + ") on K"));
    assertEquals("K,A\nx,1\n", csv(l + " | join kind=leftsemi (" + r + ") on K"));
    assertEquals("K,B\nx,10\n", csv(l + " | join kind=rightsemi (" + r + ") on K"));
    assertEquals("K,A,B\nx,1,10\ny,3,\n", csv(l + " | lookup (" + r + ") on K"));
    assertEquals("K,A,K1,B\nx,1,x,10\n", csv(l + " | join (" + r + ") on $left.K == $right.K"));
  }

  @Test
  void makeSeriesFillsEmptyBinsWithTheDefault() {
    String d = "datatable(T:datetime, K:string, V:long)[datetime(2024-01-01 01:00), 'a', 5, datetime(2024-01-01 03:00), 'a', 7,"
        + " datetime(2024-01-01 01:30), 'b', 1, datetime(2024-01-01 05:00), 'b', 9]";
    assertEquals("K,s,c\na,\"[-1,5,-1,7]\",\"[0,1,0,1]\"\nb,\"[-1,1,-1,-1]\",\"[0,1,0,0]\"\n",
        csv(d + " | make-series s = sum(V) default = -1, c = count() on T from datetime(2024-01-01) to datetime(2024-01-01 04:00)"
            + " step 1h by K | project K, s, c | order by K asc"));
  }

  @Test
  void groupingOnSeveralKeysOfMixedTypesWithNulls() {
    String d = "datatable(T:datetime, K:string, R:real)[datetime(2024-01-01 01:10), 'a', 1.5, datetime(2024-01-01 01:50), 'a', 1.5,"
        + " datetime(null), 'a', 1.5, datetime(null), 'a', 2.5, datetime(2024-01-01 01:20), 'b', real(null),"
        + " datetime(2024-01-01 02:00), 'a', 1.5]";
    assertEquals("h,K,R,n\n2024-01-01T01:00:00.0000000Z,a,1.5,2\n,a,1.5,1\n,a,2.5,1\n2024-01-01T01:00:00.0000000Z,b,,1\n"
        + "2024-01-01T02:00:00.0000000Z,a,1.5,1\n", csv(d + " | summarize n = count() by h = bin(T, 1h), K, R"));
  }
}
