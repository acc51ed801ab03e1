package dev.kqlhunt.exec;

import dev.kqlhunt.symbols.ScalarType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code convert_angle}, {@code convert_energy}, {@code convert_force}, {@code convert_length},
 * {@code convert_mass}, {@code convert_speed}, {@code convert_temperature}, {@code convert_volume}
 * (convert-*-function.md). Kusto converts with the UnitsNet library; each unit here is its factor to
 * the quantity's base unit (UnitsNet's definitions, e.g. an acre-foot is {@code 1 / 0.000810714} m³).
 * Temperatures and the angle unit {@code Tilt} are affine or non-linear and handled apart. Unit names
 * match case-insensitively; an unknown unit or a null value gives null. Results are rounded to 15
 * significant digits so that exact conversions print exactly ({@code 1.2 Degree} is {@code 72}
 * Arcminute, not {@code 72.00000000000001}).
 */
final class UnitConversions {
  private UnitConversions() {}

  private static final MathContext FIFTEEN_DIGITS = new MathContext(15);
  private static final Map<String, Map<String, Double>> FACTORS = new HashMap<>();

  private static void quantity(String name, Object... unitsAndFactors) {
    Map<String, Double> m = new HashMap<>();
    for (int i = 0; i < unitsAndFactors.length; i += 2) {
      m.put(((String) unitsAndFactors[i]).toLowerCase(Locale.ROOT), ((Number) unitsAndFactors[i + 1]).doubleValue());
    }
    FACTORS.put(name, m);
  }

  private static final double RAD = 180 / Math.PI; // degrees per radian
  private static final double BTU = 1055.05585262;
  private static final double EV = 1.602176565e-19;
  private static final double LBF = 4.4482216152605;
  private static final double LY = 9.46073047258e15;
  private static final double PC = 3.08567758128e16;
  private static final double LB = 0.45359237;
  private static final double FT3 = 0.028316846592;
  private static final double USGAL = 0.003785411784;
  private static final double IMPGAL = 0.00454609;
  private static final double USFT = 1200.0 / 3937;

