import ComplyModel

/// A parsed, unchecked expression. Every node keeps where it starts and the source text it spans.
public struct Expr: Sendable, Hashable {
  public indirect enum Kind: Sendable, Hashable {
    case literal(Value)
    case name(String)
    case list([Expr])
    case not(Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    /// Operators are calls of built-ins named by their symbol (`<`, `+`, `in`, `neg`).
    case call(String, [Expr])
  }

  public var kind: Kind
  public var position: TextPosition
  /// The expression's own source text, e.g. `add_months(acceptance_start, 3)`.
  public var source: String

  public init(_ kind: Kind, at position: TextPosition, source: String) {
    self.kind = kind
    self.position = position
    self.source = source
  }
}
