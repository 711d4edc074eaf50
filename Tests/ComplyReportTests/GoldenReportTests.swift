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
}
