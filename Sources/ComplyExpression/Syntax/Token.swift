import ComplyModel

/// A position inside an expression's text: 0-based line, 1-based column in Unicode scalars.
public struct TextPosition: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A lexical token of the condition language.
public struct Token: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case name(String)
    case text(String)
    case number(Double)
    case date(Day)
    case symbol(String)  // ( ) [ ] , = != < <= > >= + - * /
    case end
  }

  public var kind: Kind
  public var position: TextPosition
  /// Offset range in the expression's Unicode scalars, for quoting the source of a sub-expression.
  public var start: Int
  public var end: Int
}