  static {
    quantity("convert_angle", "Arcminute", 1 / 60.0, "Arcsecond", 1 / 3600.0, "Centiradian", 0.01 * RAD,
        "Deciradian", 0.1 * RAD, "Degree", 1, "Gradian", 0.9, "Microdegree", 1e-6, "Microradian", 1e-6 * RAD,
        "Millidegree", 1e-3, "Milliradian", 1e-3 * RAD, "Nanodegree", 1e-9, "Nanoradian", 1e-9 * RAD,
        "NatoMil", 360 / 6400.0, "Radian", RAD, "Revolution", 360);
    quantity("convert_energy", "BritishThermalUnit", BTU, "Calorie", 4.184, "DecathermEc", 1.05505585262e9,
        "DecathermImperial", 1.05505585257348e9, "DecathermUs", 1.054804e9, "ElectronVolt", EV, "Erg", 1e-7,
        "FootPound", 1.355817948, "GigabritishThermalUnit", BTU * 1e9, "GigaelectronVolt", EV * 1e9,
        "Gigajoule", 1e9, "GigawattDay", 8.64e13, "GigawattHour", 3.6e12, "HorsepowerHour", 2.6845195377e6,
        "Joule", 1, "KilobritishThermalUnit", BTU * 1e3, "Kilocalorie", 4184, "KiloelectronVolt", EV * 1e3,
        "Kilojoule", 1e3, "KilowattDay", 8.64e7, "KilowattHour", 3.6e6, "MegabritishThermalUnit", BTU * 1e6,
        "Megacalorie", 4.184e6, "MegaelectronVolt", EV * 1e6, "Megajoule", 1e6, "MegawattDay", 8.64e10,
        "MegawattHour", 3.6e9, "Millijoule", 1e-3, "TeraelectronVolt", EV * 1e12, "TerawattDay", 8.64e16,
        "TerawattHour", 3.6e15, "ThermEc", 1.05505585262e8, "ThermImperial", 1.05505585257348e8,
        "ThermUs", 1.054804e8, "WattDay", 86400, "WattHour", 3600);
    quantity("convert_force", "Decanewton", 10, "Dyn", 1e-5, "KilogramForce", 9.80665, "Kilonewton", 1e3,
        "KiloPond", 9.80665, "KilopoundForce", LBF * 1e3, "Meganewton", 1e6, "Micronewton", 1e-6,
        "Millinewton", 1e-3, "Newton", 1, "OunceForce", LBF / 16, "Poundal", 0.138254954376,
        "PoundForce", LBF, "ShortTonForce", LBF * 2000, "TonneForce", 9806.65);
    quantity("convert_length", "Angstrom", 1e-10, "AstronomicalUnit", 1.4959787070e11, "Centimeter", 1e-2,
        "Chain", 20.1168, "DataMile", 1828.8, "Decameter", 10, "Decimeter", 0.1, "DtpPica", 0.0254 / 6,
        "DtpPoint", 0.0254 / 72, "Fathom", 1.8288, "Foot", 0.3048, "Hand", 0.1016, "Hectometer", 100,
        "Inch", 0.0254, "KilolightYear", LY * 1e3, "Kilometer", 1e3, "Kiloparsec", PC * 1e3, "LightYear", LY,
        "MegalightYear", LY * 1e6, "Megaparsec", PC * 1e6, "Meter", 1, "Microinch", 2.54e-8, "Micrometer", 1e-6,
        "Mil", 2.54e-5, "Mile", 1609.344, "Millimeter", 1e-3, "Nanometer", 1e-9, "NauticalMile", 1852,
        "Parsec", PC, "PrinterPica", 1 / 237.106301584, "PrinterPoint", 0.0254 / 72.27, "Shackle", 27.432,
        "SolarRadius", 6.95510000e8, "Twip", 0.0254 / 1440, "UsSurveyFoot", USFT, "Yard", 0.9144);
    quantity("convert_mass", "Centigram", 1e-5, "Decagram", 1e-2, "Decigram", 1e-4, "EarthMass", 5.9722e24,
        "Grain", 6.479891e-5, "Gram", 1e-3, "Hectogram", 0.1, "Kilogram", 1, "Kilopound", LB * 1e3,
        "Kilotonne", 1e6, "LongHundredweight", 50.80234544, "LongTon", 1016.0469088, "Megapound", LB * 1e6,
        "Megatonne", 1e9, "Microgram", 1e-9, "Milligram", 1e-6, "Nanogram", 1e-12, "Ounce", 0.028349523125,
        "Pound", LB, "ShortHundredweight", 45.359237, "ShortTon", 907.18474, "Slug", 14.593903,
        "SolarMass", 1.98947e30, "Stone", 6.35029318, "Tonne", 1e3);
    Object[] speed = new Object[80];
    int k = 0;
    String[] lengths = {"Centimeter", "Decimeter", "Foot", "Inch", "Kilometer", "Meter", "Micrometer", "Millimeter",
        "Nanometer", "UsSurveyFoot", "Yard"};
    double[] meters = {1e-2, 0.1, 0.3048, 0.0254, 1e3, 1, 1e-6, 1e-3, 1e-9, USFT, 0.9144};
    for (int i = 0; i < lengths.length; i++) {
      speed[k++] = lengths[i] + "PerSecond";
      speed[k++] = meters[i];
      speed[k++] = lengths[i] + "PerMinute";
      speed[k++] = meters[i] / 60;
      speed[k++] = lengths[i] + "PerHour";
      speed[k++] = meters[i] / 3600;
    }
    speed[k++] = "Knot";
    speed[k++] = 1852 / 3600.0;
    speed[k++] = "MilePerHour";
    speed[k++] = 1609.344 / 3600;
    quantity("convert_speed", java.util.Arrays.copyOf(speed, k));
    quantity("convert_volume", "AcreFoot", 1 / 0.000810714, "AuTablespoon", 2e-5, "BoardFoot", 2.3597372158e-3,
        "Centiliter", 1e-5, "CubicCentimeter", 1e-6, "CubicDecimeter", 1e-3, "CubicFoot", FT3,
        "CubicHectometer", 1e6, "CubicInch", 1.6387064e-5, "CubicKilometer", 1e9, "CubicMeter", 1,
        "CubicMicrometer", 1e-18, "CubicMile", 4.16818182544058e9, "CubicMillimeter", 1e-9,
        "CubicYard", 0.764554858, "Decaliter", 1e-2, "DecausGallon", USGAL * 10, "Deciliter", 1e-4,
        "DeciusGallon", USGAL / 10, "HectocubicFoot", FT3 * 100, "HectocubicMeter", 100, "Hectoliter", 0.1,
        "HectousGallon", USGAL * 100, "ImperialBeerBarrel", 0.16365924, "ImperialGallon", IMPGAL,
        "ImperialOunce", 2.84130625e-5, "ImperialPint", 5.6826125e-4, "KilocubicFoot", FT3 * 1e3,
        "KilocubicMeter", 1e3, "KiloimperialGallon", IMPGAL * 1e3, "Kiloliter", 1, "KilousGallon", USGAL * 1e3,
        "Liter", 1e-3, "MegacubicFoot", FT3 * 1e6, "MegaimperialGallon", IMPGAL * 1e6, "Megaliter", 1e3,
        "MegausGallon", USGAL * 1e6, "MetricCup", 2.5e-4, "MetricTeaspoon", 5e-6, "Microliter", 1e-9,
        "Milliliter", 1e-6, "OilBarrel", 0.158987294928, "UkTablespoon", 1.5e-5, "UsBeerBarrel", 0.1173477658,
        "UsCustomaryCup", 2.365882365e-4, "UsGallon", USGAL, "UsLegalCup", 2.4e-4, "UsOunce", 2.95735295625e-5,
        "UsPint", 4.73176473e-4, "UsQuart", 9.46352946e-4, "UsTablespoon", 1.478676478125e-5,
        "UsTeaspoon", 4.92892159375e-6);
  }

