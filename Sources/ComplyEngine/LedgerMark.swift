import ComplyModel

/// What a rectification ledger (整改台账) says of one finding at `as_of`.
public struct LedgerMark: Sendable, Hashable {
  /// A finding's state against the ledger.
  public enum Status: String, Sendable, Hashable, CaseIterable {
    /// No entry, an entry still open (未整改), an expired waiver, or a rectification without evidence.
    case open
    /// Being rectified (整改中) and the deadline is not past.
    case inProgress = "in_progress"
    /// Being rectified, or open, past its deadline: escalated to an error.
    case overdue
    /// Rectified (已整改) with evidence, on or before `as_of`: closed (销号).
    case closed
    /// Waived (豁免) until an expiry not yet reached.
    case waived

    /// Open and overdue findings still call for action; the others do not count towards the exit status.
    public var isOpen: Bool { self == .open || self == .overdue }

    public var title: LocalizedText {
      switch self {
      case .open: LocalizedText(zh: "未整改", en: "open")
      case .inProgress: LocalizedText(zh: "整改中", en: "in progress")
      case .overdue: LocalizedText(zh: "整改逾期", en: "overdue")
      case .closed: LocalizedText(zh: "已销号", en: "closed")
      case .waived: LocalizedText(zh: "已豁免", en: "waived")
      }
    }
  }

  public var status: Status
  /// The ledger entry, when one matched: its file and line.
  public var entry: Location?
  public var measure: String?
  public var responsible: String?
  public var deadline: Day?
  public var done: Day?
  public var evidence: String?
  public var waiver: Waiver?
  /// Why the status differs from the entry's own (an expired waiver, a rectification without evidence).
  public var note: LocalizedText?
  /// The rule's own severity when an overdue entry raised it to an error.
  public var escalatedFrom: Severity?
  /// The entry's position in its ledger, to list the entries no finding matched.
  public var entryIndex: Int?

  public init(status: Status) { self.status = status }

  /// A waiver's reason, approving document and expiry.
  public struct Waiver: Sendable, Hashable {
    public var reason: String
    public var document: String
    public var expires: Day

    public init(reason: String, document: String, expires: Day) {
      self.reason = reason
      self.document = document
      self.expires = expires
    }
  }
}
