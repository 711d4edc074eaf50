import ComplyModel
import Testing

@testable import ComplyExpression

/// A truth value under Kleene logic, and the cell text that makes a bool field hold it.
enum Truth: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case t, f, u

  /// `明年` is not a yes/no value, so the field is unknown, naming itself.
  var cell: String {
    switch self {
    case .t: "是"
    case .f: "否"
    case .u: "明年"
    }
  }

  var testDescription: String { rawValue.uppercased() }

  /// The expected value of an operation whose unknown operands are `fields`: unknown results name exactly the
  /// operands that were unknown.
  func value(unknownFields fields: [String]) -> Value {
    switch self {
    case .t: .bool(true)
    case .f: .bool(false)
    case .u: .unknown(FieldSet(fields.map(TestSchema.index)))
    }
  }
}

/// Every evaluation goes through `TestSchema.evaluate`, which runs the compiled `Program` and the reference
/// `Interpreter` and expects them to agree.
@Suite struct EvaluatorLogicTests {
  static let andTable: [(Truth, Truth, Truth)] = [
    (.t, .t, .t), (.t, .f, .f), (.t, .u, .u),
    (.f, .t, .f), (.f, .f, .f), (.f, .u, .f),
    (.u, .t, .u), (.u, .f, .f), (.u, .u, .u),
  ]

  static let orTable: [(Truth, Truth, Truth)] = [
    (.t, .t, .t), (.t, .f, .t), (.t, .u, .t),
    (.f, .t, .t), (.f, .f, .f), (.f, .u, .u),
    (.u, .t, .t), (.u, .f, .u), (.u, .u, .u),
  ]

  private static func unknowns(_ a: Truth, _ b: Truth) -> [String] {
    (a == .u ? ["major_change"] : []) + (b == .u ? ["audited"] : [])
  }

  @Test(arguments: andTable)
  func kleeneAnd(a: Truth, b: Truth, expected: Truth) {
    let value = TestSchema.evaluate("major_change and audited", ["major_change": a.cell, "audited": b.cell])
    #expect(value == expected.value(unknownFields: Self.unknowns(a, b)))
  }

  @Test(arguments: orTable)
  func kleeneOr(a: Truth, b: Truth, expected: Truth) {
    let value = TestSchema.evaluate("major_change or audited", ["major_change": a.cell, "audited": b.cell])
    #expect(value == expected.value(unknownFields: Self.unknowns(a, b)))
  }

  @Test(arguments: [(Truth.t, Truth.f), (.f, .t), (.u, .u)])
  func kleeneNot(a: Truth, expected: Truth) {
    let value = TestSchema.evaluate("not major_change", ["major_change": a.cell])
    #expect(value == expected.value(unknownFields: ["major_change"]))
  }

