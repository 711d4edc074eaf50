import ComplyEngine
import ComplyModel
import ComplyRules
import Foundation
import Testing

@testable import ComplyReport

/// A fixed run for golden files: the bundled pack with a fixed content hash, a fixed `as_of`, four projects
/// (two with findings, one clean, one undetermined), a rejected row and an input warning. Register values
/// include formula, Markdown, XML and HTML metacharacters, so that every format's escaping is on show.
enum ReportFixture {
  static let asOf = Day(year: 2018, month: 11, day: 5) ?? Day(number: 0)

  static let pack: RulePack = {
    var pack = JSONReporterTests.pack
    pack.contentHash = String(repeating: "ab", count: 32)
    return pack
  }()

  static let rows: [[String: String]] = [
    ["project_id": "P1", "name": "=HYPERLINK(\"x\")", "county": "噶尔县", "sector": "水利", "eia_category": "报告表",
     "eia_approval_date": "2018-04-10", "eia_approval_no": "藏环审〔2018〕1号", "construction_start_date": "2018-03-01",
     "total_investment_wan": "100", "env_investment_wan": "5"],
    ["project_id": "P2", "name": "A|B <b>&\"q\" *x*", "county": "普兰县", "sector": "交通", "eia_category": "报告书",
     "eia_approval_no": "藏环审〔2016〕9号", "eia_approval_date": "2016-03-01", "construction_start_date": "2016-05-01",
     "completion_date": "2017-12-01", "operation_start_date": "2018-01-10", "env_investment_wan": "20",
     "total_investment_wan": "2000"],
    ["project_id": "P3", "name": "合规项目", "county": "噶尔县", "sector": "扶贫", "eia_category": "不纳入"],
    ["project_id": "P4", "name": "-1+1", "county": "札达县", "sector": "水利", "eia_category": "报告表",
     "eia_approval_date": "2018-04-10", "construction_start_date": "明年", "env_investment_wan": "3"],
  ]

  /// Runs the fixture through a reporter and returns what it wrote.
  static func report(language: Language = .zh, _ make: (StringSink) -> any Reporter) -> String {
    let engine = Engine(pack: pack, asOf: asOf)
    let sink = StringSink()
    let reporter = make(sink)
    let options = [("as_of", "2018-11-05"), ("rules", "Rules/eia"), ("lang", language.rawValue), ("rule", "a"), ("rule", "b")]
    reporter.start(RunInfo(
      version: "test", asOf: asOf, language: language, pack: pack, rules: engine.rules, inputs: ["r.csv"],
      options: options))
    reporter.beginInput("r.csv")
    var summary = Summary()
    summary.inputs.append(Summary.Input(path: "r.csv"))
    summary.inputs[0].sha256 = String(repeating: "01", count: 32)
    for (i, cells) in rows.enumerated() {
      let judgement = engine.judge(record(cells, row: i + 2))
      summary.add(judgement)
      reporter.judged(judgement)
    }
    reporter.diagnostic(.warning(.inputBadValue, "row 5, column 开工日期: cannot read '明年' as a date",
      at: Location(file: "r.csv", line: 5, column: 0)))
    summary.warnings += 1
    reporter.rejected(RowRejection(source: RecordSource(path: "r.csv", row: 6, line: 6), reason: "blank project id"))
    summary.inputs[0].rejected += 1
    reporter.finish(summary)
    return sink.text
  }

  static func record(_ cells: [String: String], row: Int) -> Record {
    Record(
      cells: cells, schema: pack.schema, source: RecordSource(path: "r.csv", row: row, line: row),
      headers: pack.schema.fields.map { $0.headers.first })
  }
}

/// Compares reports with the files in Golden/, exactly. `COMPLY_UPDATE_GOLDEN=1 swift test` rewrites them;
/// review the diff before committing.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["COMPLY_UPDATE_GOLDEN"] == "1" {
      try Data(text.utf8).write(to: url)
      return
    }
    let expected = try #require(
      FileManager.default.contents(atPath: url.path), "no golden file \(name): run with COMPLY_UPDATE_GOLDEN=1",
      sourceLocation: sourceLocation)
    let expectedText = String(decoding: expected, as: UTF8.self)
    guard text != expectedText else { return }
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expectedText.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
    let shown = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "<end>" }
    Issue.record(
      "\(name) differs at line \(line + 1):\n  got:  \(shown(got))\n  want: \(shown(want))", sourceLocation: sourceLocation)
  }
}
