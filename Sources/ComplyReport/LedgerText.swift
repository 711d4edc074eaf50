import ComplyEngine
import ComplyModel

/// How every report shows a finding's ledger status, the ledger's counts and its stale entries.
enum LedgerText {
  /// `整改中（期限 2020-01-20，责任单位 噶尔县生态环境局）`: the status with what backs it.
  static func status(_ mark: LedgerMark, _ l: Language) -> String {
    let zh = l == .zh
    var details: [String] = []
    switch mark.status {
    case .closed:
      if let evidence = mark.evidence { details.append((zh ? "佐证：" : "evidence: ") + evidence) }
      if let done = mark.done { details.append((zh ? "完成于 " : "done on ") + done.description) }
    case .inProgress, .overdue:
      if let deadline = mark.deadline { details.append((zh ? "期限 " : "deadline ") + deadline.description) }
      if let unit = mark.responsible { details.append((zh ? "责任单位 " : "responsible: ") + unit) }
    case .waived:
      if let w = mark.waiver {
        details.append((zh ? "至 " : "until ") + w.expires.description)
        details.append(w.reason)
        details.append(w.document)
      }
    case .open:
      if mark.entry == nil { details.append(zh ? "台账无记录" : "not in the ledger") }
    }
    if let note = mark.note { details.append(note[l]) }
    if let from = mark.escalatedFrom {
      details.append(zh ? "由\(ReportText.severity(from).zh)升为错误" : "raised from \(from.rawValue) to error")
    }
    let title = mark.status.title[l]
    guard !details.isEmpty else { return title }
    return zh ? "\(title)（\(details.joined(separator: "，"))）" : "\(title) (\(details.joined(separator: "; ")))"
  }

  /// `已销号 10，整改中 3，整改逾期 1，已豁免 1，未整改 12`.
  static func counts(_ counts: Summary.LedgerCounts, _ l: Language) -> String {
    let order: [LedgerMark.Status] = [.closed, .inProgress, .overdue, .waived, .open]
    return order.map { "\($0.title[l]) \(counts.byStatus[$0] ?? 0)" }.joined(separator: l == .zh ? "，" : ", ")
  }

  /// One stale entry: `construction-before-approval ALI-2016-007（已整改，ledger.yaml:12）`.
  static func stale(_ entry: LedgerEntry, _ l: Language) -> String {
    let file = entry.file.map { " \($0)" } ?? ""
    return l == .zh
      ? "\(entry.recordKey)\(file) [\(entry.ruleID)]（\(entry.status.title.zh)，\(entry.location)）"
      : "\(entry.recordKey)\(file) [\(entry.ruleID)] (\(entry.status.title.en), \(entry.location))"
  }

  static let staleHeading = LocalizedText(
    zh: "台账中未对应任何违法发现的条目（台账已不再显示该问题，可归档或核对台账）",
    en: "Ledger entries that match no finding (the register no longer shows the problem: archive them, or check the register)")
}
