import ComplyEngine
import ComplyModel
import ComplyRules

/// The sections of the HTML report, in page order. Every value from the register or the rules passes through
/// `HTML.escape`; fixed words come from `HTMLText` and `ReportText`.
struct HTMLPage {
  var run: RunInfo
  var summary: Summary
  /// Findings per value of each of the pack's grouping fields.
  var groupCounts: [[String: Int]]
  var limit: Int
  var rejections: [RowRejection]
  var diagnostics: [Diagnostic]
  var dueSoon: DueSoon

  private var l: Language { run.language }
  private var schema: Schema { run.pack.schema }
  private func e(_ text: String) -> String { HTML.escape(text) }

  func head() -> String {
    let title = "\(e(run.pack.title[l])) v\(e(run.pack.version)) — \(HTMLText.report[l])"
    var out = "<!DOCTYPE html>\n<html lang=\"\(l == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLAssets.policy)\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>\(title)</title>\n<style>\(HTMLAssets.style)</style>\n</head>\n<body>\n"
    out += "<h1>\(title)</h1>\n<p class=\"sub\">\(ReportText.asOf[l].capitalizedFirst) \(run.asOf) · "
    return out + "\(e(run.tool)) \(e(run.version))</p>\n"
  }

  func cards() -> String {
    var cards: [(String, Int, String)] = [
      (HTMLText.read[l], summary.read, ""), (HTMLText.judged[l], summary.records, ""),
      (HTMLText.rejected[l], summary.rejected, ""), (HTMLText.findings[l], summary.findings, ""),
    ]
    cards += Severity.allCases.reversed().map {
      (ReportText.severity($0)[l].capitalizedFirst, summary.findingsBySeverity[$0] ?? 0, $0.rawValue)
    }
    cards.append((HTMLText.undetermined[l], summary.undetermined, ""))
    if let ledger = summary.ledger {
      cards.append((HTMLText.stillOpen[l], summary.openFindings, "error"))
      cards += LedgerMark.Status.allCases.map { (HTMLText.ledger[l] + " · " + $0.title[l], ledger.byStatus[$0] ?? 0, "") }
    }
    let items = cards.map { name, count, kind in
      "<div class=\"card\(kind.isEmpty ? "" : " " + kind)\"><b>\(HTML.count(count))</b><span>\(name)</span></div>"
    }
    return "<section class=\"cards\">\n" + items.joined(separator: "\n") + "\n</section>\n"
  }

  func charts() -> String {
    var out = "<section class=\"charts\">\n"
    if let first = schema.groupFields.first, let counts = groupCounts.first, !counts.isEmpty {
      let name = schema.fields[first].title[l]
      let bars = counts.map { (($0.key.isEmpty ? HTMLText.blank[l] : $0.key), $0.value) }
      out += "<div><h2>\(e(HTMLText.format(HTMLText.byGroup, l, name)))</h2>\n"
      out += chart(bars, colour: "#3f6fb5") + "</div>\n"
    }
    let found = summary.findingsByRule
    let byRule = run.rules.compactMap { r in found[r.id].map { (r.title[l], $0) } }
    if !byRule.isEmpty {
      out += "<div><h2>\(HTMLText.byRule[l])</h2>\n" + chart(byRule, colour: "#c65a3a") + "</div>\n"
    }
    return out + "</section>\n"
  }

