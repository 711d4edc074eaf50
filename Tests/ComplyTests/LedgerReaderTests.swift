import Comply
import Foundation
import Testing

/// Reading ledgers: YAML and CSV, Chinese or English headers, and every mistake at its line.
@Suite struct LedgerReaderTests {
  static let rules: Set<String> = ["construction-before-approval", "acceptance-overdue", "env-investment-missing"]

  static func read(_ text: String, ext: String = "yaml", bytes: [UInt8]? = nil) -> (ledger: Ledger?, diagnostics: [Diagnostic]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("comply-ledger-\(UUID().uuidString).\(ext)")
    defer { try? FileManager.default.removeItem(at: url) }
    FileManager.default.createFile(atPath: url.path, contents: Data(bytes ?? Array(text.utf8)))
    return LedgerReader.read(path: url.path, rules: rules)
  }

  /// `line: code` of each diagnostic, for comparing.
  static func problems(_ result: (ledger: Ledger?, diagnostics: [Diagnostic])) -> [String] {
    result.diagnostics.map { "\($0.location?.line ?? 0): \($0.code)" }
  }

  @Test func aYAMLLedgerWithEveryStatus() throws {
    let result = LedgerReaderTests.read("""
      # comment
      - rule: construction-before-approval
        project: ALI-2016-007
        status: 已整改
        done: 2019-03-12
        evidence: 阿环罚〔2019〕3号
      - rule: acceptance-overdue
        project: ALI-2016-008
        status: in progress
        deadline: 2020/1/15
        responsible: 日土县交通运输局
      - rule: env-investment-missing
        project: ALI-2017-017
        status: 豁免
        waiver_reason: 援藏资金项目
        waiver_document: 阿环函〔2019〕45号
        waiver_expires: 2020年6月30日
      - rule: acceptance-overdue
        project: ALI-2016-009
        file: gar.csv
        status: 未整改
      """)
    let ledger = try #require(result.ledger)
    #expect(ledger.entries.map(\.status) == [.rectified, .inProgress, .waived, .open])
    #expect(ledger.entries.map(\.location.line) == [2, 7, 12, 18])
    #expect(ledger.entries[0].evidence == "阿环罚〔2019〕3号")
    #expect(ledger.entries[1].deadline?.description == "2020-01-15")
    #expect(ledger.entries[2].waiver?.expires.description == "2020-06-30")
    #expect(ledger.entries[3].file == "gar.csv")
  }

  @Test func aCSVLedgerWithChineseHeadersAndABOM() throws {
    let text = "\u{FEFF}规则编号,项目编号,整改状态,整改时限,佐证材料,项目名称\r\n"
      + "construction-before-approval,ALI-2016-007,已整改,,阿环罚〔2019〕3号,噶尔县某公路\r\n"
      + "acceptance-overdue,ALI-2016-008,整改中,2020-01-15,,\r\n"
    let ledger = try #require(LedgerReaderTests.read(text, ext: "csv").ledger)
    #expect(ledger.entries.map(\.recordKey) == ["ALI-2016-007", "ALI-2016-008"])
    #expect(ledger.entries.map(\.location.line) == [2, 3])
  }

  @Test func everyMistakeIsReportedAtItsLine() {
    let result = LedgerReaderTests.read("""
      - rule: construction-before-aproval
        project: A
        status: 已整改
      - rule: acceptance-overdue
        project: B
        status: 已完成
      - rule: acceptance-overdue
        project: C
        status: 整改中
      - rule: acceptance-overdue
        project: D
        status: 豁免
        waiver_reason: 理由
      - rule: acceptance-overdue
        project: E
        status: 整改中
        deadline: 2019-02-30
      - rule: acceptance-overdue
        project: F
        status: 未整改
      - rule: acceptance-overdue
        project: F
        status: 已整改
      - project: G
        status: 未整改
      - rule: acceptance-overdue
        project: H
      """)
    #expect(LedgerReaderTests.problems(result) == [
      "1: ledger.unknown-rule", "4: ledger.bad-value", "7: ledger.missing-key", "10: ledger.missing-key",
      "14: ledger.bad-value", "21: ledger.duplicate-entry", "24: ledger.missing-key", "26: ledger.missing-key",
    ])
    #expect(result.ledger == nil)
    #expect(result.diagnostics[0].notes.first?.message == "did you mean 'construction-before-approval'?")
  }

  @Test func aLedgerWithoutItsKeyColumnsIsRefusedAndAStrayColumnIsAWarning() {
    let missing = LedgerReaderTests.read("规则编号,备注\r\nacceptance-overdue,x\r\n", ext: "csv")
    #expect(LedgerReaderTests.problems(missing).contains("1: ledger.missing-key"))
    let stray = LedgerReaderTests.read("rule,project,status,evidnce\r\nacceptance-overdue,A,已整改,x\r\n", ext: "csv")
    #expect(stray.ledger?.entries.count == 1)
    #expect(LedgerReaderTests.problems(stray) == ["1: ledger.unknown-key"])
    #expect(stray.diagnostics.first?.severity == .warning)
  }

  @Test func anUnreadableLedgerSaysSo() {
    #expect(LedgerReaderTests.problems(LedgerReaderTests.read("- [unbalanced")) == ["2: ledger.unreadable"])
    let missing = LedgerReader.read(path: "/nonexistent/ledger.yaml", rules: LedgerReaderTests.rules)
    #expect(LedgerReaderTests.problems(missing).map { $0.hasSuffix("ledger.unreadable") } == [true])
  }
}
