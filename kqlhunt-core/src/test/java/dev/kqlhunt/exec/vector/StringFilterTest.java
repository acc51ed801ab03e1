package dev.kqlhunt.exec.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kqlhunt.value.KustoRegex;
import dev.kqlhunt.value.StringMatcher;
import dev.kqlhunt.value.StringPredicate;
import dev.kqlhunt.value.StringSetMatcher;
import dev.kqlhunt.value.TermMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StringFilterTest {
  private static final String[] PROCESSES = {
    "C:\\Windows\\System32\\cmd.exe",
    "C:\\Program Files\\AnyDesk\\AnyDesk.exe",
    "C:\\Tools\\rdp.exe.mui",
    "C:\\Tools\\myrdp.exe",
    "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    "",
  };

  private static StringVector column(int rows, long seed) {
    Random rnd = new Random(seed);
    StringVectorBuilder b = new StringVectorBuilder(rows);
    for (int i = 0; i < rows; i++) b.append(PROCESSES[rnd.nextInt(PROCESSES.length)]);
    return b.build();
  }

  private static int[] slow(StringVector v, StringPredicate p) {
    int[] out = new int[v.size()];
    int n = 0;
    for (int i = 0; i < v.size(); i++) {
      if (p.test(v.get(i))) out[n++] = i;
    }
    return Arrays.copyOf(out, n);
  }

  private static int[] positions(Selection s) {
    return Arrays.copyOf(s.rawPositions(), s.count());
  }

  @Test
  void dictionaryFilterMatchesRowByRowEvaluation() {
    long seed = System.nanoTime();
    System.out.println("StringFilterTest seed=" + seed);
    StringVector v = column(5000, seed);
    List<StringPredicate> predicates = List.of(
        TermMatcher.has("rdp.exe", false),
        TermMatcher.has("anydesk", false),
        StringMatcher.equalTo("c:\\windows\\system32\\cmd.exe", false),
        StringMatcher.equalTo("C:\\Windows\\System32\\cmd.exe", true),
        StringMatcher.contains("RDP", false),
        StringSetMatcher.in(List.of("c:\\tools\\myrdp.exe", ""), false),
        StringSetMatcher.hasAny(List.of("powershell", "AnyDesk.exe"), false),
        KustoRegex.compile("(?i)\\\\system32\\\\").asPredicate());
    for (StringPredicate p : predicates) {
      assertArrayEquals(slow(v, p), positions(StringFilter.filter(v, p)), "seed=" + seed + " " + p);
    }
  }

  @Test
  void predicateRunsOncePerDistinctValue() {
    StringVector v = column(10_000, 42);
    AtomicInteger calls = new AtomicInteger();
    StringPredicate counting = s -> {
      calls.incrementAndGet();
      return s.isEmpty();
    };
    Selection s = StringFilter.filter(v, counting);
    assertEquals(v.dictionary().size(), calls.get());
    assertTrue(s.count() > 0 && s.count() < 10_000);
  }

  @Test
  void narrowingAnExistingSelectionAndSegmentSkipping() {
    StringVector v = new StringVectorBuilder(4).append("a b").append("c").append("a").append("b a").build();
    boolean[] hasA = StringFilter.evaluate(v.dictionary(), TermMatcher.has("a", false));
    Selection all = StringFilter.filter(v, hasA);
    assertEquals("Selection[0,2,3]", all.toString());
    Selection narrowed = StringFilter.filter(v, hasA, new Selection(new int[] {1, 2}, 2));
    assertEquals("Selection[2]", narrowed.toString());
    boolean[] none = StringFilter.evaluate(v.dictionary(), TermMatcher.has("zzz", false));
    assertFalse(StringFilter.anyTrue(none), "a dictionary without the needle lets a scan skip");
    assertTrue(StringFilter.anyTrue(hasA));
  }

  /** A rough throughput check of the code loop; asserts only that it produced a result. */
  @Test
  void codeLoopThroughput() {
    StringVector v = column(1_000_000, 7);
    boolean[] verdicts = StringFilter.evaluate(v.dictionary(), TermMatcher.has("rdp.exe", false));
    long best = Long.MAX_VALUE;
    int count = 0;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      count = StringFilter.filter(v, verdicts).count();
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.printf("StringFilter: 1M rows in %.2f ms (%d selected)%n", best / 1e6, count);
    assertTrue(count > 0);
  }

  @Test
  void cachedFilterEvaluatesOncePerSegmentDictionary() {
    StringDictionaryBuilder segment = new StringDictionaryBuilder();
    StringVector b1 = new StringVectorBuilder(segment, 3).append("rdp.exe").append("x").append("y").build();
    StringVector b2 = new StringVectorBuilder(segment, 3).append("y").append("rdp.exe").append("x").build();
    CachedStringFilter f = new CachedStringFilter(TermMatcher.has("rdp.exe", false));
    assertEquals("Selection[0]", f.filter(b1).toString());
    assertEquals("Selection[1]", f.filter(b2).toString());
    assertEquals(3, f.evaluations(), "the shared dictionary was evaluated once");
    BoolVector bools = f.evaluate(b2);
    assertFalse(bools.get(0));
    assertTrue(bools.get(1));
    assertFalse(bools.nulls().mayHaveNulls());
    StringVector other = new StringVectorBuilder(1).append("zzz").build();
    assertFalse(f.mayMatch(other.dictionary()));
    assertEquals(4, f.evaluations());
  }
}
