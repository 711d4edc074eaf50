import ComplyEngine
import ComplyModel
import ComplyRules

/// One finding per row with every field, for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads
/// Chinese correctly), RFC 4180 quoting and CRLF line ends. A cell that begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading apostrophe, so that a spreadsheet never runs a register value as a
/// formula. With a ledger, two more columns give each finding's status and what backs it. Rows are written as
/// they are found.
public final class CSVReporter: Reporter {
  private let sink: any OutputSink
  private var language: Language = .zh
  private var groups: [String] = []
  private var ledger = false
  public private(set) var renderer: (any JudgementRenderer)?

  public init(sink: any OutputSink) { self.sink = sink }

  public func start(_ run: RunInfo) {
    language = run.language
    let schema = run.pack.schema
    groups = schema.groupFields.map { schema.fields[$0].name }
    ledger = run.ledger != nil
    renderer = RowRenderer(language: run.language, groups: groups, ledger: ledger)
    let l = run.language
    let zh = l == .zh
    let key = schema.fields[schema.keyField].title[l]
    let label = schema.labelField.map { schema.fields[$0].title[l] } ?? (zh ? "名称" : "Label")
    let header =
      [zh ? "规则编号" : "Rule ID", zh ? "规则" : "Rule", zh ? "严重程度" : "Severity", zh ? "依据可信度" : "Confidence", key, label]
      + schema.groupFields.map { schema.fields[$0].title[l] }
      + [
        zh ? "文件" : "File", zh ? "行" : "Row", zh ? "物理行" : "Line", zh ? "说明" : "Message",
        zh ? "证据" : "Evidence", zh ? "判定" : "Decided by", zh ? "依据" : "Basis",
        zh ? "罚款下限（元）" : "Penalty min (yuan)", zh ? "罚款上限（元）" : "Penalty max (yuan)",
        zh ? "处罚" : "Penalty", zh ? "整改" : "Remedy", zh ? "注意" : "Notes",
      ] + (ledger ? [zh ? "台账状态" : "Ledger status", zh ? "台账记录" : "Ledger entry"] : [])
    sink.write("\u{FEFF}" + CSVReporter.row(header))
  }

  public func beginInput(_ path: String) {}
  public func diagnostic(_ diagnostic: Diagnostic) {}
  public func rejected(_ rejection: RowRejection) {}

  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    let text = rendered ?? RowRenderer(language: language, groups: groups, ledger: ledger).render(judgement)
    if !text.isEmpty { sink.write(bytes: text) }
  }

  public func finish(_ summary: Summary) {}

  /// A judgement's findings as CSV rows.
  struct RowRenderer: JudgementRenderer {
    var language: Language
    var groups: [String]
    var ledger: Bool

    func render(_ judgement: Judgement) -> [UInt8] { Array(text(judgement).utf8) }

    func text(_ judgement: Judgement) -> String {
      judgement.findings.map(row).joined()
    }

    private func row(_ f: Finding) -> String {
      let l = language
      let sep = l == .zh ? "；" : "; "
      let evidence = f.evidence.map { e in
        let value = e.value.isEmpty ? (e.raw ?? "") : e.value
        return "\(e.title[l])=\(value)" + (e.note.map { " (\($0[l]))" } ?? "")
      }
      let head: [String] = [
        f.ruleID, f.title[l], ReportText.severity(f.severity)[l], f.confidence.rawValue, f.recordKey, f.label,
      ]
      let place: [String] = [f.source.path, String(f.source.row), String(f.source.line)]
      let min: String = f.penalty?.range.map { String($0.minYuan) } ?? ""
      let max: String = f.penalty?.range.map { String($0.maxYuan) } ?? ""
      let penalty: String = f.penalty.map { ReportText.penalty($0, l) } ?? ""
      let tail: [String] = [
        f.message[l], evidence.joined(separator: sep), f.decidedBy.map { $0[l] }.joined(separator: sep),
        ReportText.basis(f.penalty?.basis ?? f.basis, l), min, max, penalty, f.remedy[l],
        f.annotations.map { $0[l] }.joined(separator: sep),
      ]
      let groupCells: [String] = groups.map { f.groups[$0] ?? "" }
      var cells: [String] = head + groupCells + place + tail
      if ledger {
        let mark = f.ledger ?? LedgerMark(status: .open)
        cells += [mark.status.title[l], LedgerText.status(mark, l)]
      }
      return CSVReporter.row(cells)
    }
  }

  static func row(_ cells: [String]) -> String {
    cells.map(cell).joined(separator: ",") + "\r\n"
  }

  /// One cell: neutralized against formulas, then quoted when it holds a comma, a quote or a line break.
  public static func cell(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
