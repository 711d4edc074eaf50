import ComplyModel

/// A mistake in an expression, at a position inside the expression's text. The rules layer turns it into a
/// `Diagnostic` at the file, line and column of the YAML file.
public struct ExpressionError: Error, Hashable, Sendable {
  public var code: DiagnosticCode
  public var message: String
  public var position: TextPosition
  public var notes: [String]

  public init(_ code: DiagnosticCode, _ message: String, at position: TextPosition, notes: [String] = []) {
    self.code = code
    self.message = message
    self.position = position
    self.notes = notes
  }
}

/// Every mistake found in one expression, sorted by position.
public struct ExpressionErrors: Error, Hashable, Sendable {
  public var errors: [ExpressionError]
  public init(_ errors: [ExpressionError]) { self.errors = errors }
}
