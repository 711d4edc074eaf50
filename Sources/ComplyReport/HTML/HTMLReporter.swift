import ComplyEngine
import ComplyModel
import ComplyRules

/// One self-contained HTML page for inspectors: what is due soon, summary cards, bar charts by the pack's first
/// grouping field (county) and by rule, the county × rule matrix of open findings, a findings table to sort and
/// filter (with each finding's ledger status when there is a ledger), stale ledger entries, input problems and
/// the provenance. No network,
/// no external assets: the style sheet, the charts (SVG) and a small script are inline.
///
/// Counts and charts cover every finding; the table holds the `limit` most serious findings (errors first,
/// then warnings, then notices, each in file order) and says how many more the JSON or CSV report holds. It
/// aggregates: it keeps the rendered rows of those findings and counts, never input rows.
public final class HTMLReporter: Reporter {
  private let sink: any OutputSink
  private let limit: Int
  private var run: RunInfo?
  private var groups: [String] = []
  /// Rendered rows by severity rank (0 notice … 2 error), each in file order and at most `limit` long.
  private var rows: [[String]] = [[], [], []]
  /// Findings per value of each grouping field, over every finding.
  private var groupCounts: [[String: Int]] = []
  private var rejections: [RowRejection] = []
  private var diagnostics: [Diagnostic] = []
  private var dueSoon = DueSoon(asOf: Day(number: 0), language: .zh)
  public private(set) var renderer: (any JudgementRenderer)?

  /// `limit`: the most findings the table lists (the rest are counted).
  public init(sink: any OutputSink, limit: Int = 5_000) {
    self.sink = sink
    self.limit = max(0, limit)
  }

  public func start(_ run: RunInfo) {
    self.run = run
    let schema = run.pack.schema
    groups = schema.groupFields.map { schema.fields[$0].name }
    groupCounts = groups.map { _ in [:] }
    dueSoon = DueSoon(asOf: run.asOf, language: run.language)
    renderer = HTMLFindingRow(language: run.language, groups: groups, ledger: run.ledger != nil)
  }

  public func beginInput(_ path: String) {}

  public func diagnostic(_ diagnostic: Diagnostic) {
    if diagnostics.count < 20 { diagnostics.append(diagnostic) }
  }

  public func rejected(_ rejection: RowRejection) {
    if rejections.count < 20 { rejections.append(rejection) }
  }

  public func judged(_ judgement: Judgement, rendered: [UInt8]?) {
    guard let run, !judgement.findings.isEmpty else { return }
    dueSoon.note(judgement)
    for finding in judgement.findings {
      for (i, group) in groups.enumerated() { groupCounts[i][finding.groups[group] ?? "", default: 0] += 1 }
    }
    let bytes = rendered ?? HTMLFindingRow(language: run.language, groups: groups, ledger: run.ledger != nil).render(judgement)
    let text = String(decoding: bytes, as: UTF8.self)
    let parts = text.split(separator: HTMLFindingRow.separator, omittingEmptySubsequences: false)
    for (finding, row) in zip(judgement.findings, parts) {
      let rank = finding.severity.rank
      if rows[rank].count < limit { rows[rank].append(String(row)) }
    }
  }

  public func finish(_ summary: Summary) {
    guard let run else { return }
    var shown: [String] = []
    for rank in [2, 1, 0] { shown += rows[rank].prefix(limit - shown.count) }
    let page = HTMLPage(
      run: run, summary: summary, groupCounts: groupCounts, limit: limit, rejections: rejections,
      diagnostics: diagnostics, dueSoon: dueSoon)
    sink.write(page.head() + page.dueSoonSection() + page.cards() + page.charts() + page.matrix())
    sink.write(page.tableStart(shown: shown.count))
    for (i, row) in shown.enumerated() { sink.write("<tr data-i=\"\(i)\" " + row.dropFirst(4) + "\n") }
    sink.write(page.tableEnd(shown: shown.count) + page.staleEntries() + page.inputProblems() + page.provenance())
  }
}
