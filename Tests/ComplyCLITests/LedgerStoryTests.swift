import Foundation
import Testing

/// The 2018 → 2019 story of the README: the 2018 result as baseline, the 2019 register, the rectification ledger.
@Suite struct LedgerStoryTests {
  static let ledger = "Samples/ngari-rectification-ledger.yaml"

  static func temporary(_ ext: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("comply-ledger-\(UUID().uuidString).\(ext)")
  }

  static func check2019(_ extra: [String]) throws -> CLIResult {
    let baseline = temporary("json")
    defer { try? FileManager.default.removeItem(at: baseline) }
    let first = try CLI.run([
      "check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "json", "--output", baseline.path,
      "--fail-on", "never",
    ])
    #expect(first.status == 0)
    return try CLI.run([
      "check", "Samples/ngari-2019-register.csv", "--as-of", "2019-12-31", "--ledger", ledger, "--baseline", baseline.path,
    ] + extra)
  }

  @Test func theThirtyFiveFindingsOf2018AreResolvedOrClosedWithEvidence() throws {
    let result = try LedgerStoryTests.check2019(["--format", "json"])
    #expect(result.status == 1, "open errors remain in 2019: \(result.stderr)")
    let report = try CLI.json(result.stdout)
    let findings = (report["findings"] as? [[String: Any]]) ?? []
    let summary = try #require(report["summary"] as? [String: Any])
    let resolved = ((summary["baseline"] as? [String: Any])?["resolved_findings"] as? [[String: String]]) ?? []
    #expect(resolved.filter { $0["rule_id"] == "acceptance-overdue" }.count == 25)
    #expect(!findings.contains { $0["rule_id"] as? String == "acceptance-overdue" })
    let cba = findings.filter { $0["rule_id"] as? String == "construction-before-approval" }
    #expect(cba.count == 10)
    for finding in cba {
      let ledger = try #require(finding["ledger"] as? [String: Any])
      #expect(ledger["status"] as? String == "closed")
      #expect((ledger["evidence"] as? String)?.contains("阿环罚〔2019〕") == true)
    }
    let ledger = try #require(summary["ledger"] as? [String: Any])
    #expect(ledger["by_status"] as? [String: Int] == ["closed": 10, "in_progress": 2, "overdue": 1, "waived": 1, "open": 17])
    let stale = (ledger["stale_entries"] as? [[String: Any]]) ?? []
    #expect(stale.count == 25)
    #expect(stale.allSatisfy { $0["rule_id"] as? String == "acceptance-overdue" && $0["status"] as? String == "rectified" })
    #expect(summary["open_findings"] as? Int == 18)
    let overdue = try #require(findings.first { ($0["ledger"] as? [String: Any])?["status"] as? String == "overdue" })
    #expect(overdue["severity"] as? String == "error")
  }

  @Test func theDueSoonSectionHeadsTextMarkdownAndHTML() throws {
    let text = try LedgerStoryTests.check2019(["--lang", "en"]).stdout
    let section = try #require(text.range(of: "—— Due soon (within 30 days) ——"))
    let firstProject = try #require(text.range(of: "ALI-2016-007 · 噶尔县"))
    #expect(section.lowerBound < firstProject.lowerBound)
    let lines = text[section.upperBound...].split(separator: "\n").prefix(2)
    #expect(lines.first?.hasPrefix("  2020-01-15 (15 days left) ALI-2016-007 ") == true)
    #expect(lines.last?.contains("2020-01-20 (20 days left) ALI-2018-010") == true)
    #expect(lines.last?.contains("[acceptance-due-soon]") == true)
    let markdown = try LedgerStoryTests.check2019(["--format", "markdown"]).stdout
    let due = try #require(markdown.range(of: "## 催办提醒（30 日内到期）"))
    #expect(due.lowerBound < (markdown.range(of: "| 读取记录 |")?.lowerBound ?? markdown.startIndex))
    let html = try LedgerStoryTests.check2019(["--format", "html"]).stdout
    let dueHTML = try #require(html.range(of: "<section class=\"due\">"))
    #expect(dueHTML.lowerBound < (html.range(of: "<section class=\"cards\">")?.lowerBound ?? html.startIndex))
    #expect(html.contains("<table class=\"matrix\">"))
  }

