import Foundation
import Testing
import ComplyTestSupport

@testable import Comply

/// The block pipeline, cut into blocks of a few dozen bytes so that every case crosses a block boundary, against
/// the record reader on generated registers full of CSV edge cases: findings, undetermined outcomes, rejected
/// rows and warnings (bad values, duplicate keys) must be the same.
@Suite struct PipelineEdgeCaseAgreementTests {
  static let asOf = Day(year: 2018, month: 11, day: 5) ?? Day(number: 0)

  final class Collector: Reporter {
    var renderer: (any JudgementRenderer)? { nil }
    var lines: [String] = []
    var warnings: [String] = []
    func start(_ run: RunInfo) {}
    func beginInput(_ path: String) {}
    func diagnostic(_ diagnostic: Diagnostic) {
      if diagnostic.severity == .warning { warnings.append("\(diagnostic.code) \(diagnostic.message)") }
    }
    func judged(_ judgement: Judgement, rendered: [UInt8]?) {
      // With the texts a finding shows from the row (its label, groups and the evidence's raw cells), which the
      // pipeline keeps as the row's bytes and the record reader as strings.
      for f in judgement.findings {
        let texts = [f.label] + f.groups.map { "\($0.name)=\($0.value)" } + f.evidence.map { $0.raw ?? "<none>" }
        lines.append("F \(f.ruleID) \(f.recordKey) \(f.source.row) \(f.source.line) \(texts)")
      }
      for u in judgement.undetermined { lines.append("U \(u.ruleID) \(u.recordKey) \(u.source.row) \(u.source.line) \(u.fields)") }
    }
    func rejected(_ rejection: RowRejection) {
      lines.append("R \(rejection.source.row) \(rejection.source.line) \(rejection.reason)")
    }
    func finish(_ summary: Summary) {}
  }

  func viaPipeline(
    _ path: String, jobs: Int, blockSize: Int, read: ReadOptions = ReadOptions(), pack: RulePack = PipelineAgreementTests.pack
  ) throws -> Collector {
    var options = CheckOptions(asOf: Self.asOf)
    options.jobs = jobs
    options.blockSize = blockSize
    options.read = read
    let checker = try ComplianceChecker(pack: pack, options: options)
    let collector = Collector()
    _ = checker.check([path], reporters: [collector], version: "test")
    return collector
  }

  func viaRecordReader(_ path: String, read: ReadOptions = ReadOptions(), pack: RulePack = PipelineAgreementTests.pack)
    throws -> Collector
  {
    let engine = Engine(pack: pack, asOf: Self.asOf)
    let collector = Collector()
    for event in try RegisterReader(path: path, schema: pack.schema, options: read) {
      switch event {
      case .record(let record): collector.judged(engine.judge(record), rendered: nil)
      case .rejected(let rejection): collector.rejected(rejection)
      case .diagnostic(let diagnostic): collector.diagnostic(diagnostic)
      }
    }
    return collector
  }

