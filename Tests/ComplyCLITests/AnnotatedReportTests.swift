import Foundation
import Testing

/// `--format annotated`: the register back, byte for byte, with the findings in four added columns.
@Suite struct AnnotatedReportTests {
  static let arguments = [
    "--as-of", "2018-11-05", "--rule", "construction-before-approval", "--rule", "acceptance-overdue",
    "--format", "annotated",
  ]
  static let header = "项目编号,项目名称,环评文件类型,环评批复时间,开工时间,竣工日期,环保设施建成日期,调试开始日期,竣工环保验收日期"
  /// A title row, the header, a clean row, a row with two findings and a line break in a quoted cell, a ragged
  /// row (rejected), a blank row; CRLF line ends.
  static let rows = [
    "2019年建设项目台账,,,,,,,,", header,
    "X1,清洁项目,报告表,2017-01-10,2017-03-01,2017-05-01,2017-05-01,2017-05-10,2017-06-01",
    "X2,\"托林镇\r\n人饮工程\",报告表,,2017-04-06,2017.11.20,,,", "X3,缺列", ",,,,,,,,",
  ]

  func temporary(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("comply-\(UUID().uuidString)-\(name)").path
  }

  func annotate(_ input: [UInt8], name: String = "r.csv", extra: [String] = []) throws -> (CLIResult, [UInt8]) {
    let (path, out) = (temporary(name), temporary("annotated.csv"))
    defer { for p in [path, out] { try? FileManager.default.removeItem(atPath: p) } }
    FileManager.default.createFile(atPath: path, contents: Data(input))
    let result = try CLI.run(["check", path] + Self.arguments + extra + ["--output", out])
    return (result, Array((try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()))
  }

  @Test func goldenBytes() throws {
    let input = Self.rows.map { $0 + "\r\n" }.joined()
    let (result, output) = try annotate(Array(input.utf8))
    #expect(result.status == 1, "\(result.stderr)")
    let expected = [
      Self.rows[0] + ",,,,", Self.header + ",违法发现,规则,严重程度,说明",
      Self.rows[2] + ",0,,,",
      Self.rows[3] + ",2,\"验收超期\n未批先建\",\"错误\n错误\",\"验收期自 2017-11-20（竣工日期（代用））起算 3 个月，已于 2018-02-20 届满，"
        + "至 2018-11-05 仍未公开验收报告\n报告表项目于 2017-04-06 开工，开工前未取得环评批复（环评批复日期：（未填写））\"",
      "X3,缺列,,,,,,," + ",\"未读取：expected 9 fields, found 2\",,,", Self.rows[5] + ",,,,",
    ].map { $0 + "\r\n" }.joined()
    #expect(String(decoding: output, as: UTF8.self) == expected)
  }

  @Test func originalBytesOfEveryRowAreUntouched() throws {
    // LF line ends, a BOM, a last row without a line end, English headers for the added cells.
    let input = "\u{FEFF}" + Self.rows.joined(separator: "\n").replacingOccurrences(of: "\r\n", with: "\n")
    let (result, output) = try annotate(Array(input.utf8), extra: ["--lang", "en"])
    #expect(result.status == 1, "\(result.stderr)")
    let text = String(decoding: output, as: UTF8.self)
    #expect(text.hasPrefix("\u{FEFF}"))
    #expect(text.contains(",findings,rules,severities,messages\n"))
    #expect(text.contains(",\"not read: expected 9 fields, found 2\",,,\n"))
    #expect(!text.contains("\r"))
    // Strip the four added cells (and the ragged row's padding) from every row: the input comes back.
    var stripped = ""
    var row = ""
    var commas: [String.Index] = []
    var inQuotes = false
    func endRow() {
      let cut = commas[commas.count - 4]
      var kept = String(row[..<cut])
      if kept == "X3,缺列,,,,,,," { kept = "X3,缺列" }
      stripped += kept
      row = ""
      commas = []
    }
    for c in text.dropFirst() {
      if c == "\"" { inQuotes.toggle() }
      if c == "\n" && !inQuotes {
        endRow()
        stripped.append(c)
        continue
      }
      if c == "," && !inQuotes { commas.append(row.endIndex) }
      row.append(c)
    }
    endRow()
    #expect("\u{FEFF}" + stripped == input)
    #expect(text.hasSuffix(Self.rows[5] + ",,,,"), "no line end added to the last row")
  }

  @Test func gb18030RegisterStaysGB18030() throws {
    let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    let input = Self.rows.map { $0 + "\r\n" }.joined()
    let bytes = try #require(input.data(using: gb18030))
    let (result, output) = try annotate(Array(bytes))
    #expect(result.status == 1, "\(result.stderr)")
    let text = try #require(String(data: Data(output), encoding: gb18030))
    #expect(text.contains(Self.header + ",违法发现,规则,严重程度,说明\r\n"))
    #expect(text.contains(",2,\"验收超期\n未批先建\",\"错误\n错误\","))
    #expect(String(validating: output, as: UTF8.self) == nil, "not UTF-8")
    let titleRow = try #require((Self.rows[0] + ",,,,\r\n").data(using: gb18030))
    #expect(output.starts(with: Array(titleRow)))
  }

  @Test func takesExactlyOneCSVFile() throws {
    let two = try CLI.run(["check", "Samples/ngari-2018-register.csv", "Samples/ngari-2018-register.csv", "--format", "annotated"])
    #expect(two.status == 64)
    #expect(two.stderr.contains("--format annotated takes exactly one register file"))
    let stdin = try CLI.run(["check", "-", "--format", "annotated"], stdin: "a,b\n")
    #expect(stdin.status == 64)
    let json = try CLI.run(["check", "register.json", "--format", "annotated"])
    #expect(json.status == 64)
    #expect(json.stderr.contains("takes a CSV register"))
  }
}
