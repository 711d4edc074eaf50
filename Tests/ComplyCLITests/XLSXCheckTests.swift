import Foundation
import Testing

/// `comply check` on workbooks, and on registers that cannot be read at all.
@Suite struct XLSXCheckTests {
  func keys(_ report: [String: Any]) -> [String] {
    ((report["findings"] as? [[String: Any]]) ?? []).map { "\($0["rule_id"] ?? "")/\($0["record_id"] ?? "")" }.sorted()
  }

  @Test func theWorkbookSampleGivesTheSameFindingsAsTheCSV() throws {
    let csv = try CLI.run(["check", "Samples/ngari-2018-register.csv", "--as-of", "2018-11-05", "--format", "json"])
    let xlsx = try CLI.run(["check", "Samples/ngari-2018-register.xlsx", "--as-of", "2018-11-05", "--format", "json"])
    #expect(xlsx.status == 1, "\(xlsx.stderr)")
    let workbook = try CLI.json(xlsx.stdout)
    #expect(!keys(workbook).isEmpty)
    #expect(keys(workbook) == keys(try CLI.json(csv.stdout)))
    // Rows are the ones Excel shows (the title is row 1, the header row 2: one below the CSV's), and `line` is
    // the row.
    func places(_ report: [String: Any], shift: Int, lineIsRow: Bool) -> [String] {
      ((report["findings"] as? [[String: Any]]) ?? []).map { finding in
        let row = ((finding["row"] as? Int) ?? 0) + shift
        let line = lineIsRow ? row : (finding["line"] as? Int) ?? 0
        return "\(finding["rule_id"] ?? "")/\(finding["record_id"] ?? "") row \(row) line \(line)"
      }.sorted()
    }
    #expect(
      places(workbook, shift: 0, lineIsRow: false) == places(try CLI.json(csv.stdout), shift: 1, lineIsRow: true))
    let diagnostics = (workbook["diagnostics"] as? [[String: Any]]) ?? []
    #expect(diagnostics.contains { $0["code"] as? String == "input.header-row" && $0["line"] as? Int == 2 })
  }

  @Test func sheetAndHeaderRowOptions() throws {
    let missing = try CLI.run(["check", "Samples/ngari-2018-register.xlsx", "--as-of", "2018-11-05", "--sheet", "2019"])
    #expect(missing.status == 3)
    #expect(missing.stderr.contains("has no sheet '2019' (its sheets: '2018')"), "\(missing.stderr)")
    let zero = try CLI.run(["check", "Samples/ngari-2018-register.xlsx", "--header-row", "0"])
    #expect(zero.status == 64)
    let named = try CLI.run([
      "check", "Samples/ngari-2018-register.xlsx", "--as-of", "2018-11-05", "--sheet", "2018", "--header-row", "2",
      "--format", "json",
    ])
    #expect(named.status == 1)
    #expect(keys(try CLI.json(named.stdout)).count == keys(try CLI.json(
      CLI.run(["check", "Samples/ngari-2018-register.xlsx", "--as-of", "2018-11-05", "--format", "json"]).stdout)).count)
  }

  @Test func unreadableRegistersExitThree() throws {
    let notZip = try CLI.run(["check", "Tests/ComplyInputTests/Fixtures/not-a-workbook.xlsx", "--as-of", "2018-11-05"])
    #expect(notZip.status == 3)
    #expect(notZip.stderr.contains("is not a ZIP package"), "\(notZip.stderr)")
    let bomb = try CLI.run(["check", "Tests/ComplyInputTests/Fixtures/bomb.xlsx", "--as-of", "2018-11-05"])
    #expect(bomb.status == 3)
    #expect(bomb.stderr.contains("a decompression bomb?"), "\(bomb.stderr)")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("comply-\(UUID().uuidString).csv")
    try Data(Array("项目编号,环评类别\nP-1,".utf8) + [0x80, 0xFF, 0x0A]).write(to: dir)
    defer { try? FileManager.default.removeItem(at: dir) }
    let neither = try CLI.run(["check", dir.path, "--as-of", "2018-11-05"])
    #expect(neither.status == 3)
    #expect(neither.stderr.contains("neither UTF-8 nor GB18030"), "\(neither.stderr)")
  }
}
