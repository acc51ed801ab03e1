package dev.kqlhunt.exec;

import static dev.kqlhunt.exec.ExecTestSupport.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Window functions, the less common aggregates and exact sketches, and row-reading functions. */
class WindowAndAggregateFunctionsTest {
  private static final String FLIGHTS = "datatable(Airport:string, Airline:string, Departures:long) ["
      + "'SEA','LH',3, 'SEA','LY',100, 'SEA','UA',3, 'SEA','BA',2, 'SEA','EL',3, 'AMS','EL',1, 'AMS','BA',1]";

  @Test
  void cumulativeSumRestartsWhereAsked() {
    assertEquals("a,cs\n2,2\n4,6\n6,12\n8,20\n10,30\n",
        csv("datatable(a:long) [1,2,3,4,5,6,7,8,9,10] | where a % 2 == 0 | serialize cs = row_cumsum(a)"));
    assertEquals("a,cs\n1,1\n2,3\n3,3\n4,7\n",
        csv("datatable(a:long) [1,2,3,4] | serialize cs = row_cumsum(a, a == 3)"));
    assertEquals("a,cs\n1.5,1.5\n2,3.5\n",
        csv("datatable(a:real) [1.5, 2.0] | serialize cs = row_cumsum(a)"));
  }

  @Test
  void ranksShareValuesAndRestartPerPartition() {
    assertEquals("Airline,Departures,Rank\nBA,2,1\nLH,3,2\nUA,3,2\nEL,3,2\nLY,100,5\n",
        csv(FLIGHTS + " | where Airport == 'SEA' | sort by Departures asc | extend Rank = row_rank_min(Departures)"
            + " | project Airline, Departures, Rank"));
    assertEquals("Airport,Departures,Rank\nSEA,2,1\nSEA,3,2\nSEA,3,2\nSEA,3,2\nSEA,100,3\nAMS,1,1\nAMS,1,1\n",
        csv(FLIGHTS + " | sort by Airport desc, Departures asc"
            + " | extend Rank = row_rank_dense(Departures, prev(Airport) != Airport) | project Airport, Departures, Rank"));
  }

  @Test
  void windowSessionsStartAtGapsAndLimits() {
    assertEquals("m,s\n1,1\n2,1\n10,10\n11,10\n16,10\n17,17\n",
        csv("datatable(m:long) [1, 2, 10, 11, 16, 17] | extend t = datetime(2024-01-01) + m * 1m"
            + " | serialize s = row_window_session(t, 6m, 5m) | project m, s = (s - datetime(2024-01-01)) / 1m"));
  }

  @Test
  void bitwiseAggregates() {
    assertEquals("result\nCAFEF00D\n", csv("datatable(num:long) [0xFFFFFFFF, 0xFFFFF00F, 0xCFFFFFFD, 0xFAFEFFFF]"
        + " | summarize result = toupper(tohex(binary_all_and(num)))"));
    assertEquals("result\nCAFEF00D\n", csv("datatable(num:long) [0x88888008, 0x42000000, 0x00767000, 0x00000005]"
        + " | summarize result = toupper(tohex(binary_all_or(num)))"));
    assertEquals("x\n6\n", csv("datatable(num:long) [5, 3] | summarize x = binary_all_xor(num)"));
  }

  @Test
  void listsWithNullsAndSchemas() {
    assertEquals("l\n\"[null,4,5]\"\n",
        csv("datatable(n:int) [int(null), 4, 5] | summarize l = make_list_with_nulls(n)"));
    assertEquals("schema_value\n"
        + "\"{\"\"x\"\":[\"\"long\"\",\"\"string\"\"],\"\"y\"\":[\"\"double\"\",{\"\"w\"\":\"\"string\"\"}],"
        + "\"\"z\"\":{\"\"`indexer`\"\":[\"\"long\"\",\"\"string\"\"]},\"\"t\"\":{\"\"`indexer`\"\":\"\"string\"\"}}\"\n",
        csv("datatable(value: dynamic) [dynamic({'x':1, 'y':3.5}), dynamic({'x':'somevalue', 'z':[1, 2, 3]}),"
            + " dynamic({'y':{'w':'zzz'}, 't':['aa', 'bb'], 'z':['foo']})] | summarize buildschema(value)"));
  }

  @Test
  void exactSketches() {
    assertEquals("d,m\n50,101\n", csv("range x from 1 to 100 step 1"
        + " | summarize h1 = hll(iif(x % 2 == 0, x, 0)), h2 = hll(x)"
        + " | project d = dcount_hll(h1) - 1, m = dcount_hll(hll_merge(h1, h2))"));
    assertEquals("P50,P100\n2,2\n", csv("datatable(V:real, W:long) [1.0, 1, 2.0, 2]"
        + " | summarize TD = tdigest(V, W) | project P50 = percentile_tdigest(TD, 50), P100 = percentile_tdigest(TD, 100)"));
    assertEquals("p\n3\n", csv("datatable(g:string, x:long) ['a', 1, 'a', 2, 'b', 3, 'b', 4]"
        + " | summarize t = tdigest(x) by g | summarize m = tdigest_merge(t) | project p = percentile_tdigest(m, 75)"));
    assertEquals("c\n3\n", csv("datatable(x:long) [1, 2, 2, 3, long(null)] | summarize c = count_distinct(x)"));
    assertEquals("c,p\n4,2\n", csv("datatable(x:long, y:long) [1, 2, 3, 6]"
        + " | summarize c = covariance(x, y), p = covariancep(x, y)"));
  }

  @Test
  void functionsThatReadTheRow() {
    assertEquals("Source,Count,Packed\n555-1234,46,\"{\"\"Source\"\":\"\"555-1234\"\",\"\"Count\"\":46}\"\n"
        + ",,\"{\"\"Source\"\":\"\"\"\",\"\"Count\"\":null}\"\n",
        csv("datatable(Source:string, Count:long) ['555-1234', 46, '', long(null)] | extend Packed = pack_all()"));
    assertEquals("P\n\"{\"\"Source\"\":\"\"x\"\"}\"\n{}\n",
        csv("datatable(Source:string, Count:long) ['x', long(null), '', long(null)] | project P = pack_all(true)"));
    assertEquals("Id,Packed\nA,\"{\"\"Id\"\":\"\"A\"\",\"\"Value\"\":\"\"val_a\"\"}\"\n",
        csv("datatable(Id: string, Value: string, Other: long) ['A', 'val_a', 1]"
            + " | project Id, Packed = bag_pack_columns(Id, Value)"));
    assertEquals("Columns\n\"[\"\"A\"\",\"\"B\"\"]\"\n",
        csv("let F = (p:int) { print A = '', B = 1 }; print Columns = column_names_of(F(1))"));
  }
}
