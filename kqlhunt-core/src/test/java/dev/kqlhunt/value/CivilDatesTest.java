package dev.kqlhunt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CivilDatesTest {

  /** Every day of 0001..9999 round-trips and agrees with java.time. */
  @Test
  void agreesWithJavaTimeOnEveryDay() {
    long first = LocalDate.of(1, 1, 1).toEpochDay();
    long last = LocalDate.of(9999, 12, 31).toEpochDay();
    for (long day = first; day <= last; day++) {
      int p = CivilDates.fromEpochDay(day);
      LocalDate d = LocalDate.ofEpochDay(day);
      if (CivilDates.year(p) != d.getYear()
          || CivilDates.month(p) != d.getMonthValue()
          || CivilDates.day(p) != d.getDayOfMonth()) {
        assertEquals(d.toString(), CivilDates.year(p) + "-" + CivilDates.month(p) + "-" + CivilDates.day(p));
      }
      if (CivilDates.toEpochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) != day) {
        assertEquals(day, CivilDates.toEpochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
      }
    }
  }

  @Test
  void monthArithmeticAgreesWithJavaTime() {
    long seed = System.nanoTime();
    System.out.println("CivilDatesTest seed=" + seed);
    Random rnd = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      LocalDate d = LocalDate.of(1 + rnd.nextInt(9999), 1 + rnd.nextInt(12), 1).plusDays(rnd.nextInt(31));
      int months = rnd.nextInt(2400) - 1200;
      LocalDate expected = d.plusMonths(months);
      int p = CivilDates.plusMonths(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), months);
      if (expected.getYear() < 1 || expected.getYear() > 9999) {
        assertEquals(CivilDates.INVALID, p, "seed=" + seed);
      } else {
        assertEquals(expected.toString(),
            LocalDate.of(CivilDates.year(p), CivilDates.month(p), CivilDates.day(p)).toString(),
            "seed=" + seed);
        assertEquals(expected.getDayOfYear(),
            CivilDates.dayOfYear(CivilDates.year(p), CivilDates.month(p), CivilDates.day(p)));
      }
    }
    assertEquals(0, ChronoUnit.DAYS.between(LocalDate.of(1970, 1, 1), LocalDate.ofEpochDay(0)));
  }
}
