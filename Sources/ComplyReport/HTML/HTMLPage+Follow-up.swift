import ComplyEngine
import ComplyModel

/// The sections of the HTML report that follow findings up: what is due soon, the county × rule matrix, and
/// ledger entries that match no finding.
extension HTMLPage {
  private var l: Language { run.language }
  private func e(_ text: String) -> String { HTML.escape(text) }

  /// The due-soon section (催办提醒), at the top of the page; nothing when nothing is due.
  func dueSoonSection() -> String {
    guard !dueSoon.items.isEmpty else { return "" }
    let zh = l == .zh
    var out = "<section class=\"due\">\n<h2>\(e(dueSoon.heading))</h2>\n<table>\n<thead><tr>"
    out += (zh ? ["到期日", "剩余", "项目", "事项", "责任单位"] : ["Due", "Left", "Project", "What", "Responsible"])
      .map { "<th>\($0)</th>" }.joined()
    out += "</tr></thead>\n<tbody>\n"
    for item in dueSoon.sorted {
      out += "<tr><td class=\"nw\">\(item.due)</td><td class=\"nw\">\(e(dueSoon.daysLeft(item)))</td>"
      out += "<td>\(e(item.recordKey)) \(e(item.label))</td><td>\(e(item.what)) <code>\(e(item.ruleID))</code></td>"
      out += "<td>\(e(item.responsible ?? ""))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  /// Open findings by the pack's first grouping field (county) and rule, with totals: the batch's summary.
  func matrix() -> String {
    let (byGroup, openByRule) = (summary.findingsByGroup, summary.openByRule)
    guard let field = run.pack.schema.groupFields.first, !byGroup.isEmpty else { return "" }
    let name = run.pack.schema.fields[field].title[l]
    let rules = run.rules.filter { rule in byGroup.values.contains { $0[rule.id] != nil } }
    var out = "<h2>\(e(HTMLText.format(HTMLText.matrix, l, name)))</h2>\n<table class=\"matrix\">\n<thead><tr>"
    out += "<th>\(e(name))</th>" + rules.map { "<th title=\"\(e($0.id))\">\(e($0.title[l]))</th>" }.joined()
    out += "<th>\(HTMLText.total[l])</th></tr></thead>\n<tbody>\n"
    for (group, counts) in byGroup.sorted(by: { $0.key < $1.key }) {
      out += "<tr><td class=\"nw\">\(e(group.isEmpty ? HTMLText.blank[l] : group))</td>"
      for rule in rules {
        let count = counts[rule.id] ?? 0
        out += "<td class=\"n\">\(count == 0 ? "" : String(count))</td>"
      }
      out += "<td class=\"n\"><b>\(counts.values.reduce(0, +))</b></td></tr>\n"
    }
    out += "<tr class=\"total\"><td>\(HTMLText.total[l])</td>"
    out += rules.map { "<td class=\"n\">\(openByRule[$0.id] ?? 0)</td>" }.joined()
    return out + "<td class=\"n\"><b>\(summary.openFindings)</b></td></tr>\n</tbody>\n</table>\n"
  }

  /// Ledger entries no finding matched.
  func staleEntries() -> String {
    guard let stale = summary.ledger?.stale, !stale.isEmpty else { return "" }
    var out = "<h2>\(e(LedgerText.staleHeading[l]))</h2>\n<ul>\n"
    for entry in stale { out += "<li>\(e(LedgerText.stale(entry, l)))</li>\n" }
    return out + "</ul>\n"
  }
}