  /// Same judgements and rejections in the same order; the same warnings (the pipeline reports duplicate keys
  /// after each block, so warnings are compared as a sorted list).
  func expectAgreement(_ bytes: [UInt8], read: ReadOptions = ReadOptions(), blockSizes: [Int] = [1, 7, 23, 64],
    pack: RulePack = PipelineAgreementTests.pack, sourceLocation: SourceLocation = #_sourceLocation) throws
  {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("comply-edge-\(UUID().uuidString).csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reference = try viaRecordReader(path, read: read, pack: pack)
    for blockSize in blockSizes {
      for jobs in [1, 3] {
        let pipeline = try viaPipeline(path, jobs: jobs, blockSize: blockSize, read: read, pack: pack)
        #expect(pipeline.lines == reference.lines, "block size \(blockSize), \(jobs) jobs", sourceLocation: sourceLocation)
        #expect(pipeline.warnings.sorted() == reference.warnings.sorted(), "block size \(blockSize), \(jobs) jobs", sourceLocation: sourceLocation)
        if pipeline.lines != reference.lines || pipeline.warnings.sorted() != reference.warnings.sorted() { return }
      }
    }
  }

  static let header = "项目编号,项目名称,环评类别,环评批复日期,重大变动,总投资(万元),开工日期,竣工日期,验收日期,备注"

  func register(_ rows: [String], lineEnd: String = "\n", finalNewline: Bool = true) -> [UInt8] {
    let text = ([Self.header] + rows).joined(separator: lineEnd) + (finalNewline ? lineEnd : "")
    return Array(text.utf8)
  }

  @Test func quotingLineEndsAndBlankRows() throws {
    let rows = [
      "A1,\"甲,乙\",报告书,2018-01-01,否,100,2018-02-01,2018-06-01,,\"多行\n备注\"",
      "A2,5\" pipe,报告表,2018-01-01,,\"1,200\",2018-03-01,,,\"ab\"c",
      "\"A3\",\"say \"\"hi\"\"\",报告书,,是,,2017-01-01,,,",
      ",,,,,,,,,",
      "\" \",\"\",,,,,,,,",
      "\u{3000},,,,,,,,,",
      "A4,短行",
      "/,名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "无,名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "A5,名,报告书,2018-13-01,maybe,abc,2018-01,2019-01-01,,",
      "A1,重复,报告书,2018-01-01,否,1,2018-01-02,,,",
      "A6,\"长" + String(repeating: "很", count: 80) + "\",报告表,2017-05-01,否,1,2017-06-01,2017-08-01,,",
    ]
    for lineEnd in ["\n", "\r\n", "\r"] {
      for finalNewline in [true, false] {
        try expectAgreement(register(rows, lineEnd: lineEnd, finalNewline: finalNewline))
      }
    }
  }

  @Test func bomTitleRowsAndTotals() throws {
    let text = "\u{FEFF}2018年建设项目台账,,,,,,,,,\n\n" + Self.header + "\n"
      + "A1,名,报告书,2018-01-01,否,100,2018-02-01,,,\n合计,,,,,100,,,,\nA2,名,报告表,2018-01-01,否,5,2017-02-01,,,\n"
    try expectAgreement(Array(text.utf8))
    try expectAgreement(Array(text.utf8), read: { var r = ReadOptions(); r.headerRow = 3; return r }())
  }

  /// A pack may make a date a blank token: the block reader, which reads a row's `YYYY-MM-DD` cells together
  /// before anything else, must then read that cell as blank, as the record reader does.
  @Test func aDateThatIsABlankToken() throws {
    var pack = PipelineAgreementTests.pack
    let s = pack.schema
    pack.schema = Schema(
      fields: s.fields, keyField: s.keyField, groupFields: s.groupFields, labelField: s.labelField,
      blankTokens: s.blankTokens.union(["2018-02-01"]), trueSpellings: s.trueSpellings, falseSpellings: s.falseSpellings)
    let rows = [
      "A1,名,报告书,2018-01-01,否,100,2018-02-01,2018-06-01,,",
      "A2,名,报告书,2018-02-01,否,100,2018-01-15,2018-06-01,,",
      "A3,名,报告书,2018-03-01,否,100,2018-02-02,2018-06-01,,",
    ]
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("comply-date-token-\(UUID().uuidString).csv").path
    try Data(register(rows)).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    // The token changes what the rows mean, so that agreement below says the block reader honoured it.
    #expect(try viaRecordReader(path, pack: pack).lines != viaRecordReader(path).lines)
    try expectAgreement(register(rows), blockSizes: [23, 4096], pack: pack)
  }

  /// Keys the reference reads as blank or as another row's key only after Unicode trimming or decoding.
  @Test func keysThatNeedTheReferenceTrim() throws {
    let rows = [
      "A1,名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "A1\u{3000},名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "\u{00A0}A1,名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "\u{0B},名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "A2\u{0C},名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "A2,名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "\u{3000}无\u{3000},名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "－,名,报告书,2018-01-01,否,1,2018-01-02,,,",
    ]
    try expectAgreement(register(rows))
  }

  /// Invalid UTF-8 in a column no rule reads still rejects the row, before any other check, as the reference does.
  @Test func invalidUTF8InAnyMappedColumn() throws {
    // Past the 64 KiB the encoding is detected from.
    let padding = (0..<800).map { "P\($0),名,报告书,2018-01-01,否,1,2018-01-02,,,\(String(repeating: "备", count: 20))\n" }.joined()
    var bytes = Array((Self.header + "\n" + padding + "A1,名,报告书,2018-01-01,否,1,2018-01-02,,,").utf8)
    bytes += [0xFF, 0x0A]  // 备注: never read by a rule
    bytes += Array("A2,名,报告书,2018-13-01,否,1,2018-01-02,,,".utf8) + [0xE6, 0x97, 0x0A]  // a warning, then invalid
    bytes += Array("A3,名,报告书,2018-01-01,否,".utf8) + [0xC3] + Array(",2018-01-02,,,\n".utf8)  // typed cell
    bytes += Array(",名,报告书,2018-01-01,否,1,2018-01-02,,,".utf8) + [0xFF, 0x0A]  // blank key and invalid
    try expectAgreement(bytes, blockSizes: [1, 700])
  }

  /// GB18030: typed cells are read through decoding; 无 and — are blank keys there too.
  @Test func gb18030Register() throws {
    let text = Self.header + "\n" + [
      "A1,名,报告书,2018-01-01,否,100,2018-02-01,,,备注",
      "无,名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "—,名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "项目1,名,环境影响报告表,2018年1月1日,是,1,2018-01-02,,,",
      "项目1,名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "\"项\"\"目\",名,报告书,2018-01-01,否,1,2018-01-02,,,",
      "\"项\"\"目\",名,报告书,2018-01-01,否,1,2018-01-02,,,",
    ].joined(separator: "\n") + "\n"
    guard let data = text.data(using: String.Encoding(rawValue: 0x8000_0632))
    else { Issue.record("no GB18030 encoder"); return }
    try expectAgreement([UInt8](data))
  }

  /// Random rows from a pool of awkward cells, every line end, several block sizes.
  @Test func generatedRegisters() throws {
    var g = SplitMix64(state: 42)
    let keys = ["A1", "A2", "\"A1\"", " A3 ", "", "/", "无", "\"\"", "B\"1", "\"C,1\"", "A1\u{3000}", "\"D\nE\""]
    let pool: [[String]] = [
      ["报告书", "报告表", "登记表", "环境影响报告书", "豁免", "", "/", "\"报告书\"", "bad"],
      ["2018-01-01", "2018-01", "2019-05-01", "", "无", "2018-02-30", "2018/3/1", "２０１８－０１－０１", "\"2018-01-01\""],
      ["否", "是", "", "Y", "n", "TRUE", "maybe", "\u{3000}"],
      ["1", "100.5", "-0", ".5", "1.", "1,200", "", "12345678901234567890", "abc"],
    ]
    for _ in 0..<8 {
      var rows: [String] = []
      for _ in 0..<(10 + g.below(20)) {
        if g.below(12) == 0 { rows.append(g.pick(["", ",,,,,,,,,", "\" \",,,,,,,,,", "合计,,,,,1,,,,", "A9,ragged"])); continue }
        let cells = [
          g.pick(keys), g.pick(["名", "\"甲,乙\"", "5\" pipe", "\"ab\"c", "\"x\r\ny\""]), g.pick(pool[0]), g.pick(pool[1]),
          g.pick(pool[2]), g.pick(pool[3]), g.pick(pool[1]), g.pick(pool[1]), g.pick(pool[1]), g.pick(["", "备注", "\"a\"\"b\""]),
        ]
        rows.append(cells.joined(separator: ","))
      }
      try expectAgreement(
        register(rows, lineEnd: g.pick(["\n", "\r\n", "\r"]), finalNewline: g.below(2) == 0), blockSizes: [1, 13, 50])
    }
  }
}

