import ComplyEngine
import ComplyModel
import ComplyRules

/// A report fit for a merge-request comment or a printed memo: what is due soon, a summary table, counts per
/// rule, the findings grouped by project (one table row each), then the provenance. The summary comes first, so the rendered
/// project sections are kept until the end; at most `maxProjects` are shown, with a note for the rest.
public final class MarkdownReporter: Reporter {
  private let sink: any OutputSink
  private let maxProjects: Int
  private var run: RunInfo?
  private var sections: [String] = []
  private var projects = 0
  private var rejections: [RowRejection] = []
  private var diagnostics: [Diagnostic] = []
  private var dueSoon = DueSoon(asOf: Day(number: 0), language: .zh)
  public private(set) var renderer: (any JudgementRenderer)?

  public init(sink: any OutputSink, maxProjects: Int = 1_000) {
    self.sink = sink
    self.maxProjects = maxProjects
  }

  public func start(_ run: RunInfo) {
    self.run = run
    dueSoon = DueSoon(asOf: run.asOf, language: run.language)
    renderer = ProjectTable(language: run.language, ledger: run.ledger != nil)
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
    projects += 1
    guard sections.count < maxProjects else { return }
    let text = rendered ?? ProjectTable(language: run.language, ledger: run.ledger != nil).render(judgement)
    sections.append(String(decoding: text, as: UTF8.self))
  }

  /// With several inputs: findings by the pack's first grouping field (county) and rule, with totals.
  private func matrix(_ summary: Summary, _ run: RunInfo) -> String {
    let (byGroup, openByRule) = (summary.findingsByGroup, summary.openByRule)
    guard summary.inputs.count > 1, !byGroup.isEmpty, let field = run.pack.schema.groupFields.first else { return "" }
    let l = run.language
    let rules = run.rules.filter { rule in byGroup.values.contains { $0[rule.id] != nil } }
    var out = l == .zh ? "\n## 按\(run.pack.schema.fields[field].title.zh)汇总\n\n" : "\n## By \(run.pack.schema.fields[field].title.en.lowercased())\n\n"
    out += "| \(Markdown.escape(run.pack.schema.fields[field].title[l])) | " + rules.map { Markdown.escape($0.title[l]) }.joined(separator: " | ")
    out += l == .zh ? " | 合计 |\n" : " | Total |\n"
    out += "|---|" + String(repeating: "---:|", count: rules.count + 1) + "\n"
    for (group, counts) in byGroup.sorted(by: { $0.key < $1.key }) {
      let cells = rules.map { String(counts[$0.id] ?? 0) }
      out += "| \(Markdown.escape(group)) | " + cells.joined(separator: " | ") + " | \(counts.values.reduce(0, +)) |\n"
    }
    out += l == .zh ? "| **合计** | " : "| **Total** | "
    return out + rules.map { String(openByRule[$0.id] ?? 0) }.joined(separator: " | ") + " | **\(summary.openFindings)** |\n"
  }

