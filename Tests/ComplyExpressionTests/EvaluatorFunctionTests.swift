import ComplyModel
import Testing

@testable import ComplyExpression

/// Dates (DOMAIN §3), arithmetic and the built-in functions. Every evaluation runs through both the compiled
/// `Program` and the reference `Interpreter` (`TestSchema.evaluate`), which must agree.
@Suite struct EvaluatorFunctionTests {
  /// `construction_start_date <op> eia_approval_date` with either side month-only: intervals, three-valued.
  @Test(arguments: [
    ("<", "2019-03", "2019-04-01", Truth.t),  // March ends before April 1
    ("<", "2019-03", "2019-03-31", .u),
    ("<", "2019-03", "2019-03-01", .f),  // a.first >= b.last
    ("<", "2019-03", "2019-02-28", .f),
    ("<", "2019-03-31", "2019-04", .t),
    ("<", "2019-04-01", "2019-04", .u),
    ("<", "2019-04-30", "2019-04", .f),
    ("<", "2019-03", "2019-03", .u),
    ("<", "2019-03", "2019-04", .t),
    ("<", "2019-04", "2019-03", .f),
    (">", "2019-03", "2019-02-28", .t),
    (">", "2019-03", "2019-03-31", .f),
    (">", "2019-03", "2019-03-30", .u),
    ("=", "2019-03-15", "2019-03-15", .t),
    ("=", "2019-03-15", "2019-03-16", .f),
    ("=", "2019-03", "2019-03-15", .u),
    ("=", "2019-03", "2019-04-01", .f),  // disjoint
    ("=", "2019-03", "2019-03", .u),  // the same month may hold two different days
    ("=", "2019-03", "2019-04", .f),
    ("!=", "2019-03", "2019-03-15", .u),
    ("!=", "2019-03", "2019-04-01", .t),
    ("<=", "2019-03", "2019-03-31", .t),  // not (03-31 < March)
    ("<=", "2019-03", "2019-03-15", .u),
    ("<=", "2019-03", "2019-02-28", .f),
    ("<=", "2019-03-01", "2019-03", .t),
    (">=", "2019-03", "2019-03-01", .t),  // not (March < 03-01)
    (">=", "2019-03", "2019-04-01", .f),
    (">=", "2019-03", "2019-03-02", .u),
  ])
  func monthOnlyComparisons(op: String, a: String, b: String, expected: Truth) {
    let value = TestSchema.evaluate(
      "construction_start_date \(op) eia_approval_date", ["construction_start_date": a, "eia_approval_date": b])
    // An undecidable comparison names the fields it compared.
    #expect(value == expected.value(unknownFields: ["construction_start_date", "eia_approval_date"]), "\(a) \(op) \(b)")
  }

  @Test func fullDatesCompareByDay() {
    let cells = ["construction_start_date": "2018-03-01", "eia_approval_date": "2018/3/2"]
    #expect(TestSchema.evaluate("construction_start_date < eia_approval_date", cells) == .bool(true))
    #expect(TestSchema.evaluate("construction_start_date >= eia_approval_date", cells) == .bool(false))
    #expect(TestSchema.evaluate("construction_start_date < 2018-03-01", cells) == .bool(false))
    #expect(TestSchema.evaluate("as_of > construction_start_date", cells, asOf: "2018-03-02") == .bool(true))
  }

  @Test(arguments: [
    ("add_months(completion_date, 3)", "2019-11-30", "2020-02-29"),  // clamped to the end of a leap February
    ("add_months(completion_date, 60)", "2016-02-29", "2021-02-28"),
    ("add_months(completion_date, 1)", "2019-01-31", "2019-02-28"),
    ("add_months(completion_date, -1)", "2020-03-31", "2020-02-29"),
    ("add_months(completion_date, 1)", "2019-12-15", "2020-01-15"),
    ("add_months(completion_date, -13)", "2020-01-31", "2018-12-31"),
    ("add_years(completion_date, 5)", "2016-02-29", "2021-02-28"),
    ("add_years(completion_date, 1)", "2020-02-29", "2021-02-28"),
    ("add_years(completion_date, -1)", "2019-03-01", "2018-03-01"),
    ("add_days(completion_date, 1)", "2019-12-31", "2020-01-01"),
    ("add_days(completion_date, -1)", "2020-03-01", "2020-02-29"),
    ("add_days(completion_date, 366)", "2020-01-01", "2021-01-01"),
    ("deadline", "2019-11-30", "2020-02-29"),  // a definition: add_months(completion_date, 3)
    // Month-only dates move both ends.
    ("add_months(completion_date, 1)", "2019-01", "2019-02"),
    ("add_years(completion_date, 2)", "2019-03", "2021-03"),
  ])
  func dateArithmetic(text: String, cell: String, expected: String) {
    #expect(TestSchema.evaluate(text, ["completion_date": cell]) == TestSchema.date(expected))
  }