  @Test func everyFormatShowsTheStatus() throws {
    let csv = try LedgerStoryTests.check2019(["--format", "csv"]).stdout
    #expect(csv.split(separator: "\r\n").first?.hasSuffix(",台账状态,台账记录") == true)
    #expect(csv.contains(",已销号,已销号（佐证：阿环罚〔2019〕"))
    let sarif = try CLI.json(try LedgerStoryTests.check2019(["--format", "sarif"]).stdout)
    let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
    #expect(results.filter { $0["suppressions"] != nil }.count == 11)
    let junit = try LedgerStoryTests.check2019(["--format", "junit"]).stdout
    #expect(junit.contains("<system-out>ALI-2016-007 第7行: "))
    let markdown = try LedgerStoryTests.check2019(["--format", "markdown", "--lang", "en"]).stdout
    #expect(markdown.contains("| Severity | Rule | Message | Penalty | Remedy | Ledger |"))
    let html = try LedgerStoryTests.check2019(["--format", "html"]).stdout
    #expect(html.contains("data-ledger=\"overdue\""))
    #expect(html.contains("<select data-filter=\"ledger\">"))
  }

  @Test func exitStatusCountsOpenAndOverdueFindingsOnly() throws {
    let skeleton = LedgerStoryTests.temporary("csv")
    defer { try? FileManager.default.removeItem(at: skeleton) }
    let initialized = try CLI.run([
      "ledger", "init", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--output", skeleton.path,
    ])
    #expect(initialized.status == 0, "\(initialized.stderr)")
    #expect(initialized.stderr.contains("61 entries written"))
    let open = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--ledger", skeleton.path])
    #expect(open.status == 1)
    // Every entry rectified with evidence: nothing open, exit 0.
    let text = try String(contentsOf: skeleton, encoding: .utf8)
    try text.replacingOccurrences(of: ",未整改,,,,,", with: ",已整改,,,,,阿环罚〔2018〕1号").write(to: skeleton, atomically: true, encoding: .utf8)
    let closed = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--ledger", skeleton.path])
    #expect(closed.status == 0, "\(closed.stderr)")
    #expect(closed.stdout.contains("已销号 61，整改中 0，整改逾期 0，已豁免 0，未整改 0；仍需处理 0 项"))
    // One notice left in progress past its deadline: overdue, raised to an error, exit 1.
    var lines = try String(contentsOf: skeleton, encoding: .utf8).components(separatedBy: "\r\n")
    let notice = try #require(lines.firstIndex { $0.hasPrefix("acceptance-due-soon,") })
    lines[notice] = lines[notice].replacingOccurrences(of: ",已整改,,,,,阿环罚〔2018〕1号", with: ",整改中,,,2018-11-01,,")
    try lines.joined(separator: "\r\n").write(to: skeleton, atomically: true, encoding: .utf8)
    let overdue = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--ledger", skeleton.path])
    #expect(overdue.status == 1)
    #expect(overdue.stdout.contains("整改逾期（期限 2018-11-01，由提示升为错误）"))
  }

  @Test func ledgerInitLeavesOutWhatTheLedgerCovers() throws {
    let result = try CLI.run([
      "ledger", "init", "Samples/ngari-2019-register.csv", "--as-of", "2019-12-31", "--ledger", LedgerStoryTests.ledger,
    ])
    #expect(result.status == 0)
    let entries = result.stdout.components(separatedBy: "\n- rule: ").count - 1
    #expect(entries == 15)
    #expect(!result.stdout.contains("\"construction-before-approval\""))
    // The skeleton reads back as a ledger that covers every finding.
    let skeleton = LedgerStoryTests.temporary("yaml")
    defer { try? FileManager.default.removeItem(at: skeleton) }
    try result.stdout.write(to: skeleton, atomically: true, encoding: .utf8)
    let check = try CLI.run([
      "check", "Samples/ngari-2019-register.csv", "--as-of", "2019-12-31", "--ledger", skeleton.path, "--format", "json",
    ])
    let ledger = try #require((try CLI.json(check.stdout)["summary"] as? [String: Any])?["ledger"] as? [String: Any])
    #expect(ledger["by_status"] as? [String: Int] == ["closed": 0, "in_progress": 0, "overdue": 0, "waived": 0, "open": 31])
  }

  @Test func anInvalidLedgerIsRefusedWhole() throws {
    let bad = LedgerStoryTests.temporary("yaml")
    defer { try? FileManager.default.removeItem(at: bad) }
    try "- rule: construction-before-aproval\n  project: A\n  status: 已整改\n".write(to: bad, atomically: true, encoding: .utf8)
    let result = try CLI.run(["check", "Samples/ngari-2019-register.csv", "--as-of", "2019-12-31", "--ledger", bad.path])
    #expect(result.status == 3)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("\(bad.path):1: error: row 1: no rule 'construction-before-aproval' in the pack [ledger.unknown-rule]"))
    #expect(result.stderr.contains("did you mean 'construction-before-approval'?"))
  }
}