  public func finish(_ summary: Summary) {
    guard let run else { return }
    let l = run.language
    let zh = l == .zh
    var out = "# \(Markdown.escape(run.pack.title[l])) v\(Markdown.escape(run.pack.version))"
    out += zh ? " — 检查报告\n\n" : " — compliance report\n\n"
    out += "\(ReportText.asOf[l].capitalizedFirst) \(run.asOf)\n\n"
    out += dueSoonSection()
    out += zh ? "| 项目 | 数量 |\n|---|---:|\n" : "| Item | Count |\n|---|---:|\n"
    var rows: [(String, Int)] = [
      (zh ? "读取记录" : "Records read", summary.read), (zh ? "判定记录" : "Records judged", summary.records),
      (zh ? "拒收记录" : "Records rejected", summary.rejected), (zh ? "违法发现" : "Findings", summary.findings),
    ]
    rows += Severity.allCases.reversed().map { ("· " + ReportText.severity($0)[l], summary.findingsBySeverity[$0] ?? 0) }
    rows.append((zh ? "无法判定" : "Undetermined", summary.undetermined))
    if let ledger = summary.ledger {
      rows.append((zh ? "仍需处理（未整改、整改逾期）" : "Still open (open, overdue)", summary.openFindings))
      for status in LedgerMark.Status.allCases {
        rows.append(((zh ? "· 台账" : "· ledger ") + status.title[l], ledger.byStatus[status] ?? 0))
      }
      rows.append((zh ? "台账无对应发现的条目" : "Ledger entries matching no finding", ledger.stale.count))
    }
    for (name, count) in rows { out += "| \(name) | \(count) |\n" }
    out += zh ? "\n## 各规则\n\n| 规则 | 编号 | 严重程度 | 发现 | 无法判定 |\n" : "\n## By rule\n\n| Rule | ID | Severity | Findings | Undetermined |\n"
    out += "|---|---|---|---:|---:|\n"
    let found = summary.findingsByRule
    for rule in run.rules {
      out += "| \(Markdown.escape(rule.title[l])) | `\(rule.id)` | \(ReportText.severity(rule.severity)[l]) | "
      out += "\(found[rule.id] ?? 0) | \(summary.undeterminedByRule[rule.id] ?? 0) |\n"
    }
    out += matrix(summary, run)
    out += zh ? "\n## 违法发现\n\n" : "\n## Findings\n\n"
    if sections.isEmpty { out += zh ? "未发现违法。\n\n" : "No findings.\n\n" }
    sink.write(out)
    for section in sections { sink.write(section) }
    out = ""
    if projects > sections.count {
      let more = projects - sections.count
      out += zh ? "> 另有 \(more) 个项目的发现未在此列出，详见 JSON 或 CSV 报告。\n\n" : "> \(more) more project(s) with findings are not shown here; see the JSON or CSV report.\n\n"
    }
    out += staleEntries(summary, l)
    out += inputProblems(summary, l)
    let provenance = ProvenanceText(run: run, summary: summary)
    out += "## \(provenance.heading)\n\n"
    out += provenance.lines { "`\($0.replacingOccurrences(of: "`", with: "'"))`" }.map { "- \($0)\n" }.joined()
    sink.write(out)
  }

  private func dueSoonSection() -> String {
    guard !dueSoon.items.isEmpty else { return "" }
    let zh = dueSoon.language == .zh
    var out = "## \(dueSoon.heading)\n\n"
    out += zh ? "| 到期日 | 剩余 | 项目 | 事项 | 责任单位 |\n" : "| Due | Left | Project | What | Responsible |\n"
    out += "|---|---|---|---|---|\n"
    for item in dueSoon.sorted {
      let project = [item.recordKey, item.label].filter { !$0.isEmpty }.map(Markdown.escape).joined(separator: " ")
      out += "| \(item.due) | \(dueSoon.daysLeft(item)) | \(project) | \(Markdown.escape(item.what)) `\(item.ruleID)` | "
      out += "\(Markdown.escape(item.responsible ?? "")) |\n"
    }
    return out + "\n"
  }

  private func staleEntries(_ summary: Summary, _ l: Language) -> String {
    guard let stale = summary.ledger?.stale, !stale.isEmpty else { return "" }
    var out = "## \(LedgerText.staleHeading[l])\n\n"
    for entry in stale { out += "- \(Markdown.escape(LedgerText.stale(entry, l)))\n" }
    return out + "\n"
  }

  private func inputProblems(_ summary: Summary, _ l: Language) -> String {
    let failed = summary.inputs.filter { $0.failure != nil }
    guard !rejections.isEmpty || !diagnostics.isEmpty || !failed.isEmpty else { return "" }
    var out = l == .zh ? "## 输入问题\n\n" : "## Input problems\n\n"
    for input in failed { out += "- \(Markdown.escape(input.path)): \(Markdown.escape(input.failure ?? ""))\n" }
    for r in rejections {
      out += "- \(Markdown.escape(r.source.path)) \(ReportText.format(ReportText.row, l, r.source.row)): \(Markdown.escape(r.reason))\n"
    }
    for d in diagnostics { out += "- \(Markdown.escape(d.description))\n" }
    if summary.rejected > rejections.count || summary.warnings > diagnostics.count {
      out += l == .zh ? "- ……（完整列表见 JSON 报告）\n" : "- … (the JSON report lists them all)\n"
    }
    return out + "\n"
  }

  /// One project's findings: a heading, where it is, and a table row per finding.
  struct ProjectTable: JudgementRenderer {
    var language: Language
    /// With a ledger, a column gives each finding's status.
    var ledger = false

    func render(_ judgement: Judgement) -> [UInt8] { Array(text(judgement).utf8) }

    func text(_ judgement: Judgement) -> String {
      guard let first = judgement.findings.first else { return "" }
      let l = language
      let groups = first.groups.map(\.value).filter { !$0.isEmpty }
      let heading = ([judgement.recordKey] + groups + [first.label]).filter { !$0.isEmpty }.map(Markdown.escape)
      var out = "### \(heading.joined(separator: " · "))\n\n"
      out += "\(Markdown.escape(first.source.path)) \(ReportText.format(ReportText.row, l, first.source.row))\n\n"
      out += l == .zh ? "| 严重程度 | 规则 | 说明 | 处罚 | 整改 |" : "| Severity | Rule | Message | Penalty | Remedy |"
      out += ledger ? (l == .zh ? " 台账 |\n" : " Ledger |\n") : "\n"
      out += "|---|---|---|---|---|" + (ledger ? "---|\n" : "\n")
      for f in judgement.findings {
        var message = Markdown.escape(f.message[l])
        for a in f.annotations { message += "<br>⚠ " + Markdown.escape(a[l]) }
        let penalty = f.penalty.map { Markdown.escape(ReportText.penalty($0, l)) } ?? ""
        out += "| \(ReportText.severity(f.severity)[l]) | \(Markdown.escape(f.title[l])) `\(f.ruleID)` | \(message) | "
        out += "\(penalty) | \(Markdown.escape(f.remedy[l])) |"
        out += ledger ? " \(Markdown.escape(LedgerText.status(f.ledger ?? LedgerMark(status: .open), l))) |\n" : "\n"
      }
      return out + "\n"
    }
  }
}

/// Markdown inline escaping: HTML-significant characters become entities, Markdown punctuation is
/// backslash-escaped, and line breaks become spaces, so that a value stays inside its table cell.
enum Markdown {
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "|", "*", "_", "`", "[", "]", "~", "#", "!": out += "\\" + String(scalar)
      case "\n", "\r", "\t": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension String {
  /// `as of` → `As of`; Chinese text unchanged.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
