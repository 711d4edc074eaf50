import Foundation
import Testing

/// The parallel CSV pipeline must give the same report, byte for byte, whatever the number of threads.
@Suite struct ParallelTests {
  /// A deterministic register of `rows` rows spanning several 1 MiB blocks, with quoted cells holding commas,
  /// quotes and line breaks (so block cuts must respect quoting), blank rows, a ragged row, a duplicate key and an
  /// unreadable date.
  static func register(rows: Int) -> String {
    let header = "项目编号,项目名称,县区,行业,建设单位,环评类别,环评批复文号,环评批复日期,开工日期,竣工日期,环保设施竣工日期,投产日期,验收日期,总投资(万元),环保投资(万元),备注\n"
    var out = header
    var seed: UInt64 = 42
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    let categories = ["报告书", "报告表", "环境影响报告表", "登记表", "不纳入"]
    for i in 0..<rows {
      let year = 2012 + next(7)
      let approval = next(10) == 0 ? "" : "\(year)-0\(1 + next(9))-1\(next(10))"
      let start = "\(year)-0\(1 + next(9))-2\(next(9))"
      let done = next(4) == 0 ? "" : "\(year + 1)-0\(1 + next(9))-1\(next(10))"
      let facilities = next(3) == 0 ? "" : done
      let operation = next(3) == 0 ? "" : "\(year + 1)-1\(next(3))-0\(1 + next(9))"
      let acceptance = next(2) == 0 ? "" : "\(year + 1)-1\(next(3))-1\(next(9))"
      let remark = i % 97 == 0 ? "\"含逗号,引号\"\"与\n换行\"" : (i % 13 == 0 ? "/" : "")
      let id = i == 500 ? "P00000007" : "P\(String(format: "%08d", i))"
      let badDate = i == 1_234 ? "2018-13-45" : start
      out += "\(id),项目\(i),噶尔县,水利,阿里地区水利局,\(categories[next(5)]),阿环审〔\(year)〕\(next(99))号,\(approval),\(badDate),\(done),\(facilities),\(operation),\(acceptance),\(100 + next(9000)),\(next(50)),\(remark)\n"
      if i % 1_000 == 999 { out += ",,,,,,,,,,,,,,,\n" }
      if i == 777 { out += "RAGGED,only,three\n" }
    }
    return out
  }

  @Test func oneThreadAndManyGiveTheSameReport() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("comply-parallel-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("register.csv")
    try Self.register(rows: 16_000).write(to: csv, atomically: true, encoding: .utf8)
    let size = try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int ?? 0
    #expect(size > 2 << 20, "the register must span several blocks")
    var reports: [String] = []
    for jobs in ["1", "2", "4"] {
      let result = try CLI.run(["check", csv.path, "--as-of", "2020-06-30", "--format", "json", "--fail-on", "never", "--jobs", jobs])
      #expect(result.status == 0, "\(result.stderr)")
      reports.append(result.stdout)
    }
    #expect(reports[0] == reports[1])
    #expect(reports[0] == reports[2])
    let report = try CLI.json(reports[0])
    let summary = try #require(report["summary"] as? [String: Any])
    #expect(summary["records_read"] as? Int == 16_001, "16,000 rows and one ragged row")
    #expect(summary["records_rejected"] as? Int == 1)
    #expect((report["findings"] as? [Any])?.isEmpty == false)
    let diagnostics = (report["diagnostics"] as? [[String: Any]]) ?? []
    #expect(diagnostics.contains { $0["code"] as? String == "input.duplicate-key" })
    #expect(diagnostics.contains { $0["code"] as? String == "input.bad-value" })
  }
}

/// The block pipeline finds a CSV's header below title rows and skips its totals row, as the record reader does.
@Suite struct CSVTitleRowTests {
  @Test func titleRowsAndTotalsInTheBlockPipeline() throws {
    let csv = "阿里地区2018年建设项目环评台账,,,,\n\n项目编号,项目名称,环评类别,环评批复日期,开工日期\n"
      + "A1,水库,报告表,2018-04-10,2018-03-01\nA2,道路,报告书,2017-01-01,2017-03-01\n合计,,,,\n"
    let result = try CLI.run(
      ["check", "-", "--as-of", "2018-11-05", "--rule", "construction-before-approval", "--format", "json"], stdin: csv)
    #expect(result.status == 1)
    let report = try CLI.json(result.stdout)
    let findings = (report["findings"] as? [[String: Any]]) ?? []
    #expect(findings.map { $0["row"] as? Int } == [4])
    let summary = try #require(report["summary"] as? [String: Any])
    #expect(summary["records_read"] as? Int == 2)
  }
}
