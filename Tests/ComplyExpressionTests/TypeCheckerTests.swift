import ComplyModel
import Testing

@testable import ComplyExpression

/// The checked tree with every node's type: `(< construction_start_date~date 5~number)~bool`.
private func typed(_ expr: CheckedExpr) -> String {
  let body: String
  switch expr.kind {
  case .constant(let value): body = value.description
  case .field(let index): body = TestSchema.schema.fields[index].name
  case .asOf: body = "as_of"
  case .definition(let name, _): body = name
  case .list(let items): body = "[" + items.map(typed).joined(separator: " ") + "]"
  case .not(let a): body = "(not \(typed(a)))"
  case .and(let a, let b): body = "(and \(typed(a)) \(typed(b)))"
  case .or(let a, let b): body = "(or \(typed(a)) \(typed(b)))"
  case .call(let builtin, let arguments):
    body = "(" + ([builtin.name] + arguments.map(typed)).joined(separator: " ") + ")"
  }
  return "\(body)~\(expr.type)"
}

private func at(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

@Suite struct TypeCheckerTests {
  @Test(arguments: [
    ("construction_start_date < eia_approval_date",
     "(< construction_start_date~date eia_approval_date~date)~bool"),
    ("add_months(completion_date, 3) <= as_of",
     "(<= (add_months completion_date~date 3~number)~date as_of~date)~bool"),
    ("deadline < as_of", "(< deadline~date as_of~date)~bool"),
    ("coalesce(construction_start_date, completion_date)",
     "(coalesce construction_start_date~date completion_date~date)~date"),
    ("eia_category in [\"报告书\", \"报告表\"]", "(in eia_category~text [报告书~text 报告表~text]~list of text)~bool"),
    ("if(major_change, 12, 3) * total_investment_wan",
     "(* (if major_change~bool 12~number 3~number)~number total_investment_wan~number)~number"),
    ("days_between(completion_date, as_of) > 90",
     "(> (days_between completion_date~date as_of~date)~number 90~number)~bool"),
    ("not is_set(x_missing_guard) or true", "<error>"),
    ("length([]) = 0", "(= (length []~list of any)~number 0~number)~bool"),
  ])
  func typesOfWellFormedExpressions(text: String, expected: String) {
    if expected == "<error>" {
      #expect(!TestSchema.errors(text).isEmpty)
    } else {
      #expect(TestSchema.check(text).map(typed) == expected)
    }
  }

  @Test func fieldsReadAreCollected() throws {
    let checked = try #require(TestSchema.check("deadline < as_of and total_investment_wan > 0"))
    #expect(Set(checked.fields) == [TestSchema.index("completion_date"), TestSchema.index("total_investment_wan")])
  }

  @Test func unknownFieldSuggestsTheClosestName() {
    #expect(TestSchema.errors("construction_start < eia_approval_date") == [
      ExpressionError(
        .exprUnknownField, "unknown field 'construction_start'", at: at(0, 1),
        notes: ["did you mean 'construction_start_date'?"])
    ])
    #expect(TestSchema.errors("is_set(eia_aproval_date)") == [
      ExpressionError(.exprUnknownField, "unknown field 'eia_aproval_date'", at: at(0, 8), notes: ["did you mean 'eia_approval_date'?"])
    ])
    // Definitions and as_of are names too.
    #expect(TestSchema.errors("as_of > dedline").first?.notes == ["did you mean 'deadline'?"])
    #expect(TestSchema.errors("asof > deadline").first?.notes == ["did you mean 'as_of'?"])
    // Nothing close: no note.
    #expect(TestSchema.errors("zzzz").first?.notes == [])
  }

  @Test func datesAndNumbersDoNotMix() {
    #expect(TestSchema.errors("construction_start_date < 5") == [
      ExpressionError(.exprType, "operand of '<': cannot combine date with number", at: at(0, 27))
    ])
    #expect(TestSchema.errors("total_investment_wan >= eia_approval_date") == [
      ExpressionError(.exprType, "operand of '>=': cannot combine number with date", at: at(0, 25))
    ])
    #expect(TestSchema.errors("completion_date + 90") == [
      ExpressionError(.exprType, "operand of '+': expected number, found date", at: at(0, 1))
    ])
    #expect(TestSchema.errors("-completion_date") == [
      ExpressionError(.exprType, "operand of '-': expected number, found date", at: at(0, 2))
    ])
    #expect(TestSchema.errors("add_days(completion_date, eia_approval_date)") == [
      ExpressionError(.exprType, "argument 2 of 'add_days': expected number, found date", at: at(0, 27))
    ])
    #expect(TestSchema.errors("days_between(completion_date, 30)") == [
      ExpressionError(.exprType, "argument 2 of 'days_between': expected date, found number", at: at(0, 31))
    ])
  }

  @Test func otherTypeErrors() {
    #expect(TestSchema.errors("not total_investment_wan") == [
      ExpressionError(.exprType, "expected bool, found number", at: at(0, 5))
    ])
    #expect(TestSchema.errors("major_change < audited") == [
      ExpressionError(.exprType, "operand of '<': expected number, date, text, found bool", at: at(0, 1))
    ])
    #expect(TestSchema.errors("if(major_change, 1, \"x\")") == [
      ExpressionError(.exprType, "argument 3 of 'if': both branches must have one type: number and text", at: at(0, 21))
    ])
    #expect(TestSchema.errors("total_investment_wan + 1", expecting: .bool) == [
      ExpressionError(.exprType, "expected a bool expression, found number", at: at(0, 1))
    ])
  }

  @Test func unknownFunctionSuggestsTheClosestName() {
    #expect(TestSchema.errors("is_sett(completion_date)") == [
      ExpressionError(.exprUnknownFunction, "unknown function 'is_sett'", at: at(0, 1), notes: ["did you mean 'is_set'?"])
    ])
    #expect(TestSchema.errors("x or add_month(completion_date, 3) < as_of").contains(
      ExpressionError(.exprUnknownFunction, "unknown function 'add_month'", at: at(0, 6), notes: ["did you mean 'add_months'?"])))
  }

  @Test func argumentCounts() {
    #expect(TestSchema.errors("is_set(completion_date, eia_approval_date)") == [
      ExpressionError(.exprArity, "'is_set' takes 1 argument(s), found 2", at: at(0, 1))
    ])
    #expect(TestSchema.errors("add_months(completion_date)") == [
      ExpressionError(.exprArity, "'add_months' takes 2 argument(s), found 1", at: at(0, 1))
    ])
    #expect(TestSchema.errors("coalesce()") == [
      ExpressionError(.exprArity, "'coalesce' takes at least 1 argument(s), found 0", at: at(0, 1))
    ])
    #expect(TestSchema.errors("min(total_investment_wan) > 0") == [
      ExpressionError(.exprArity, "'min' takes 2 to 16 argument(s), found 1", at: at(0, 1))
    ])
  }

  @Test func enumLiteralsMustBeCanonical() {
    #expect(TestSchema.errors("eia_category = \"报告\"") == [
      ExpressionError(
        .exprLiteral, "'报告' is not a value of eia_category (报告书, 报告表, 登记表, 不纳入)", at: at(0, 16),
        notes: ["did you mean '报告书'?"])
    ])
    // The literal may stand on either side.
    #expect(TestSchema.errors("\"报告\" != eia_category").first?.position == at(0, 1))
  }

  @Test func aSpellingIsNotACanonicalValue() {
    #expect(TestSchema.errors("eia_category in [\"环境影响报告书\", \"报告表\"]") == [
      ExpressionError(
        .exprLiteral, "'环境影响报告书' is not a value of eia_category (报告书, 报告表, 登记表, 不纳入)", at: at(0, 18),
        notes: ["'环境影响报告书' is a spelling of '报告书'; conditions use canonical values"])
    ])
    #expect(TestSchema.errors("eia_category not in [\"报告书\", \"豁免\"]").map(\.position) == [at(0, 29)])
  }

  @Test func listTypeErrors() {
    #expect(TestSchema.errors("eia_category in [\"报告书\", 1]") == [
      ExpressionError(.exprType, "a list holds one type: found number after text", at: at(0, 25))
    ])
    #expect(TestSchema.errors("total_investment_wan in [\"a\"]") == [
      ExpressionError(.exprType, "operand of 'in': cannot look for number in a list of text", at: at(0, 1))
    ])
    #expect(TestSchema.errors("eia_category in \"报告书\"") == [
      ExpressionError(.exprType, "operand of 'in': expected a list, found text", at: at(0, 17))
    ])
  }

  @Test func aBadPatternIsReportedWhereItGoesWrong() {
    let errors = TestSchema.errors("matches(project_id, \"^[0-9\")")
    #expect(errors.map(\.code) == [.exprPattern])
    #expect(TestSchema.errors("matches(project_id, name)") == [
      ExpressionError(.exprPattern, "the pattern must be a text literal", at: at(0, 21))
    ])
  }

  @Test func everyErrorIsCollectedAndSortedByPosition() {
    let errors = TestSchema.errors("foo < 1 and is_sett(x)\n  or eia_category = \"报告\" or completion_date + 1 > 0")
    #expect(errors.map(\.code) == [.exprUnknownField, .exprUnknownFunction, .exprLiteral, .exprType])
    #expect(errors.map(\.position) == [at(0, 1), at(0, 13), at(1, 21), at(1, 29)])
  }

  @Test func oneMistakeDoesNotCascade() {
    #expect(TestSchema.errors("foo + 1 < 2 and add_days(foo, 1) > as_of").map(\.code) == [.exprUnknownField, .exprUnknownField])
    #expect(TestSchema.errors("is_sett(x) and not is_sett(y)").count == 2)
  }
}
