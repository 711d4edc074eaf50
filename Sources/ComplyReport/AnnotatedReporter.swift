import ComplyEngine
import ComplyInput
import ComplyModel
import Foundation

/// The inspector's own CSV register back, every original row byte for byte, with four cells added to each row:
/// how many findings, their rule titles, severities and messages (one finding a line inside the cell; with a
/// ledger, each message ends with the finding's ledger status).
///
/// The header row gets the added column names; a rejected row gets `未读取：reason` (`not read: reason`) in the
/// first added cell, after empty cells that bring a short row up to the header's width; title rows, blank rows
/// and totals rows get empty cells. The file keeps its line ends, its byte-order mark and its encoding (the added
/// cells of a GB18030 file are GB18030). Added cells are quoted per RFC 4180 and neutralized against formulas.
///
/// It keeps findings by row while the run goes (never the rows) and writes the register at `finish`, reading the
/// file again, so it needs a CSV file (not standard input) and annotates the first input only; the CLI allows it
/// with exactly one CSV file. Otherwise it writes a one-line note instead of the register.
public final class AnnotatedReporter: Reporter {
  private struct Entry {
    var title: String
    var severity: String
    var message: String
  }

  private let sink: any OutputSink
  private let read: ReadOptions
  private var language: Language = .zh
  private var schema: Schema?
  private var path: String?
  private var inputs = 0
  private var findings: [Int: [Entry]] = [:]
  private var rejections: [Int: String] = [:]
  public let renderer: (any JudgementRenderer)? = nil

  /// `read` must be the options the run reads with, so that the header and rows are found the same way.
  public init(sink: any OutputSink, read: ReadOptions = ReadOptions()) {
    self.sink = sink
    self.read = read
  }

  public func start(_ run: RunInfo) {
    language = run.language
    schema = run.pack.schema
  }

  public func beginInput(_ path: String) {
    inputs += 1
    if inputs == 1 { self.path = path }
  }

  public func diagnostic(_ diagnostic: Diagnostic) {}

  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    guard inputs == 1 else { return }
    let l = language
    for f in judgement.findings {
      findings[f.source.row, default: []].append(
        Entry(
          title: f.title[l], severity: ReportText.severity(f.severity)[l],
          message: f.message[l] + (f.ledger.map { " [\(ReportText.ledger[l])\(l == .zh ? "：" : ": ")\(LedgerText.status($0, l))]" } ?? "")))
    }
  }

  public func rejected(_ rejection: RowRejection) {
    guard inputs == 1 else { return }
    rejections[rejection.source.row] = rejection.reason
  }

  public func finish(_ summary: Summary) {
    let zh = language == .zh
    guard let path, let schema else { return }
    let format = read.format ?? (path == "-" ? .csv : InputFormat(pathExtensionOf: path) ?? .csv)
    guard format == .csv, path != "-" else {
      sink.write(
        zh
          ? "注：带标注的台账只能由 CSV 文件生成（\(path) 不是）；请改用 --format csv 或 json。\n"
          : "note: the annotated register is made from a CSV file only (\(path) is not); use --format csv or json.\n")
      return
    }
    do throws(InputError) {
      try write(path: path, schema: schema)
    } catch {
      let note = zh ? "\n注：无法重读 \(path)：" : "\nnote: cannot read \(path) again: "
      sink.write(note + error.diagnostic.message + "\n")
    }
  }

  private func write(path: String, schema: Schema) throws(InputError) {
    let rows = try CSVPhysicalRows(path: path, schema: schema, options: read)
    let gb18030 = rows.isGB18030
    func encode(_ text: String) -> [UInt8] {
      guard gb18030, let data = text.data(using: String.Encoding(rawValue: 0x8000_0632)) else { return Array(text.utf8) }
      return Array(data)
    }
    let zh = language == .zh
    let separator = "\n"
    var width = 0
    sink.write(bytes: rows.byteOrderMark)
    while let row = try rows.next() {
      var cells = ["", "", "", ""]
      var padding = 0
      switch row.kind {
      case .header(last: true):
        width = row.cellCount
        cells = zh ? ["违法发现", "规则", "严重程度", "说明"] : ["findings", "rules", "severities", "messages"]
      case .data:
        if let reason = rejections[row.row] {
          cells[0] = (zh ? "未读取：" : "not read: ") + reason
          padding = max(0, width - row.cellCount)
        } else {
          let entries = findings[row.row] ?? []
          cells = [
            String(entries.count), entries.map(\.title).joined(separator: separator),
            entries.map(\.severity).joined(separator: separator), entries.map(\.message).joined(separator: separator),
          ]
        }
      case .aboveHeader, .header(last: false), .blank, .totals:
        break
      }
      sink.write(bytes: row.bytes)
      let added = String(repeating: ",", count: padding + 1) + cells.map(CSVReporter.cell).joined(separator: ",")
      sink.write(bytes: encode(added))
      sink.write(bytes: row.terminator)
    }
  }
}
