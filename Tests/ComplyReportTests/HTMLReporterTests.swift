import ComplyModel
import Foundation
import Testing

@testable import ComplyReport

/// The HTML report on the fixed fixture run: golden files, escaping, the table's limit and order.
@Suite struct HTMLReporterTests {
  @Test func golden() throws {
    try Golden.check(ReportFixture.report { HTMLReporter(sink: $0) }, "report.html")
    try Golden.check(ReportFixture.report(language: .en) { HTMLReporter(sink: $0) }, "report.en.html")
  }

  @Test func escapesEveryMetacharacter() {
    #expect(HTML.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
    #expect(HTML.escape("a\"b'c&d") == "a&quot;b&#39;c&amp;d")
    #expect(HTML.escape("x\u{1E}y\u{0}") == "x\u{FFFD}y\u{FFFD}", "the row separator never survives escaping")
    #expect(HTML.escape("噶尔县") == "噶尔县")
  }

  @Test func registerValuesAreEscapedAndOnlyTheReportsScriptIsThere() {
    let html = ReportFixture.report { HTMLReporter(sink: $0) }
    #expect(html.contains("<td>A|B &lt;b&gt;&amp;&quot;q&quot; *x*</td>"))
    #expect(!html.contains("<b>&"))
    #expect(html.components(separatedBy: "<script").count == 2, "one script, the report's own")
    #expect(html.contains("script-src 'sha256-"))
    #expect(!html.contains(" src=") && !html.contains(" href="), "nothing loaded from anywhere")
  }

  @Test func countsCoverEveryFindingAndTheTableTheMostSerious() throws {
    let all = ReportFixture.report { HTMLReporter(sink: $0) }
    let rows = all.components(separatedBy: "<tr data-i=").count - 1
    #expect(rows == 5)
    let limited = ReportFixture.report { HTMLReporter(sink: $0, limit: 2) }
    let shown = limited.components(separatedBy: "<tr data-i=").dropFirst().map { String($0.prefix(60)) }
    #expect(shown.count == 2)
    #expect(shown.allSatisfy { $0.contains("data-sev=\"2\"") }, "errors first: \(shown)")
    #expect(limited.contains("<div class=\"card\"><b>5</b><span>违法发现</span></div>"), "cards count every finding")
    #expect(limited.contains("另有 3 项未列出"))
    let none = ReportFixture.report { HTMLReporter(sink: $0, limit: 0) }
    #expect(none.contains("另有 5 项未列出"))
  }

  @Test func severityOrderIsStableByFileOrder() throws {
    let html = ReportFixture.report(language: .en) { HTMLReporter(sink: $0) }
    let ranks = html.components(separatedBy: "<tr data-i=").dropFirst().compactMap { row in
      row.range(of: "data-sev=\"").map { Int(String(row[$0.upperBound])) ?? -1 }
    }
    #expect(ranks == ranks.sorted(by: >), "\(ranks)")
  }
}