  /// A horizontal bar chart, largest first (ties by label), at most 20 bars with the rest summed.
  func chart(_ items: [(String, Int)], colour: String) -> String {
    var bars = items.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    if bars.count > 20 {
      let rest = bars[19...]
      let others = HTMLText.format(HTMLText.others, l, "", rest.count)
      bars = Array(bars.prefix(19)) + [(others, rest.reduce(0) { $0 + $1.1 })]
    }
    let top = max(1, bars.first?.1 ?? 1)
    let (labelWidth, barWidth, step) = (190, 300, 24)
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 60)\" "
    out += "height=\"\(bars.count * step + 4)\" role=\"img\">\n"
    for (i, bar) in bars.enumerated() {
      let y = i * step + 2
      let width = max(1, bar.1 * barWidth / top)
      var label = bar.0
      if DiagnosticRenderer.displayWidth(label) > 28 {
        while DiagnosticRenderer.displayWidth(label) > 26 { label.removeLast() }
        label += "…"
      }
      out += "<g><title>\(e(bar.0)): \(bar.1)</title>"
      out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(e(label))</text>"
      out += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(width)\" height=\"\(step - 6)\" rx=\"2\" fill=\"\(colour)\"/>"
      out += "<text class=\"n\" x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(bar.1)</text></g>\n"
    }
    return out + "</svg>\n"
  }

  func tableStart(shown: Int) -> String {
    var out = "<h2>\(HTMLText.findings[l])</h2>\n"
    if summary.findings == 0 { return out + "<p>\(HTMLText.noFindings[l])</p>\n" }
    guard shown > 0 else { return out }
    out += "<div class=\"filters\">\n"
    for (i, field) in schema.groupFields.enumerated() where i < groupCounts.count {
      let values = groupCounts[i].keys.sorted().map { ($0, $0.isEmpty ? HTMLText.blank[l] : $0) }
      out += select(schema.fields[field].title[l], "g\(i)", values)
    }
    let found = summary.findingsByRule
    let rules = run.rules.filter { (found[$0.id] ?? 0) > 0 }.map { ($0.id, $0.title[l]) }
    out += select(HTMLText.rule[l], "rule", rules)
    let severities = Severity.allCases.reversed().map { (String($0.rank), ReportText.severity($0)[l]) }
    out += select(HTMLText.severity[l], "sev", severities)
    if run.ledger != nil {
      out += select(HTMLText.ledger[l], "ledger", LedgerMark.Status.allCases.map { ($0.rawValue, $0.title[l]) })
    }
    let counter = HTMLText.format(HTMLText.shown, l, "<b id=\"shown\">\(shown)</b>", shown)
    out += "<span>\(counter)</span> <span class=\"hint\">· \(HTMLText.sortHint[l])</span>\n</div>\n"
    let key = schema.fields[schema.keyField].title[l]
    let label = schema.labelField.map { schema.fields[$0].title[l] } ?? HTMLText.label[l]
    var heads = [key, label] + schema.groupFields.map { schema.fields[$0].title[l] } + [HTMLText.rule[l]]
    heads = heads.map { "<th>\(e($0))</th>" }
    heads += ["<th data-severity>\(HTMLText.severity[l])</th>", "<th>\(HTMLText.message[l])</th>"]
    if run.ledger != nil { heads.append("<th>\(HTMLText.ledger[l])</th>") }
    heads.append("<th>\(HTMLText.details[l])</th>")
    return out + "<table class=\"findings\" id=\"findings\">\n<thead><tr>" + heads.joined() + "</tr></thead>\n<tbody>\n"
  }

  private func select(_ name: String, _ filter: String, _ options: [(value: String, text: String)]) -> String {
    var out = "<label>\(e(name)) <select data-filter=\"\(filter)\"><option value=\"\">\(HTMLText.all[l])</option>"
    for option in options { out += "<option value=\"\(e(option.value))\">\(e(option.text))</option>" }
    return out + "</select></label>\n"
  }

  func tableEnd(shown: Int) -> String {
    var out = shown > 0 ? "</tbody>\n</table>\n" : ""
    if summary.findings > shown {
      let note = HTMLText.format(HTMLText.more, l, HTML.count(limit), summary.findings - shown)
      out += "<p class=\"more\">\(note)</p>\n"
    }
    return out
  }

  func inputProblems() -> String {
    let failed = summary.inputs.filter { $0.failure != nil }
    guard !rejections.isEmpty || !diagnostics.isEmpty || !failed.isEmpty else { return "" }
    var items = failed.map { "\(e($0.path)): \(HTMLText.unreadable[l]): \(e($0.failure ?? ""))" }
    items += rejections.map { r in
      "\(e(r.source.path)) \(ReportText.format(ReportText.row, l, r.source.row)): \(e(r.reason))"
    }
    items += diagnostics.map { e($0.description) }
    if summary.rejected > rejections.count || summary.warnings > diagnostics.count {
      items.append(HTMLText.moreProblems[l])
    }
    return "<h2>\(HTMLText.inputProblems[l])</h2>\n<ul>\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
  }

  func provenance() -> String {
    let provenance = ProvenanceText(run: run, summary: summary)
    let lines = provenance.lines { "<code>\(HTML.escape($0))</code>" }
    var out = "<h2>\(provenance.heading)</h2>\n<ul class=\"prov\">\n" + lines.map { "<li>\($0)</li>\n" }.joined()
    out += "</ul>\n<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
    return out
  }
}
