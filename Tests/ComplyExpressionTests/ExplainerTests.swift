import ComplyModel
import Testing

@testable import ComplyExpression

/// The facts that decided `text` for these cells, in both languages.
private func decidedBy(
  _ text: String, _ cells: [String: String], sourceLocation: SourceLocation = #_sourceLocation
) -> [LocalizedText] {
  guard let checked = TestSchema.check(text, sourceLocation: sourceLocation) else { return [] }
  let explainer = Explainer(
    schema: TestSchema.schema, definitionTitles: ["deadline": LocalizedText(zh: "验收期限", en: "Acceptance deadline")])
  return explainer.explain(checked, TestSchema.bindings(cells))
}

private func zh(_ facts: [LocalizedText]) -> [String] { facts.map(\.zh) }
private func en(_ facts: [LocalizedText]) -> [String] { facts.map(\.en) }

@Suite struct ExplainerTests {
  @Test func aComparisonThatHolds() {
    let facts = decidedBy(
      "construction_start_date < eia_approval_date",
      ["construction_start_date": "2018-03-01", "eia_approval_date": "2018-04-10"])
    #expect(zh(facts) == ["开工日期 2018-03-01 < 环评批复日期 2018-04-10"])
    #expect(en(facts) == ["Construction start date 2018-03-01 < EIA approval date 2018-04-10"])
  }

  @Test func aComparisonThatFailsShowsTheOperatorThatHeld() {
    let cells = ["construction_start_date": "2018-05-01", "eia_approval_date": "2018-04-10"]
    #expect(zh(decidedBy("construction_start_date < eia_approval_date", cells)) == ["开工日期 2018-05-01 ≥ 环评批复日期 2018-04-10"])
    #expect(zh(decidedBy("construction_start_date <= eia_approval_date", cells)) == ["开工日期 2018-05-01 > 环评批复日期 2018-04-10"])
    #expect(zh(decidedBy("eia_approval_date >= construction_start_date", cells)) == ["环评批复日期 2018-04-10 < 开工日期 2018-05-01"])
    #expect(zh(decidedBy("eia_approval_date = construction_start_date", cells)) == ["环评批复日期 2018-04-10 ≠ 开工日期 2018-05-01"])
  }

  @Test func anUndecidedComparisonIsMarked() {
    let cells = ["construction_start_date": "2018-04", "eia_approval_date": "2018-04-10"]
    #expect(zh(decidedBy("construction_start_date < eia_approval_date", cells)) == ["开工日期 2018-04 ?< 环评批复日期 2018-04-10"])
  }

  @Test func notIsSetOfABlankField() {
    let facts = decidedBy("not is_set(eia_approval_date)", [:])
    #expect(zh(facts) == ["环评批复日期（未填写）"])
    #expect(en(facts) == ["EIA approval date (not set)"])
    // When the field is set, its value decides.
    #expect(zh(decidedBy("not is_set(eia_approval_date)", ["eia_approval_date": "2018-04-10"])) == ["环评批复日期 2018-04-10"])
    #expect(zh(decidedBy("is_set(eia_approval_date)", ["eia_approval_date": "明年"])) == ["环评批复日期（无法确定）"])
  }

  @Test func anOrIsDecidedByItsFirstTrueOperand() {
    let text = "not is_set(eia_approval_date) or construction_start_date < eia_approval_date"
    #expect(zh(decidedBy(text, ["construction_start_date": "2018-03-01"])) == ["环评批复日期（未填写）"])
    let both = ["construction_start_date": "2018-03-01", "eia_approval_date": "2018-04-10"]
    #expect(zh(decidedBy(text, both)) == ["开工日期 2018-03-01 < 环评批复日期 2018-04-10"])
    // False: every operand counted.
    let late = ["construction_start_date": "2018-05-01", "eia_approval_date": "2018-04-10"]
    #expect(zh(decidedBy(text, late)) == ["环评批复日期 2018-04-10", "开工日期 2018-05-01 ≥ 环评批复日期 2018-04-10"])
  }

  @Test func anAndIsDecidedByItsFirstFalseOperand() {
    let text = "is_set(construction_start_date) and construction_start_date < eia_approval_date"
    #expect(zh(decidedBy(text, [:])) == ["开工日期（未填写）"])
    // Unknown: only the unknown operands are named.
    let unknown = ["construction_start_date": "2018-03-01", "eia_approval_date": "明年"]
    #expect(zh(decidedBy(text, unknown)) == ["开工日期 2018-03-01 ?< 环评批复日期（无法确定）"])
  }

  @Test func definitionsAndAsOfAreShownByTitle() {
    let facts = decidedBy("as_of > deadline", ["completion_date": "2019-06-30"])
    #expect(zh(facts) == ["检查基准日 2030-06-30 > 验收期限 2019-09-30"])
    #expect(en(facts) == ["as_of 2030-06-30 > Acceptance deadline 2019-09-30"])
  }

  @Test func inShowsMembershipAndTheListAsWritten() {
    let text = "eia_category in [\"报告书\", \"报告表\"]"
    #expect(zh(decidedBy(text, ["eia_category": "登记表"])) == ["环评类别 登记表 ∉ [报告书, 报告表]"])
    #expect(en(decidedBy(text, ["eia_category": "环境影响报告书"])) == ["EIA category 报告书 ∈ [报告书, 报告表]"])
  }

  @Test func aComputedOperandIsShownWithItsSource() {
    #expect(
      zh(decidedBy("add_months(completion_date, 3) < as_of", ["completion_date": "2019-01-01"]))
        == ["add_months(completion_date, 3) = 2019-04-01 < 检查基准日 2030-06-30"])
  }
}
