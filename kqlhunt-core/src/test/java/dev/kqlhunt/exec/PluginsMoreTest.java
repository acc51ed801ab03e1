package dev.kqlhunt.exec;

import static dev.kqlhunt.exec.ExecTestSupport.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The {@code basket} and {@code sequence_detect} plugins ({@link Basket}, {@link SequenceDetect}). */
class PluginsMoreTest {
  /** Ten storms; by hand: 0 is in 8 rows, NO in 7 (all with 0), Hail in 6 (all with 0), ... */
  private static final String STORMS = "datatable(State:string, EventType:string, Damage:string, Crops:long)["
      + "'TX','Hail','NO',0, 'TX','Hail','NO',0, 'KS','Hail','NO',0, 'KS','Wind','NO',0, 'OK','Wind','YES',5,"
      + "'OK','Hail','YES',0, 'TX','Wind','NO',0, 'KS','Hail','NO',0, 'OK','Tornado','YES',7, 'TX','Hail','NO',0]";

  @Test
  void basketReturnsClosedFrequentPatternsWithWildcards() {
    // Not returned: {NO} (same rows as {NO, 0}), {Hail} (same as {Hail, 0}), {TX} (same as {TX, NO}), ...
    assertEquals("""
        SegmentId,Count,Percent,State,EventType,Damage,Crops
        0,8,80,,,,0
        1,7,70,,,NO,0
        2,6,60,,Hail,,0
        3,5,50,,Hail,NO,0
        4,4,40,TX,,NO,0
        5,3,30,,Wind,,
        6,3,30,OK,,YES,
        7,3,30,KS,,NO,0
        8,3,30,TX,Hail,NO,0
        """, csv(STORMS + " | evaluate basket(0.3)"));
    // As the corpus rules use it: the new columns are usable downstream.
    assertEquals("Percent,Damage\n80,\n70,NO\n60,\n50,NO\n",
        csv(STORMS + " | evaluate basket(0.3) | where Percent >= 50 | project Percent, Damage"));
  }

  @Test
  void basketHonoursMaxDimensionsCustomWildcardsAndWeights() {
    assertEquals("""
        SegmentId,Count,Percent,State,EventType,Damage,Crops
        0,8,80,,,,0
        1,7,70,,,NO,
        2,6,60,,Hail,,
        3,4,40,TX,,,
        4,3,30,KS,,,
        5,3,30,OK,,,
        6,3,30,,Wind,,
        7,3,30,,,YES,
        """, csv(STORMS + " | evaluate basket(0.3, '~', 1)"));
    assertEquals("""
        SegmentId,Count,Percent,State,EventType,Damage,Crops
        0,8,80,*,*,*,0
        10,3,30,OK,*,YES,-1
        """, csv(STORMS + " | evaluate basket(0.3, '~', 2, '*', long(-1)) | where Count == 8 or State == 'OK'"));
    // Weighted (total 18, at least 9): OK and YES weigh 11; OK, Tornado, YES, 7 weigh 9, as do their subsets.
    assertEquals("""
        SegmentId,Count,Percent,State,EventType,Damage,Crops
        0,11,61.111111111111114,OK,,YES,
        1,9,50,OK,Tornado,YES,7
        """, csv(STORMS + " | extend W = iff(EventType == 'Tornado', 9, 1) | project State, EventType, Damage, Crops, W"
            + " | evaluate basket(0.5, W) | project SegmentId, Count, Percent, State, EventType, Damage, Crops"));
  }

  @Test
  void sequenceDetectFindsEveryOrderedOccurrenceWithinTheWindows() {
    String t = "datatable(T:datetime, EventType:string, State:string)["
        + "datetime(2007-05-08 00:00), 'Heat', 'CA', datetime(2007-05-08 16:02), 'Fire', 'CA',"
        + "datetime(2007-05-10 11:30), 'Fire', 'CA', datetime(2007-05-20 00:00), 'Fire', 'CA',"
        + "datetime(2007-07-23 12:00), 'Heat', 'SD', datetime(2007-07-27 09:00), 'Fire', 'SD',"
        + "datetime(2007-07-24 00:00), 'Fire', 'TX', datetime(2007-07-27 08:00), 'Fire', 'CA',"
        + "datetime(2007-07-20 00:00), 'Heat', 'TX']";
    assertEquals("""
        State,Expr1_T,Expr2_T,Duration
        CA,2007-05-08T00:00:00.0000000Z,2007-05-08T16:02:00.0000000Z,16:02:00
        CA,2007-05-08T00:00:00.0000000Z,2007-05-10T11:30:00.0000000Z,2.11:30:00
        TX,2007-07-20T00:00:00.0000000Z,2007-07-24T00:00:00.0000000Z,4.00:00:00
        SD,2007-07-23T12:00:00.0000000Z,2007-07-27T09:00:00.0000000Z,3.21:00:00
        """, csv(t + " | evaluate sequence_detect(T, 5d, 5d, heat=(EventType == 'Heat'), fire=(EventType == 'Fire'), State)"));
    // Rows come in first-step order across groups (TX's heat precedes SD's). A step window of one day
    // keeps only the 16:02 step; a span of one hour drops all.
    assertEquals("""
        State,Expr1_T,Expr2_T,Duration
        CA,2007-05-08T00:00:00.0000000Z,2007-05-08T16:02:00.0000000Z,16:02:00
        """, csv(t + " | evaluate sequence_detect(T, 1d, 5d, EventType == 'Heat', EventType == 'Fire', State)"));
    assertEquals("State,Expr1_T,Expr2_T,Duration\n",
        csv(t + " | evaluate sequence_detect(T, 5d, 1h, EventType == 'Heat', EventType == 'Fire', State)"));
  }
}
