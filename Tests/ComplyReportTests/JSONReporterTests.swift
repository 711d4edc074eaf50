import ComplyEngine
import ComplyModel
import ComplyRules
import Foundation
import Testing

@testable import ComplyReport

/// The JSON report's documented shape: key order, types, and that findings stream before the end-of-run fields.
@Suite struct JSONReporterTests {
  static let pack: RulePack = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    guard let pack = PackLoader.loadPack(root.appendingPathComponent("Rules/eia").path).pack else {
      fatalError("the bundled pack does not load")
    }
    return pack
  }()

  func record(_ cells: [String: String], row: Int) -> Record { ReportFixture.record(cells, row: row) }

  func report() -> (text: String, sinkAfterFirstFinding: String) {
    let engine = Engine(pack: Self.pack, asOf: Day(year: 2018, month: 11, day: 5) ?? Day(number: 0))
    let sink = StringSink()
    let reporter = JSONReporter(sink: sink)
    reporter.start(
      RunInfo(version: "test", asOf: engine.asOf, language: .zh, pack: Self.pack, rules: engine.rules, inputs: ["r.csv"], options: [("as_of", "2018-11-05")]))
    reporter.beginInput("r.csv")
    var summary = Summary()
    summary.inputs.append(Summary.Input(path: "r.csv"))
    let j = engine.judge(record(
      ["project_id": "P1", "county": "噶尔县", "eia_category": "报告表", "eia_approval_date": "2018-04-10",
       "construction_start_date": "2018-03-01", "total_investment_wan": "100"], row: 2))
    summary.add(j)
    reporter.judged(j)
    let streamed = sink.text
    reporter.rejected(RowRejection(source: RecordSource(path: "r.csv", row: 3, line: 3), reason: "expected 21 fields, found 3"))
    summary.inputs[0].rejected += 1
    reporter.finish(summary)
    return (sink.text, streamed)
  }

  @Test func findingsAreWrittenAsTheyAreFound() {
    let (_, streamed) = report()
    #expect(streamed.contains("\"rule_id\":\"construction-before-approval\""))
    #expect(!streamed.contains("\"summary\""))
  }

  @Test func topLevelKeysComeInTheDocumentedOrder() throws {
    let (text, _) = report()
    let keys = ["tool", "version", "as_of", "language", "pack", "rules", "options", "findings", "undetermined",
                "rejected_rows", "diagnostics", "inputs", "summary"]
    let positions = keys.map { text.range(of: "\n  \"\($0)\":")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil }, "\(text)")
    let found = positions.compactMap { $0 }
    #expect(found == found.sorted())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(object.keys) == Set(keys))
  }

  @Test func aFindingCarriesItsEvidenceDownToTheCell() throws {
    let (text, _) = report()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    let cba = try #require(findings.first { $0["rule_id"] as? String == "construction-before-approval" })
    #expect(cba["record_id"] as? String == "P1")
    #expect(cba["row"] as? Int == 2)
    #expect(cba["severity"] as? String == "error")
    let evidence = try #require(cba["evidence"] as? [String: [String: Any]])
    #expect(evidence["construction_start_date"]?["header"] as? String == "开工日期")
    #expect(evidence["construction_start_date"]?["raw"] as? String == "2018-03-01")
    #expect(evidence["construction_start_date"]?["value"] as? String == "2018-03-01")
    #expect((cba["decided_by"] as? [String])?.first == "开工日期 2018-03-01 < 环评批复日期 2018-04-10")
    let penalty = try #require(cba["penalty"] as? [String: Any])
    #expect(penalty["min_yuan"] as? Int == 10_000)
    #expect(penalty["max_yuan"] as? Int == 50_000)
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["records_read"] as? Int == 2)
    #expect(summary["records_rejected"] as? Int == 1)
    let rejected = try #require(object["rejected_rows"] as? [[String: Any]])
    #expect(rejected.first?["line"] as? Int == 3)
  }

  @Test func stringsAreEscaped() {
    var out = ""
    JSON.escape("a\"b\\c\n\u{1}中", into: &out)
    #expect(out == "\"a\\\"b\\\\c\\n\\u0001中\"")
  }
}
