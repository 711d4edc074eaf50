import ComplyModel
import ComplyRules
import Foundation
import Testing

@testable import ComplyEngine

/// The bundled EIA pack, loaded once from the repository (found from this file, not the working directory).
enum BundledPack {
  static let pack: RulePack = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let result = PackLoader.loadPack(root.appendingPathComponent("Rules/eia").path)
    guard let pack = result.pack else { fatalError("the bundled pack does not load: \(result.diagnostics)") }
    return pack
  }()

  static func rule(_ id: String) -> Rule {
    guard let rule = pack.rules.first(where: { $0.id == id }) else { fatalError("no rule \(id)") }
    return rule
  }

  /// A record from field → cell text; fields not given are blank, and fields in `absent` have no column.
  static func record(_ cells: [String: String], absent: Set<String> = []) -> Record {
    let schema = pack.schema
    var values: [Value] = []
    var raw: [String?] = []
    for (i, field) in schema.fields.enumerated() {
      if absent.contains(field.name) {
        values.append(.unknown(FieldSet(i)))
        raw.append(nil)
        continue
      }
      let text = cells[field.name] ?? ""
      switch schema.parseCell(text, field: i) {
      case .blank: values.append(.null)
      case .value(let v): values.append(v)
      case .unreadable: values.append(.unknown(FieldSet(i)))
      }
      raw.append(text)
    }
    return Record(source: RecordSource(path: "t.csv", row: 2, line: 2), values: values, raw: raw, headers: schema.fields.map(\.name))
  }

  static func day(_ text: String) -> Day {
    guard let span = DateParsing.parseISO(text) else { fatalError(text) }
    return span.first
  }
}

@Suite struct EngineTests {
  let cba = BundledPack.rule("construction-before-approval")

  func judge(_ rule: Rule, _ cells: [String: String], asOf: String = "2018-11-05", absent: Set<String> = []) -> Judgement {
    Engine(pack: BundledPack.pack, rules: [rule], asOf: BundledPack.day(asOf)).judge(BundledPack.record(cells, absent: absent))
  }

  @Test func aDateAfterAsOfIsNotSetAndTheEvidenceSaysSo() throws {
    let j = judge(cba, ["eia_category": "报告表", "eia_approval_date": "2019-01-10", "construction_start_date": "2018-03-01"])
    #expect(j.verdicts == [.violation])
    let finding = try #require(j.findings.first)
    let approval = try #require(finding.evidence.first { $0.name == "eia_approval_date" })
    #expect(approval.value == "")
    #expect(approval.raw == "2019-01-10")
    #expect(approval.note?.en == "after as_of, treated as not set")
  }

  /// An engine for one language writes findings' messages and explanations in it alone, the same text an
  /// engine for both writes in that language; the other language is left empty.
  @Test func anEngineForOneLanguageWritesOnlyThatLanguage() throws {
    let cells = ["eia_category": "报告表", "eia_approval_date": "2018-04-10", "construction_start_date": "2018-03-01"]
    let record = BundledPack.record(cells)
    let asOf = BundledPack.day("2018-11-05")
    let both = try #require(Engine(pack: BundledPack.pack, rules: [cba], asOf: asOf).judge(record).findings.first)
    #expect(!both.message.zh.isEmpty && !both.message.en.isEmpty)
    #expect(both.decidedBy.allSatisfy { !$0.zh.isEmpty && !$0.en.isEmpty })
    for language in [Language.zh, .en] {
      let engine = Engine(pack: BundledPack.pack, rules: [cba], asOf: asOf, language: language)
      let one = try #require(engine.judge(record).findings.first)
      let other: Language = language == .zh ? .en : .zh
      #expect(one.message[language] == both.message[language])
      #expect(one.message[other].isEmpty)
      #expect(one.decidedBy.map { $0[language] } == both.decidedBy.map { $0[language] })
      #expect(one.decidedBy.allSatisfy { $0[other].isEmpty })
    }
  }

  @Test func aMonthOnlyDateStraddlingAsOfIsUnknownAndNamed() {
    let j = judge(cba, ["eia_category": "报告表", "eia_approval_date": "2018-01-10", "construction_start_date": "2018-11"])
    #expect(j.verdicts == [.undetermined])
    #expect(j.undetermined.first?.fields == ["construction_start_date"])
  }

