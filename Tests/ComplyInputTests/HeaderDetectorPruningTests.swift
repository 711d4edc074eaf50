import ComplyTestSupport
import Testing

@testable import ComplyInput

/// `XLSXHeaderDetector.detect` skips rows and pairs that have too few filled cells to beat the best header so
/// far; it must pick what scoring every row and every pair picks.
@Suite struct HeaderDetectorPruningTests {
  /// Every row and every pair of adjacent rows scored, the first best kept: the detector without its shortcut.
  static func reference(_ rows: [SheetRow], _ matcher: HeaderMatcher) -> XLSXHeader? {
    guard let first = rows.first else { return nil }
    var best = XLSXHeader(rows: [first.number], texts: first.cells, consumed: 1)
    var bestScore = 1
    for (i, row) in rows.enumerated() {
      let single = XLSXHeaderDetector.score(row.cells, matcher)
      if single > bestScore { (best, bestScore) = (XLSXHeader(rows: [row.number], texts: row.cells, consumed: i + 1), single) }
      guard i + 1 < rows.count, rows[i + 1].number == row.number + 1 else { continue }
      let joined = XLSXHeaderDetector.join(row.cells, rows[i + 1].cells)
      let pair = XLSXHeaderDetector.score(joined, matcher)
      if pair > bestScore {
        (best, bestScore) = (XLSXHeader(rows: [row.number, row.number + 1], texts: joined, consumed: i + 2), pair)
      }
    }
    return best
  }

  @Test func agreesWithScoringEveryRowOnGeneratedSheets() throws {
    let matcher = try HeaderMatcher(schema: testSchema, overrides: [:])
    // Header texts, parents and children of two-row headers, titles, data and blanks (white space included).
    let pool = [
      "项目编号", "项目名称", "县区", "环评类别", "环评批复日期", "重大变动", "总投资(万元)", "备注", "环评批复", "日期",
      "总投资", "(万元)", "阿里地区2018年建设项目环评台账", "P-1", "噶尔县", "报告书", "2018-03-01", "12.5", "", "",
      " ", "\u{3000}", "合计",
    ]
    var generator = SplitMix64(state: 20_181_105)
    for _ in 0..<3_000 {
      let width = Int.random(in: 1...9, using: &generator)
      var number = 0
      let rows = (0..<Int.random(in: 1...12, using: &generator)).map { _ -> SheetRow in
        number += Int.random(in: 0...3, using: &generator) == 0 ? 2 : 1
        let cells = (0..<Int.random(in: 0...width, using: &generator)).map { _ in
          pool.randomElement(using: &generator) ?? ""
        }
        return SheetRow(number: number, cells: cells)
      }
      let detected = XLSXHeaderDetector.detect(rows, matcher: matcher)
      let expected = HeaderDetectorPruningTests.reference(rows, matcher)
      #expect(detected == expected, "\(rows)")
      if detected != expected { return }
    }
  }
}
