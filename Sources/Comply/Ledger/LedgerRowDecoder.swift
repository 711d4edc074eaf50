import ComplyEngine
import ComplyInput
import ComplyModel

/// Turns a ledger's records into entries, reporting each problem at the entry's line.
struct LedgerRowDecoder {
  let rules: Set<String>
  private(set) var entries: [LedgerEntry] = []
  private var lines: [String: Int] = [:]

  init(rules: Set<String>) { self.rules = rules }

  mutating func decode(_ record: Record, _ diagnostics: inout [Diagnostic]) {
    let at = Location(file: record.source.path, line: record.source.line, column: 0)
    let before = diagnostics.count
    func error(_ code: DiagnosticCode, _ message: String, notes: [Diagnostic.Note] = []) {
      diagnostics.append(.error(code, "row \(record.source.row): \(message)", at: at, notes: notes))
    }
    func text(_ name: String) -> String? {
      guard let i = LedgerReader.schema.index(of: name), case .text(let s) = record.values[i] else { return nil }
      return s
    }
    func day(_ name: String) -> Day? {
      // A column the ledger lacks (no waivers, say) is not set.
      guard let i = LedgerReader.schema.index(of: name), record.raw[i] != nil else { return nil }
      switch record.values[i] {
      case .date(let span): return span.last
      case .null: return nil
      default:
        error(.ledgerBadValue, "\(name) '\(record.raw[i] ?? "")' is not a date")
        return nil
      }
    }
    let rule = text("rule")
    let project = text("project")
    let statusIndex = LedgerReader.schema.index(of: "status") ?? 0
    let status = text("status").flatMap(LedgerEntry.Status.init(rawValue:))
    if rule == nil { error(.ledgerMissingKey, "no rule id") }
    if project == nil { error(.ledgerMissingKey, "no project id") }
    if let rule, !rules.contains(rule) {
      let notes = Suggestion.closest(to: rule, among: rules).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
      error(.ledgerUnknownRule, "no rule '\(rule)' in the pack", notes: notes)
    }
    if status == nil {
      let raw = record.raw[statusIndex] ?? ""
      error(
        raw.isEmpty ? .ledgerMissingKey : .ledgerBadValue,
        raw.isEmpty ? "no status" : "status '\(raw)' is not one of 未整改, 整改中, 已整改, 豁免 (open, in progress, rectified, waived)")
    }
    let deadline = day("deadline")
    let done = day("done")
    let expires = day("waiver_expires")
    if status == .inProgress, deadline == nil, diagnostics.count == before {
      error(.ledgerMissingKey, "an entry in progress (整改中) needs a deadline")
    }
    var waiver: LedgerMark.Waiver?
    if status == .waived {
      if let reason = text("waiver_reason"), let document = text("waiver_document"), let expires {
        waiver = LedgerMark.Waiver(reason: reason, document: document, expires: expires)
      } else {
        error(.ledgerMissingKey, "a waiver (豁免) needs its reason, approving document and expiry date")
      }
    }
    guard diagnostics.count == before, let rule, let project, let status else { return }
    var entry = LedgerEntry(ruleID: rule, recordKey: project, status: status, location: at)
    entry.file = text("file")
    entry.measure = text("measure")
    entry.responsible = text("responsible")
    entry.deadline = deadline
    entry.done = done
    entry.evidence = text("evidence")
    entry.waiver = waiver
    let fingerprint = Ledger.fingerprint(entry)
    if let first = lines[fingerprint] {
      error(.ledgerDuplicateEntry, "a second entry for \(rule) / \(project)", notes: [Diagnostic.Note("the first is on line \(first)")])
      return
    }
    lines[fingerprint] = record.source.line
    entries.append(entry)
  }
}
