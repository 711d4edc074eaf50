import ComplyModel
import Foundation
import Testing

@testable import ComplyReport

/// Every format on the fixed fixture run, compared with its golden file.
@Suite struct GoldenReportTests {
  @Test func sarif() throws {
    try Golden.check(ReportFixture.report { SARIFReporter(sink: $0) }, "report.sarif")
    try Golden.check(ReportFixture.report(language: .en) { SARIFReporter(sink: $0) }, "report.en.sarif")
  }

  @Test func sarifIsOneJSONDocument() throws {
    let text = ReportFixture.report { SARIFReporter(sink: $0) }
    let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(Set(results.compactMap { $0["level"] as? String }).isSubset(of: ["error", "warning", "note"]))
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == true)
    #expect((invocation["toolExecutionNotifications"] as? [Any])?.count == 2, "the warning and the rejected row")
  }

  @Test func text() throws {
    try Golden.check(ReportFixture.report { TextReporter(sink: $0) }, "report.txt")
    try Golden.check(ReportFixture.report(language: .en) { TextReporter(sink: $0) }, "report.en.txt")
  }

  @Test func junit() throws {
    try Golden.check(ReportFixture.report { JUnitReporter(sink: $0) }, "report.junit.xml")
    try Golden.check(ReportFixture.report(language: .en) { JUnitReporter(sink: $0) }, "report.en.junit.xml")
  }

  @Test func markdown() throws {
    try Golden.check(ReportFixture.report { MarkdownReporter(sink: $0) }, "report.md")
    try Golden.check(ReportFixture.report(language: .en) { MarkdownReporter(sink: $0) }, "report.en.md")
  }

  @Test func csv() throws {
    try Golden.check(ReportFixture.report { CSVReporter(sink: $0) }, "report.csv")
  }
}

/// The rules each format must keep whatever the golden files say.
@Suite struct ReportEscapingTests {
  @Test func csvCellsNeutralizeFormulasAndQuoteByRFC4180() {
    #expect(CSVReporter.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    #expect(CSVReporter.cell("+1") == "'+1")
    #expect(CSVReporter.cell("-1") == "'-1")
    #expect(CSVReporter.cell("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVReporter.cell("a,b") == "\"a,b\"")
    #expect(CSVReporter.cell("line\r\nbreak") == "\"line\r\nbreak\"")
    #expect(CSVReporter.cell("噶尔县") == "噶尔县")
    #expect(CSVReporter.cell("1-2") == "1-2", "only the first character matters")
  }

  @Test func csvStartsWithABOMAndEndsRowsWithCRLF() throws {
    let text = ReportFixture.report { CSVReporter(sink: $0) }
    #expect(text.unicodeScalars.first == "\u{FEFF}")
    let rows = text.components(separatedBy: "\r\n")
    #expect(rows.count == 7, "a header, five findings and the empty rest after the last CRLF")
    #expect(rows[1].contains(",\"'=HYPERLINK(\"\"x\"\")\","))
  }

  @Test func xmlAndMarkdownEscapeRegisterValues() {
    #expect(XML.escape("A|B <b>&\"q\"'") == "A|B &lt;b&gt;&amp;&quot;q&quot;&apos;")
    #expect(XML.escape("a\u{1}b") == "a\u{FFFD}b")
    #expect(Markdown.escape("A|B <b>&\"q\" *x*\n") == "A\\|B &lt;b&gt;&amp;\"q\" \\*x\\* ")
  }

  @Test func junitHasACasePerRuleAndInput() {
    let text = ReportFixture.report { JUnitReporter(sink: $0) }
    #expect(text.components(separatedBy: "<testcase ").count - 1 == ReportFixture.pack.rules.count)
    #expect(text.contains("<skipped message=\"1 项无法判定\"/>"))
    #expect(text.contains("P2 第3行: 报告书项目已于 2018-01-10 投入生产或使用"))
  }

  @Test func textAndMarkdownEndWithProvenance() {
    let text = ReportFixture.report { TextReporter(sink: $0) }
    #expect(text.contains("—— 来源 ——\n  工具：comply test\n"))
    #expect(text.contains("输入：r.csv sha256 " + String(repeating: "01", count: 32)))
    let markdown = ReportFixture.report(language: .en) { MarkdownReporter(sink: $0) }
    #expect(markdown.contains("## Provenance\n\n- Tool: `comply test`\n"))
  }
}

@Suite struct DiagnosticReportTests {
  @Test func githubAnnotationsEscapeTheirDataAndProperties() {
    let d = Diagnostic.warning(
      .ruleBadValue, "100% wrong\nsecond line", at: Location(file: "rules/a,b:c.yaml", line: 4, column: 2))
    #expect(DiagnosticReport.github([d]) == "::warning file=rules/a%2Cb%3Ac.yaml,line=4,col=2::100%25 wrong%0Asecond line [rule.bad-value]\n")
    let noLocation = Diagnostic.error(.packMissing, "no pack.yaml", at: nil)
    #expect(DiagnosticReport.github([noLocation]) == "::error::no pack.yaml [pack.missing]\n")
  }
}
