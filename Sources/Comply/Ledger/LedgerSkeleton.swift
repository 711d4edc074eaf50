import ComplyEngine
import ComplyModel
import ComplyReport

/// Writes a ledger skeleton (`comply ledger init`): an entry with status 未整改 for every open finding of a check
/// that no ledger entry covers yet, for staff to fill in. YAML (commented, one entry a finding) or CSV (UTF-8 with
/// a byte-order mark, Chinese headers, for Excel); both read back with `--ledger` as they are.
public final class LedgerSkeleton: Reporter {
  public enum Format: Sendable { case yaml, csv }

  private let sink: any OutputSink
  private let format: Format
  private var run: RunInfo?
  private var withFile = false
  public private(set) var entries = 0
  public var renderer: (any JudgementRenderer)? { nil }

  /// The columns written, in order; `file` only when the check read several registers.
  static let columns = ["rule", "project", "file", "label", "finding", "status", "measure", "responsible", "deadline",
    "done", "evidence"]

  public init(sink: any OutputSink, format: Format) {
    self.sink = sink
    self.format = format
  }

  private var columns: [String] { LedgerSkeleton.columns.filter { $0 != "file" || withFile } }

  public func start(_ run: RunInfo) {
    self.run = run
    withFile = run.inputs.count > 1
    switch format {
    case .yaml:
      sink.write("""
        # comply 整改台账 (rectification ledger), as of \(run.asOf), from \(run.inputs.joined(separator: ", "))
        # Fill in for each finding: status 未整改 (open) | 整改中 (in progress, needs a deadline) |
        #   已整改 (rectified, closed only with evidence) | 豁免 (waived: add waiver_reason, waiver_document, waiver_expires);
        # measure, responsible, deadline, done (YYYY-MM-DD) and evidence. Use it with `comply check --ledger FILE`.

        """)
    case .csv:
      let headers = columns.compactMap { LedgerReader.schema[$0]?.headers.dropFirst().first }
      sink.write("\u{FEFF}" + headers.map(CSVReporter.cell).joined(separator: ",") + "\r\n")
    }
  }

  public func beginInput(_ path: String) {}
  public func diagnostic(_ diagnostic: Diagnostic) {}
  public func rejected(_ rejection: RowRejection) {}
  public func finish(_ summary: Summary) {}

  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    guard let run else { return }
    for f in judgement.findings where f.isOpen && f.ledger?.entry == nil {
      entries += 1
      let values: [String: String] = [
        "rule": f.ruleID, "project": f.recordKey, "file": f.source.fileName,
        "label": f.label, "finding": f.title[run.language], "status": LedgerEntry.Status.open.title.zh,
      ]
      switch format {
      case .yaml:
        let place = ([f.recordKey] + f.groups.map(\.value) + [f.label]).filter { !$0.isEmpty }
        var out = "\n# \(place.joined(separator: " · ")) — \(f.title[run.language])\n"
        for (i, column) in columns.enumerated() where column != "label" && column != "finding" {
          out += (i == 0 ? "- " : "  ") + column + ": " + JSON.string(values[column] ?? "").render() + "\n"
        }
        sink.write(out)
      case .csv:
        sink.write(columns.map { CSVReporter.cell(values[$0] ?? "") }.joined(separator: ",") + "\r\n")
      }
    }
  }
}
