import ComplyModel

/// One line of a rectification ledger (整改台账): what is being done about one rule's finding for one project.
public struct LedgerEntry: Sendable, Hashable {
  /// The status staff record (the ledger's own words), before `as_of` is applied.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    case rectified, inProgress = "in_progress", open, waived

    /// The Chinese and English spellings a ledger may use.
    public static let spellings: [String: Status] = [
      "已整改": .rectified, "rectified": .rectified, "整改中": .inProgress, "in_progress": .inProgress,
      "in progress": .inProgress, "未整改": .open, "open": .open, "豁免": .waived, "waived": .waived,
    ]

    public var title: LocalizedText {
      switch self {
      case .rectified: LocalizedText(zh: "已整改", en: "rectified")
      case .inProgress: LocalizedText(zh: "整改中", en: "in progress")
      case .open: LocalizedText(zh: "未整改", en: "open")
      case .waived: LocalizedText(zh: "豁免", en: "waived")
      }
    }
  }

  public var ruleID: String
  public var recordKey: String
  /// The register's file name, for a key that more than one file of a batch holds.
  public var file: String?
  public var status: Status
  public var measure: String?
  public var responsible: String?
  public var deadline: Day?
  public var done: Day?
  public var evidence: String?
  public var waiver: LedgerMark.Waiver?
  /// Where the entry is in the ledger file.
  public var location: Location

  public init(ruleID: String, recordKey: String, status: Status, location: Location) {
    self.ruleID = ruleID
    self.recordKey = recordKey
    self.status = status
    self.location = location
  }

  /// The entry's mark on its finding at `asOf`: closed only with evidence, overdue past the deadline, a waiver
  /// only until it expires.
  public func mark(asOf: Day) -> LedgerMark {
    var mark = LedgerMark(status: .open)
    mark.entry = location
    mark.measure = measure
    mark.responsible = responsible
    mark.deadline = deadline
    mark.done = done
    mark.evidence = evidence
    mark.waiver = waiver
    let pastDeadline = deadline.map { $0 < asOf } ?? false
    switch status {
    case .rectified:
      if evidence == nil {
        mark.note = LocalizedText(zh: "已整改但无佐证材料，不予销号", en: "rectified without evidence: not closed")
        mark.status = pastDeadline ? .overdue : .open
      } else if let done, asOf < done {
        mark.note = LocalizedText(zh: "完成日期 \(done) 晚于检查基准日", en: "done on \(done), after as_of")
        mark.status = pastDeadline ? .overdue : deadline == nil ? .open : .inProgress
      } else {
        mark.status = .closed
      }
    case .inProgress: mark.status = pastDeadline ? .overdue : .inProgress
    case .open: mark.status = pastDeadline ? .overdue : .open
    case .waived:
      if let waiver, waiver.expires < asOf {
        mark.note = LocalizedText(zh: "豁免已于 \(waiver.expires) 到期", en: "the waiver expired on \(waiver.expires)")
        mark.status = .open
      } else {
        mark.status = .waived
      }
    }
    return mark
  }
}

/// A rectification ledger's entries, looked up by rule id and record key (and file name, when an entry names
/// one), the same fingerprint as baselines.
public struct Ledger: Sendable {
  public var path: String
  public private(set) var entries: [LedgerEntry]
  private var index: [String: Int] = [:]

  /// Entries with the same rule, key and file are refused by the reader; here the first wins.
  public init(path: String, entries: [LedgerEntry]) {
    self.path = path
    self.entries = entries
    for (i, entry) in entries.enumerated() where index[Ledger.fingerprint(entry)] == nil {
      index[Ledger.fingerprint(entry)] = i
    }
  }

  public static func fingerprint(_ entry: LedgerEntry) -> String {
    fingerprint(entry.ruleID, entry.recordKey, entry.file)
  }

  static func fingerprint(_ rule: String, _ key: String, _ file: String?) -> String {
    file.map { "\(rule)\u{1F}\(key)\u{1F}\($0)" } ?? "\(rule)\u{1F}\(key)"
  }

  /// The entry for a finding: the one naming its file first, then the one naming none.
  public func entryIndex(for finding: Finding) -> Int? {
    index[Ledger.fingerprint(finding.ruleID, finding.recordKey, finding.source.fileName)]
      ?? index[Ledger.fingerprint(finding.ruleID, finding.recordKey, nil)]
  }

  /// The judgement with each finding marked; an overdue one is raised to an error.
  public func mark(_ judgement: Judgement, asOf: Day) -> Judgement {
    var marked = judgement
    for i in marked.findings.indices {
      let entry = entryIndex(for: marked.findings[i])
      var mark = entry.map { entries[$0].mark(asOf: asOf) } ?? LedgerMark(status: .open)
      mark.entryIndex = entry
      if mark.status == .overdue, marked.findings[i].severity != .error {
        mark.escalatedFrom = marked.findings[i].severity
        marked.findings[i].severity = .error
      }
      marked.findings[i].ledger = mark
    }
    return marked
  }

  /// The entries of judged rules that no finding matched: the register no longer shows their problem.
  public func stale(matched: Set<Int>, judgedRules: Set<String>) -> [LedgerEntry] {
    entries.indices.filter { !matched.contains($0) && judgedRules.contains(entries[$0].ruleID) }.map { entries[$0] }
  }
}
