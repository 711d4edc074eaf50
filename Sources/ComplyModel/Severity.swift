/// How serious a finding or a diagnostic is. Ordered: `notice < warning < error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
  case notice
  case warning
  case error

  /// 0, 1, 2 from notice to error: the order, and an index for counts kept by severity.
  public var rank: Int {
    switch self {
    case .notice: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
