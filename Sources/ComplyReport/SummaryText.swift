import ComplyEngine
import ComplyModel
import ComplyRules

/// The closing summary of the text report: records read, judged and rejected; findings by severity and rule;
/// undetermined outcomes; rejected rows and input problems.
struct SummaryText {
  var summary: Summary
  var rules: [Rule]
  var language: Language
  var asOf: Day
  /// The title of the pack's first grouping field (县区), for the matrix of several inputs.
  var groupTitle: LocalizedText? = nil

  func render(undetermined: [Undetermined], rejections: [RowRejection], diagnostics: [Diagnostic]) -> String {
    let zh = language == .zh
    var out = zh ? "—— 汇总（检查基准日 \(asOf)）——\n" : "—— Summary (as of \(asOf)) ——\n"
    for input in summary.inputs {
      let read = input.records + input.rejected
      out += zh
        ? "  \(input.path)：读取 \(read) 条，判定 \(input.records) 条，拒收 \(input.rejected) 条\n"
        : "  \(input.path): \(read) read, \(input.records) judged, \(input.rejected) rejected\n"
      if let failure = input.failure { out += zh ? "    无法读取：\(failure)\n" : "    unreadable: \(failure)\n" }
    }
    let bySeverity = Severity.allCases.reversed().map { s in
      "\(ReportText.severity(s)[language]) \(summary.findingsBySeverity[s] ?? 0)"
    }.joined(separator: zh ? "，" : ", ")
    out += zh ? "  违法发现 \(summary.findings) 项（\(bySeverity)）\n" : "  \(summary.findings) finding(s) (\(bySeverity))\n"
    let foundByRule = summary.findingsByRule
    for rule in rules {
      let found = foundByRule[rule.id] ?? 0
      let unknown = summary.undeterminedByRule[rule.id] ?? 0
      guard found > 0 || unknown > 0 else { continue }
      let title = rule.title[language]
      let width = rules.map { DiagnosticRenderer.displayWidth($0.title[language]) }.max() ?? 0
      let idWidth = rules.map(\.id.count).max() ?? 0
      let pad = String(repeating: " ", count: max(0, width - DiagnosticRenderer.displayWidth(title)))
      out += "    \(title)\(pad)  \(rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(found)"
      out += unknown > 0 ? (zh ? "（无法判定 \(unknown)）\n" : " (undetermined \(unknown))\n") : "\n"
    }
    let byGroup = summary.findingsByGroup
    if summary.inputs.count > 1, let title = groupTitle, !byGroup.isEmpty {
      out += zh ? "  按\(title.zh)汇总：\n" : "  By \(title.en.lowercased()):\n"
      for (group, counts) in byGroup.sorted(by: { $0.key < $1.key }) {
        let cells = rules.compactMap { rule in counts[rule.id].map { "\(rule.title[language]) \($0)" } }
        let total = counts.values.reduce(0, +)
        let name = group.isEmpty ? (zh ? "（未填写）" : "(blank)") : group
        out += "    \(name)：\(cells.joined(separator: zh ? "，" : ", "))\(zh ? "（共 \(total) 项）" : " (\(total) in all)")\n"
      }
      out += zh ? "    合计：\(summary.openFindings) 项\n" : "    Total: \(summary.openFindings)\n"
    }
    if let b = summary.baseline {
      out += zh
        ? "  相对基线：新增 \(b.new) 项，持续 \(b.persisting) 项，已解决 \(b.resolved.count) 项\n"
        : "  Against the baseline: \(b.new) new, \(b.persisting) persisting, \(b.resolved.count) resolved\n"
    }
    if let ledger = summary.ledger {
      out += zh
        ? "  整改台账（\(ledger.path)）：\(LedgerText.counts(ledger, language))；仍需处理 \(summary.openFindings) 项\n"
        : "  Rectification ledger (\(ledger.path)): \(LedgerText.counts(ledger, language)); \(summary.openFindings) still open\n"
      if !ledger.stale.isEmpty {
        out += "  \(LedgerText.staleHeading[language])\(zh ? "：" : ":")\n"
        for entry in ledger.stale { out += "    \(LedgerText.stale(entry, language))\n" }
      }
    }
    out += zh ? "  无法判定 \(summary.undetermined) 项\n" : "  \(summary.undetermined) undetermined\n"
    for u in undetermined {
      out += "    \(u.recordKey) [\(u.ruleID)] \(u.source.path):\(u.source.row) ← \(u.fields.joined(separator: ", "))\n"
    }
    for m in summary.missingColumns {
      out += zh
        ? "    \(m.path) 缺少列 \(m.fields.joined(separator: ", "))：\(m.ruleID) 有 \(m.rows) 条无法判定\n"
        : "    \(m.path) lacks \(m.fields.joined(separator: ", ")): \(m.ruleID) undetermined for \(m.rows) row(s)\n"
    }
    if !rejections.isEmpty {
      out += zh ? "  拒收的行：\n" : "  Rejected rows:\n"
      for r in rejections { out += "    \(r.source.path):\(r.source.row) (line \(r.source.line)): \(r.reason)\n" }
    }
    if !diagnostics.isEmpty {
      out += zh ? "  输入问题：\n" : "  Input problems:\n"
      for d in diagnostics { out += "    \(d)\n" }
    }
    return out
  }
}
