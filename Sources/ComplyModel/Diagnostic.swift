/// A problem in the user's rules or inputs. Diagnostics are collected and reported, never thrown.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// A secondary remark attached to a diagnostic, such as "did you mean …" or "declared here".
  public struct Note: Hashable, Sendable {
    public var message: String
    public var location: Location?
    public init(_ message: String, at location: Location? = nil) {
      self.message = message
      self.location = location
    }
  }

  public var severity: Severity
  public var code: DiagnosticCode
  /// One line, no final period.
  public var message: String
  public var location: Location?
  public var notes: [Note]

  public init(
    _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: Location?,
    notes: [Note] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.notes = notes
  }

  public static func error(_ code: DiagnosticCode, _ message: String, at location: Location?, notes: [Note] = [])
    -> Diagnostic
  {
    Diagnostic(.error, code, message, at: location, notes: notes)
  }

  public static func warning(_ code: DiagnosticCode, _ message: String, at location: Location?, notes: [Note] = [])
    -> Diagnostic
  {
    Diagnostic(.warning, code, message, at: location, notes: notes)
  }

  /// Sorted by location (diagnostics without one first), then code, then message.
  public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
    switch (a.location, b.location) {
    case (nil, .some): return true
    case (.some, nil): return false
    case let (.some(x), .some(y)) where x != y: return x < y
    default: return (a.code, a.message) < (b.code, b.message)
    }
  }

  /// `file:line:col: error: message [code]`, without the source excerpt.
  public var description: String {
    let prefix = location.map { "\($0): " } ?? ""
    return "\(prefix)\(severity.rawValue): \(message) [\(code)]"
  }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// A diagnostic can be the failure of a `Result`; it is still reported, never thrown across layers.
extension Diagnostic: Error {}
