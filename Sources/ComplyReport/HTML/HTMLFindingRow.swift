import ComplyEngine
import ComplyModel
import ComplyRules

/// A judgement's findings as rows of the findings table, each with its details cell: where the record is,
/// the evidence (header, cell, value), what decided it, legal basis, penalty range, remedy and notes.
///
/// The rows of one judgement are joined by U+001E, which escaping keeps out of every value, so that the
/// reporter can file each row under its severity.
struct HTMLFindingRow: JudgementRenderer {
  static let separator: Character = "\u{1E}"

  var language: Language
  /// The pack's grouping fields (county, sector) by name, in the pack's order.
  var groups: [String]
  /// With a ledger, a column gives each finding's status (and the table filters by it).
  var ledger = false

  func render(_ judgement: Judgement) -> [UInt8] { Array(text(judgement).utf8) }

  func text(_ judgement: Judgement) -> String {
    judgement.findings.map(row).joined(separator: String(Self.separator))
  }

  private func row(_ f: Finding) -> String {
    let l = language
    let e = HTML.escape
    var out = "<tr data-rule=\"\(e(f.ruleID))\" data-sev=\"\(f.severity.rank)\""
    for (i, group) in groups.enumerated() { out += " data-g\(i)=\"\(e(f.groups[group] ?? ""))\"" }
    let mark = ledger ? f.ledger ?? LedgerMark(status: .open) : nil
    if let mark { out += " data-ledger=\"\(mark.status.rawValue)\"" }
    out += "><td class=\"nw\">\(e(f.recordKey))</td><td>\(e(f.label))</td>"
    for group in groups { out += "<td class=\"nw\">\(e(f.groups[group] ?? ""))</td>" }
    out += "<td>\(e(f.title[l]))<br><code>\(e(f.ruleID))</code></td>"
    out += "<td><span class=\"sev sev-\(f.severity.rawValue)\">\(e(ReportText.severity(f.severity)[l]))</span></td>"
    out += "<td>\(e(f.message[l]))</td>"
    if let mark {
      out += "<td><span class=\"ledger ledger-\(mark.status.rawValue)\">\(e(mark.status.title[l]))</span>"
      let status = LedgerText.status(mark, l)
      out += status == mark.status.title[l] ? "</td>" : "<br><small>\(e(status))</small></td>"
    }
    out += "<td><details><summary>\(HTMLText.details[l])</summary><dl>" + details(f) + "</dl></details></td></tr>"
    return out
  }

  private func details(_ f: Finding) -> String {
    let l = language
    let e = HTML.escape
    let sep = l == .zh ? "；" : "; "
    var out = item(HTMLText.place[l], e(f.source.path) + " " + ReportText.format(ReportText.row, l, f.source.row))
    if !f.evidence.isEmpty { out += item(ReportText.evidence[l], evidence(f.evidence)) }
    if !f.decidedBy.isEmpty {
      out += item(ReportText.decidedBy[l], f.decidedBy.map { e($0[l]) }.joined(separator: "<br>"))
    }
    let basis = f.penalty?.basis ?? f.basis
    if !basis.isEmpty {
      let unconfirmed = f.confidence == .confirmed ? "" : ReportText.unconfirmed[l]
      out += item(ReportText.basis[l], e(ReportText.basis(basis, l) + unconfirmed))
    }
    if let penalty = f.penalty { out += item(ReportText.penalty[l], e(ReportText.penalty(penalty, l))) }
    if !f.remedy[l].isEmpty { out += item(ReportText.remedy[l], e(f.remedy[l])) }
    if !f.annotations.isEmpty {
      out += item(ReportText.note[l], f.annotations.map { "⚠ " + e($0[l]) }.joined(separator: sep))
    }
    return out
  }

  private func item(_ term: String, _ html: String) -> String { "<dt>\(term)</dt><dd>\(html)</dd>" }

  private func evidence(_ items: [Evidence]) -> String {
    let l = language
    let e = HTML.escape
    var out = "<table class=\"ev\"><tr><th>\(HTMLText.field[l])</th><th>\(HTMLText.header[l])</th>"
    out += "<th>\(HTMLText.raw[l])</th><th>\(HTMLText.value[l])</th></tr>"
    for item in items {
      let note = item.note.map { " <em>(\(e($0[l])))</em>" } ?? ""
      out += "<tr><td>\(e(item.title[l]))</td><td>\(e(item.header ?? ""))</td><td>\(e(item.raw ?? ""))</td>"
      out += "<td>\(e(item.value))\(note)</td></tr>"
    }
    return out + "</table>"
  }
}