  @Test func aMissingColumnGivesAnUndeterminedOutcomeMarkedAsSuch() {
    let j = judge(cba, ["eia_category": "报告表", "construction_start_date": "2018-03-01"], absent: ["eia_approval_date"])
    #expect(j.verdicts == [.undetermined])
    #expect(j.undetermined.first?.onlyMissingColumns == true)
  }

  @Test func penaltyFollowsTheLawInForceOnTheEventDate() throws {
    let base = ["eia_category": "报告书", "construction_start_date": "2015-03-01", "total_investment_wan": "1234.565"]
    var old = base
    old["completion_date"] = "2016-08-31"
    let oldLaw = try #require(judge(cba, old).findings.first?.penalty)
    #expect(oldLaw.range?.minYuan == 0)
    #expect(oldLaw.range?.maxYuan == 200_000)
    #expect(oldLaw.basis.first?.law == "eia-law-2002")
    var new = base
    new["completion_date"] = "2016-09-01"
    let newLaw = try #require(judge(cba, new).findings.first?.penalty)
    // 1% and 5% of 1234.565 万元, rounded to the yuan half away from zero.
    #expect(newLaw.range?.minYuan == 123_457)
    #expect(newLaw.range?.maxYuan == 617_283)
    let blank = try #require(judge(cba, base).findings.first?.penalty)
    #expect(blank.range?.minYuan == 123_457, "a blank completion date means construction went on past 2016-09-01")
    var unreadable = base
    unreadable["completion_date"] = "明年"
    let unknown = try #require(judge(cba, unreadable).findings.first?.penalty)
    #expect(unknown.range == nil)
    #expect(unknown.undeterminedFields == ["completion_date"])
  }

  @Test func timeBarAnnotationAndItsUncertainForm() throws {
    let cells = ["eia_category": "报告书", "construction_start_date": "2014-03-01", "completion_date": "2016-10-01"]
    #expect(judge(cba, cells).findings.first?.annotations.first?.en.hasPrefix("may be time-barred") == true)
    var month = cells
    month["completion_date"] = "2016-11"
    #expect(judge(cba, month).findings.first?.annotations.first?.en == "possibly time-barred")
    var recent = cells
    recent["completion_date"] = "2018-01-01"
    #expect(judge(cba, recent).findings.first?.annotations.isEmpty == true)
  }

  @Test func decidedByNamesTheComparison() throws {
    let j = judge(cba, ["eia_category": "报告表", "eia_approval_date": "2018-04-10", "construction_start_date": "2018-03-01"])
    let finding = try #require(j.findings.first)
    #expect(finding.decidedBy.map(\.zh) == ["开工日期 2018-03-01 < 环评批复日期 2018-04-10"])
  }

  @Test func aRuleOutsideItsPeriodInForceIsNotApplicable() {
    var rule = cba
    rule.effectiveFrom = BundledPack.day("2019-01-01")
    let j = judge(rule, ["eia_category": "报告表", "construction_start_date": "2018-03-01"])
    #expect(j.verdicts == [.notApplicable])
  }

  @Test func explainGivesEveryRuleAnOutcome() {
    let engine = Engine(pack: BundledPack.pack, asOf: BundledPack.day("2018-11-05"))
    let explanations = engine.explain(BundledPack.record(["eia_category": "登记表", "operation_start_date": "2018-01-01"]))
    #expect(explanations.count == BundledPack.pack.rules.count)
    #expect(explanations.first { $0.rule.id == "registration-not-filed" }?.verdict == .violation)
    #expect(explanations.allSatisfy { !$0.decidedBy.isEmpty })
  }

  @Test func summaryAccountsForEveryRecord() {
    var summary = Summary()
    summary.inputs.append(Summary.Input(path: "t.csv"))
    let engine = Engine(pack: BundledPack.pack, asOf: BundledPack.day("2018-11-05"))
    summary.add(engine.judge(BundledPack.record(["eia_category": "报告表", "construction_start_date": "2018-03-01"])))
    summary.inputs[0].rejected += 1
    #expect(summary.read == 2)
    #expect(summary.records == 1)
    #expect(summary.findingsByRule["construction-before-approval"] == 1)
  }
}