  static ScalarFunction lookup(String name, ScalarType[] types) {
    if (!name.startsWith("convert_")) return null;
    Map<String, Double> units = FACTORS.get(name);
    boolean temperature = name.equals("convert_temperature");
    if (units == null && !temperature) return null;
    return a -> {
      Double v = Coerce.toReal(ScalarOps.unwrap(a[0]));
      if (v == null || a[1] == null || a[2] == null) return null;
      String from = Coerce.toStringValue(a[1], types[1]).toLowerCase(Locale.ROOT);
      String to = Coerce.toStringValue(a[2], types[2]).toLowerCase(Locale.ROOT);
      Double r = temperature ? temperature(v, from, to) : convert(units, v, from, to);
      return r == null ? null : round15(r);
    };
  }

  private static Double convert(Map<String, Double> units, double v, String from, String to) {
    double base;
    if (from.equals("tilt")) {
      base = Math.asin(v) * RAD;
    } else {
      Double f = units.get(from);
      if (f == null) return null;
      base = v * f;
    }
    if (to.equals("tilt")) return Math.sin(base / RAD);
    Double t = units.get(to);
    return t == null ? null : base / t;
  }

  private static Double temperature(double v, String from, String to) {
    double kelvin = switch (from) {
      case "kelvin" -> v;
      case "degreecelsius" -> v + 273.15;
      case "millidegreecelsius" -> v / 1000 + 273.15;
      case "degreefahrenheit" -> (v + 459.67) * 5 / 9;
      case "degreerankine" -> v * 5 / 9;
      case "degreedelisle" -> 373.15 - v * 2 / 3;
      case "degreenewton" -> v * 100 / 33 + 273.15;
      case "degreereaumur" -> v * 5 / 4 + 273.15;
      case "degreeroemer" -> (v - 7.5) * 40 / 21 + 273.15;
      case "solartemperature" -> v * 5778;
      default -> Double.NaN;
    };
    if (Double.isNaN(kelvin)) return null;
    return switch (to) {
      case "kelvin" -> kelvin;
      case "degreecelsius" -> kelvin - 273.15;
      case "millidegreecelsius" -> (kelvin - 273.15) * 1000;
      case "degreefahrenheit" -> kelvin * 9 / 5 - 459.67;
      case "degreerankine" -> kelvin * 9 / 5;
      case "degreedelisle" -> (373.15 - kelvin) * 3 / 2;
      case "degreenewton" -> (kelvin - 273.15) * 33 / 100;
      case "degreereaumur" -> (kelvin - 273.15) * 4 / 5;
      case "degreeroemer" -> (kelvin - 273.15) * 21 / 40 + 7.5;
      case "solartemperature" -> kelvin / 5778;
      default -> null;
    };
  }

  private static double round15(double r) {
    if (Double.isNaN(r) || Double.isInfinite(r) || r == 0) return r;
    return new BigDecimal(r).round(FIFTEEN_DIGITS).doubleValue();
  }
}