  @Test func comparingWithABlankIsUnknownNamingTheBlankField() {
    let start = ["construction_start_date": "2019-03-01"]
    #expect(TestSchema.evaluate("construction_start_date < eia_approval_date", start) == TestSchema.unknown("eia_approval_date"))
    #expect(TestSchema.evaluate("eia_approval_date > construction_start_date", start) == TestSchema.unknown("eia_approval_date"))
    #expect(
      TestSchema.evaluate("construction_start_date = eia_approval_date")
        == TestSchema.unknown("construction_start_date", "eia_approval_date"))
    #expect(TestSchema.evaluate("total_investment_wan >= 10") == TestSchema.unknown("total_investment_wan"))
    #expect(TestSchema.evaluate("name != \"x\"", ["name": "/"]) == TestSchema.unknown("name"))
    // A blank token is blank; an unreadable cell is unknown; both name their field.
    #expect(TestSchema.evaluate("eia_approval_date < 2020-01-01", ["eia_approval_date": "—"]) == TestSchema.unknown("eia_approval_date"))
    #expect(TestSchema.evaluate("eia_approval_date < 2020-01-01", ["eia_approval_date": "2018-13-45"]) == TestSchema.unknown("eia_approval_date"))
  }

  @Test func anUnknownComparisonIsSettledByAndOr() {
    #expect(TestSchema.evaluate("is_set(eia_approval_date) and eia_approval_date < as_of") == .bool(false))
    #expect(TestSchema.evaluate("not is_set(eia_approval_date) or eia_approval_date < as_of") == .bool(true))
  }

  @Test func aDateAfterAsOfHasNotHappenedYet() {
    let asOf = "2019-03-15"
    func seen(_ cell: String) -> [Value?] {
      let cells = ["completion_date": cell]
      return ["is_set(completion_date)", "is_known(completion_date)", "completion_date < 2100-01-01"].map {
        TestSchema.evaluate($0, cells, asOf: asOf)
      }
    }
    let unknown = TestSchema.unknown("completion_date")
    #expect(seen("2019-03-15") == [.bool(true), .bool(true), .bool(true)])  // on as_of: set
    #expect(seen("2019-03-16") == [.bool(false), .bool(false), unknown])  // after: not set
    #expect(seen("2019-02") == [.bool(true), .bool(true), .bool(true)])  // a month wholly before as_of: set
    #expect(seen("2019-04") == [.bool(false), .bool(false), unknown])  // a month wholly after: not set
    #expect(seen("2019-03") == [unknown, .bool(false), unknown])  // straddles as_of: unknown
    // as_of itself is always a full date.
    #expect(TestSchema.evaluate("as_of = 2019-03-15", asOf: asOf) == .bool(true))
  }

  @Test func isSetIsEmptyIsKnown() {
    let cases: [(String, Value, Value, Value)] = [
      ("", .bool(false), .bool(true), .bool(false)),  // blank
      ("无", .bool(false), .bool(true), .bool(false)),  // blank token
      ("明年", TestSchema.unknown("completion_date"), TestSchema.unknown("completion_date"), .bool(false)),  // unreadable
      ("2019-03-01", .bool(true), .bool(false), .bool(true)),
      ("2019-03", .bool(true), .bool(false), .bool(true)),
    ]
    for (cell, set, empty, known) in cases {
      let cells = ["completion_date": cell]
      #expect(TestSchema.evaluate("is_set(completion_date)", cells) == set, "is_set(\(cell))")
      #expect(TestSchema.evaluate("is_empty(completion_date)", cells) == empty, "is_empty(\(cell))")
      #expect(TestSchema.evaluate("is_known(completion_date)", cells) == known, "is_known(\(cell))")
    }
  }

  @Test func presenceOfAnExpression() {
    // A comparison a blank makes unknown is not set either way: is_known says false, is_set stays unknown.
    #expect(TestSchema.evaluate("is_known(completion_date < as_of)") == .bool(false))
    #expect(TestSchema.evaluate("is_set(completion_date < as_of)") == TestSchema.unknown("completion_date"))
    #expect(TestSchema.evaluate("is_set(coalesce(completion_date, eia_approval_date))") == .bool(false))
  }

  @Test func coalesceTakesTheFirstSetArgument() {
    let both = ["completion_date": "2019-03-01", "eia_approval_date": "2018-01-01"]
    #expect(TestSchema.evaluate("coalesce(completion_date, eia_approval_date)", both) == TestSchema.date("2019-03-01"))
    #expect(
      TestSchema.evaluate("coalesce(completion_date, eia_approval_date)", ["eia_approval_date": "2018-01-01"])
        == TestSchema.date("2018-01-01"))
    #expect(TestSchema.evaluate("coalesce(completion_date, eia_approval_date)") == .null)
    // Null in, null out: the comparison that uses it names every field that could have filled it.
    #expect(
      TestSchema.evaluate("coalesce(completion_date, eia_approval_date) < as_of")
        == TestSchema.unknown("completion_date", "eia_approval_date"))
  }

  @Test func coalesceStopsAtAnUnknownAndIsLazyAfterASetValue() {
    // An unreadable first argument might have been set: the result is unknown, even though the second is set.
    let unknownFirst = ["completion_date": "明年", "eia_approval_date": "2018-01-01"]
    #expect(TestSchema.evaluate("coalesce(completion_date, eia_approval_date)", unknownFirst) == TestSchema.unknown("completion_date"))
    // Once an argument is set, later unknown arguments do not matter.
    let unknownSecond = ["completion_date": "2019-03-01", "eia_approval_date": "明年"]
    #expect(TestSchema.evaluate("coalesce(completion_date, eia_approval_date)", unknownSecond) == TestSchema.date("2019-03-01"))
  }

  @Test func ifTakesOneBranchLazily() {
    let cells = ["total_investment_wan": "100", "env_investment_wan": "明年"]
    #expect(TestSchema.evaluate("if(major_change, total_investment_wan, env_investment_wan)", cells.merging(["major_change": "是"]) { a, _ in a }) == .number(100))
    // The untaken branch is never evaluated, so its unknown does not leak.
    #expect(
      TestSchema.evaluate("if(major_change, env_investment_wan, total_investment_wan)", cells.merging(["major_change": "否"]) { a, _ in a })
        == .number(100))
    #expect(
      TestSchema.evaluate("if(major_change, total_investment_wan, 0)", cells.merging(["major_change": "明年"]) { a, _ in a })
        == TestSchema.unknown("major_change"))
  }

  @Test func ifWithABlankConditionIsUnknown() {
    #expect(TestSchema.evaluate("if(major_change, 12, 3)")?.isUnknown == true)
    #expect(TestSchema.evaluate("if(is_set(completion_date), 12, 3)") == .number(3))
  }

  @Test func inWithUnknowns() {
    let list = "eia_category in [\"报告书\", \"报告表\"]"
    #expect(TestSchema.evaluate(list, ["eia_category": "环境影响报告书"]) == .bool(true))
    #expect(TestSchema.evaluate(list, ["eia_category": "登记表"]) == .bool(false))
    #expect(TestSchema.evaluate(list, ["eia_category": "其他"]) == TestSchema.unknown("eia_category"))
    #expect(TestSchema.evaluate(list) == TestSchema.unknown("eia_category"))
    #expect(TestSchema.evaluate("eia_category not in [\"登记表\"]", ["eia_category": "报告书"]) == .bool(true))
    #expect(TestSchema.evaluate("eia_category not in [\"登记表\"]", ["eia_category": "?"]) == TestSchema.unknown("eia_category"))
    // An undecidable item leaves `in` unknown unless another item matches.
    let dates = "construction_start_date in [eia_approval_date, 2019-01-01]"
    let monthOnly = ["eia_approval_date": "2019-03"]
    #expect(
      TestSchema.evaluate(dates, monthOnly.merging(["construction_start_date": "2019-03-10"]) { a, _ in a })
        == TestSchema.unknown("construction_start_date", "eia_approval_date"))
    #expect(TestSchema.evaluate(dates, monthOnly.merging(["construction_start_date": "2019-01-01"]) { a, _ in a }) == .bool(true))
    #expect(TestSchema.evaluate(dates, monthOnly.merging(["construction_start_date": "2019-05-10"]) { a, _ in a }) == .bool(false))
    // A blank item cannot be compared either.
    #expect(TestSchema.evaluate(dates, ["construction_start_date": "2019-03-10"])?.isUnknown == true)
  }
}
