import ComplyEngine
import ComplyModel
import ComplyRules

/// The report for people: the due-soon section, findings grouped by project, then a summary. The findings' text
/// is held until the end (in memory, then in a temporary file past 8 MiB; never rows) so that what is due soon
/// can come first.
public final class TextReporter: Reporter {
  private let sink: any OutputSink
  private var language: Language = .zh
  private var rules: [Rule] = []
  private var asOf = Day(number: 0)
  private var diagnostics: [Diagnostic] = []
  private var rejections: [RowRejection] = []
  private var undetermined: [Undetermined] = []
  private var run: RunInfo?
  private var heading = ""
  private let body = SpillBuffer()
  private var dueSoon = DueSoon(asOf: Day(number: 0), language: .zh)
  public private(set) var renderer: (any JudgementRenderer)?

  public init(sink: any OutputSink) { self.sink = sink }

  public func start(_ run: RunInfo) {
    self.run = run
    language = run.language
    rules = run.rules
    asOf = run.asOf
    renderer = ProjectRenderer(language: run.language)
    dueSoon = DueSoon(asOf: run.asOf, language: run.language)
    let title = run.pack.title[language]
    heading = ("comply \(run.version) · \(title) v\(run.pack.version) · \(ReportText.asOf[language]) \(run.asOf)\n\n")
  }

  public func beginInput(_ path: String) {}

  public func diagnostic(_ diagnostic: Diagnostic) {
    if diagnostics.count < 1_000 { diagnostics.append(diagnostic) }
  }

  public func rejected(_ rejection: RowRejection) {
    if rejections.count < 1_000 { rejections.append(rejection) }
  }

  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    for u in judgement.undetermined where !u.onlyMissingColumns && undetermined.count < 1_000 { undetermined.append(u) }
    dueSoon.note(judgement)
    body.append(rendered ?? ProjectRenderer(language: language).render(judgement))
  }

  public func finish(_ summary: Summary) {
    sink.write(heading + dueSoon.text())
    body.drain(into: sink)
    sink.write(SummaryText(
      summary: summary, rules: rules, language: language, asOf: asOf,
      groupTitle: run.flatMap { run in run.pack.schema.groupFields.first.map { run.pack.schema.fields[$0].title } }).render(
      undetermined: undetermined, rejections: rejections, diagnostics: diagnostics))
    guard let run else { return }
    let provenance = ProvenanceText(run: run, summary: summary)
    sink.write("—— \(provenance.heading) ——\n" + provenance.lines().map { "  \($0)\n" }.joined())
  }
}

/// One project's findings as a block of text: a heading, then each finding with its message, what decided it,
/// basis, penalty, remedy and notes.
struct ProjectRenderer: JudgementRenderer {
  var language: Language

  func render(_ judgement: Judgement) -> [UInt8] { Array(text(judgement).utf8) }

  func text(_ judgement: Judgement) -> String {
    guard let first = judgement.findings.first else { return "" }
    let groups = first.groups.map(\.value).filter { !$0.isEmpty }
    let place = "\(first.source.path) \(ReportText.format(ReportText.row, language, first.source.row))"
    let heading = ([judgement.recordKey] + groups + [first.label]).filter { !$0.isEmpty }.joined(separator: " · ")
    var out = "\(heading)  (\(place))\n"
    for finding in judgement.findings { out += render(finding) }
    return out + "\n"
  }

  private func render(_ f: Finding) -> String {
    let l = language
    let mark = f.severity == .error ? "✗" : f.severity == .warning ? "!" : "·"
    let unconfirmed = f.confidence == .unconfirmed ? ReportText.unconfirmed[l] : ""
    let state = f.baseline.map { state -> String in
      switch state {
      case .new: l == .zh ? "（新增）" : " (new)"
      case .persisting: l == .zh ? "（持续）" : " (persisting)"
      }
    } ?? ""
    var out = "  \(mark) \(ReportText.severity(f.severity)[l]) \(f.title[l]) [\(f.ruleID)]\(unconfirmed)\(state)\n"
    out += "    \(f.message[l])\n"
    if let ledger = f.ledger { out += "    \(ReportText.ledger[l])：\(LedgerText.status(ledger, l))\n" }
    if !f.decidedBy.isEmpty {
      out += "    \(ReportText.decidedBy[l])：\(f.decidedBy.map { $0[l] }.joined(separator: l == .zh ? "；" : "; "))\n"
    }
    let basis = f.penalty?.basis ?? f.basis
    if !basis.isEmpty { out += "    \(ReportText.basis[l])：\(ReportText.basis(basis, l))\n" }
    if let penalty = f.penalty { out += "    \(ReportText.penalty[l])：\(ReportText.penalty(penalty, l))\n" }
    out += "    \(ReportText.remedy[l])：\(f.remedy[l])\n"
    for annotation in f.annotations { out += "    \(ReportText.note[l])：\(annotation[l])\n" }
    return l == .en ? out.replacingOccurrences(of: "：", with: ": ") : out
  }
}
