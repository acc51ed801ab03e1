package dev.kqlhunt.binder;

import dev.kqlhunt.diag.DiagnosticCode;

/**
 * The binder's diagnostic codes ({@code KQL2xxx}) with their message templates. The comment beside
 * each names the official parser's code for the same condition, which the conformance test uses to
 * compare verdicts. Codes are stable: never renumber, only append.
 */
public enum BindErrors implements DiagnosticCode {
  /** KS204. */
  UNKNOWN_TABLE("KQL2001", "The name '%s' does not refer to any known table, tabular variable or function.%s"),
  /** KS142. */
  UNKNOWN_NAME("KQL2002", "The name '%s' does not refer to any known column, table, variable or function.%s"),
  /** KS211. */
  UNKNOWN_FUNCTION("KQL2003", "The name '%s' does not refer to any known function.%s"),
  /** KS119, KS120, KS121. */
  WRONG_ARGUMENT_COUNT("KQL2004", "The function '%s' expects %s."),
  /** KS107. */
  ARGUMENT_TYPE("KQL2005", "A value of type %s expected, but the argument has type %s."),
  /** KS106. */
  OPERATOR_TYPES("KQL2006", "The operator '%s' is not defined for the operand types %s and %s."),
  /** KS141. */
  EXPECTED_TYPE("KQL2007", "The expression must have the type %s, but has type %s."),
  /** KS144. */
  AGGREGATE_NOT_ALLOWED("KQL2008", "The aggregate function '%s' is not allowed in this context."),
  /** KS236. */
  NOT_AN_AGGREGATE("KQL2009", "The name '%s' is not an aggregate function."),
  /** KS006. */
  JOIN_WITHOUT_ON("KQL2010", "Missing join on condition clause."),
  /** KS145. */
  JOIN_COLUMN_MISSING("KQL2011", "The column '%s' must exist on both sides of the join."),
  /** KS171. */
  DUPLICATE_COLUMN("KQL2012", "A column with the name '%s' is already declared."),
  /** KS111. */
  TABULAR_EXPECTED("KQL2013", "Tabular value expected."),
  /** KS108. */
  SCALAR_EXPECTED("KQL2014", "Scalar value expected."),
  /** KS174. */
  OPERATOR_FIRST("KQL2015", "The operator cannot be the first operator in a query."),
  /** KS117. */
  ARGUMENT_LIST_REQUIRED("KQL2016", "The function '%s' requires an argument list."),
  /** KS109. */
  COLUMN_NAME_EXPECTED("KQL2017", "Column name expected."),
  /** KS160. */
  UNKNOWN_TYPE("KQL2018", "The name '%s' is not a valid type name."),
  /** KS129, KS131. */
  CONSTANT_EXPECTED("KQL2019", "The expression must be a constant."),
  /** KS232. */
  NO_COMMON_TYPE("KQL2020", "No common type can be determined from the arguments (%s)."),
  /** KS147. */
  ELEMENT_ACCESS_NOT_ALLOWED("KQL2021", "The element access operator [] is not allowed in this context."),
  /** KS182, KS183. */
  JOIN_CONDITION_FORM(
      "KQL2022",
      "The join condition must be the name of a column common to both tables or $left.<column> == $right.<column>."),
  /** KS116. */
  DYNAMIC_NOT_ALLOWED("KQL2023", "The value of type 'dynamic' is not allowed in this context."),
  /** KS173. */
  DATATABLE_VALUE_COUNT("KQL2024", "Incorrect number of data values: the values should appear in multiples of %d."),
  /** KS134. */
  INTEGER_EXPECTED("KQL2025", "The expression value must be an integer."),
  /** KS110. */
  RENAME_EXPECTED("KQL2026", "Column rename assignment expected."),
  /** KS190. */
  NO_COLUMNS("KQL2027", "The table has no columns."),
  /** KS103 and other cases our binder does not model: reported once so users know. */
  UNSUPPORTED("KQL2028", "%s is not supported by kqlhunt's binder; its result schema is a best effort."),
  /** KS101, KS102. */
  PARSE_PATTERN("KQL2029", "In a parse pattern, %s."),
  /** KS236 in summarize: a column outside any aggregate. */
  NOT_AGGREGATED("KQL2030", "The expression '%s' is not an aggregate: summarize needs an aggregate function here."),
  /** A {@code declare pattern} invoked with arguments that none of its definitions lists. */
  PATTERN_NO_MATCH("KQL2031", "No definition of pattern '%s' matches %s."),
  /** A table read after {@code restrict access to (...)} that the list does not name. */
  RESTRICTED_TABLE("KQL2032", "The table '%s' is not accessible here: a restrict statement does not list it.");

  private final String id;
  private final String template;

  BindErrors(String id, String template) {
    this.id = id;
    this.template = template;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String template() {
    return template;
  }
}