  @Test func dateArithmeticOnMonthOnlyDatesKeepsAnInterval() {
    let march = ["completion_date": "2019-03"]
    let first = TestSchema.day("2019-03-02"), last = TestSchema.day("2019-04-01")
    #expect(TestSchema.evaluate("add_days(completion_date, 1)", march) == .date(DateSpan(first: first, last: last)))
    // February 1..28 plus one month is March 1..28, not the whole of March.
    let february = ["completion_date": "2019-02"]
    let shifted = DateSpan(first: TestSchema.day("2019-03-01"), last: TestSchema.day("2019-03-28"))
    #expect(TestSchema.evaluate("add_months(completion_date, 1)", february) == .date(shifted))
  }

  @Test func dateArithmeticWithBlankOrFractionalOperands() {
    #expect(TestSchema.evaluate("add_months(completion_date, 3)") == TestSchema.unknown("completion_date"))
    #expect(TestSchema.evaluate("add_days(completion_date, 1.5)", ["completion_date": "2019-01-01"]) == TestSchema.unknown("completion_date"))
    #expect(
      TestSchema.evaluate("add_days(completion_date, total_investment_wan)", ["completion_date": "2019-01-01"])
        == TestSchema.unknown("total_investment_wan"))
  }

  @Test func daysBetween() {
    let cells = ["completion_date": "2019-01-01", "eia_approval_date": "2019-03-01"]
    #expect(TestSchema.evaluate("days_between(completion_date, eia_approval_date)", cells) == .number(59))
    #expect(TestSchema.evaluate("days_between(eia_approval_date, completion_date)", cells) == .number(-59))
    #expect(TestSchema.evaluate("days_between(2020-02-01, 2020-03-01)") == .number(29))
    #expect(TestSchema.evaluate("days_between(completion_date, as_of)", ["completion_date": "2019-12-01"], asOf: "2020-01-01") == .number(31))
    // A month-only date has no day to count from.
    let monthOnly = ["completion_date": "2019-01", "eia_approval_date": "2019-03-01"]
    #expect(
      TestSchema.evaluate("days_between(completion_date, eia_approval_date)", monthOnly)
        == TestSchema.unknown("completion_date", "eia_approval_date"))
    #expect(
      TestSchema.evaluate("days_between(completion_date, as_of)", ["completion_date": "2019-12"], asOf: "2020-01-01")
        == TestSchema.unknown("completion_date"))
    #expect(TestSchema.evaluate("days_between(completion_date, as_of)") == TestSchema.unknown("completion_date"))
  }

  @Test func arithmetic() {
    let cells = ["total_investment_wan": "1200", "env_investment_wan": "4"]
    #expect(TestSchema.evaluate("total_investment_wan + env_investment_wan * 2", cells) == .number(1208))
    #expect(TestSchema.evaluate("(total_investment_wan + env_investment_wan) * 2", cells) == .number(2408))
    #expect(TestSchema.evaluate("total_investment_wan - 200 - 100", cells) == .number(900))
    #expect(TestSchema.evaluate("env_investment_wan / 16", cells) == .number(0.25))
    #expect(TestSchema.evaluate("-env_investment_wan * 3", cells) == .number(-12))
    #expect(TestSchema.evaluate("total_investment_wan * 10000 * 0.01", cells) == .number(120_000))
    #expect(TestSchema.evaluate("total_investment_wan + 1") == TestSchema.unknown("total_investment_wan"))
    #expect(TestSchema.evaluate("-total_investment_wan") == TestSchema.unknown("total_investment_wan"))
  }

  @Test func divisionByZeroIsUnknown() {
    let cells = ["total_investment_wan": "1200", "env_investment_wan": "0"]
    #expect(
      TestSchema.evaluate("total_investment_wan / env_investment_wan", cells)
        == TestSchema.unknown("total_investment_wan", "env_investment_wan"))
    #expect(TestSchema.evaluate("1 / 0")?.isUnknown == true)
    // ... and settled like any unknown.
    #expect(TestSchema.evaluate("is_set(name) and total_investment_wan / env_investment_wan > 1", cells) == .bool(false))
  }

  @Test func numberFunctions() {
    let cells = ["total_investment_wan": "1200", "env_investment_wan": "-4.5"]
    #expect(TestSchema.evaluate("min(total_investment_wan, env_investment_wan, 7)", cells) == .number(-4.5))
    #expect(TestSchema.evaluate("max(total_investment_wan, env_investment_wan)", cells) == .number(1200))
    #expect(TestSchema.evaluate("abs(env_investment_wan)", cells) == .number(4.5))
    #expect(TestSchema.evaluate("round(env_investment_wan)", cells) == .number(-5))  // half away from zero
    #expect(TestSchema.evaluate("round(1234.565 * 100) / 100") == .number(1234.57))
    #expect(TestSchema.evaluate("max(completion_date, 2019-01-01)", ["completion_date": "2019-03-01"]) == TestSchema.date("2019-03-01"))
    #expect(TestSchema.evaluate("max(total_investment_wan, 1)") == TestSchema.unknown("total_investment_wan"))
    // Every blank operand is named, by the compiled program and the interpreter alike.
    #expect(
      TestSchema.evaluate("min(total_investment_wan, env_investment_wan, 1)")
        == TestSchema.unknown("total_investment_wan", "env_investment_wan"))
  }

  @Test func matches() {
    let cells = ["name": "阿里地区水利局", "project_id": "XZ-2018-0042"]
    #expect(TestSchema.evaluate("matches(name, \"水利\")", cells) == .bool(true))
    #expect(TestSchema.evaluate("matches(name, \"^水利\")", cells) == .bool(false))
    #expect(TestSchema.evaluate("matches(name, \"(水利|水务)局$\")", cells) == .bool(true))
    // The text literal takes `\\` for one backslash, so the pattern sees `\d`.
    #expect(TestSchema.evaluate(#"matches(project_id, "^[A-Z]{2}-\\d{4}-\\d+$")"#, cells) == .bool(true))
    #expect(TestSchema.evaluate(#"matches(project_id, "^\\d")"#, cells) == .bool(false))
    #expect(TestSchema.evaluate("matches(name, \"水利\")") == TestSchema.unknown("name"))
    #expect(TestSchema.evaluate("not matches(name, \"水务\")", cells) == .bool(true))
  }

  @Test func textFunctions() {
    let cells = ["name": "阿里地区水利局", "project_id": "Xz-01"]
    #expect(TestSchema.evaluate("contains(name, \"水利\")", cells) == .bool(true))
    #expect(TestSchema.evaluate("starts_with(name, \"水利\")", cells) == .bool(false))
    #expect(TestSchema.evaluate("lower(project_id)", cells) == .text("xz-01"))
    #expect(TestSchema.evaluate("upper(project_id) = \"XZ-01\"", cells) == .bool(true))
    #expect(TestSchema.evaluate("length(name)", cells) == .number(7))
    #expect(TestSchema.evaluate("length([\"a\", \"b\"])") == .number(2))
    #expect(TestSchema.evaluate("contains(name, \"水\")") == TestSchema.unknown("name"))
  }

  @Test func booleansAndText() {
    #expect(TestSchema.evaluate("major_change = true", ["major_change": "Y"]) == .bool(true))
    #expect(TestSchema.evaluate("major_change != audited", ["major_change": "是", "audited": "0"]) == .bool(true))
    #expect(TestSchema.evaluate("name = \"水利局\"", ["name": " 水利局 "]) == .bool(true))  // cells are trimmed
  }
}
