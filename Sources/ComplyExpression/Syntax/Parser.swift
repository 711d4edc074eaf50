import ComplyModel

/// A recursive-descent parser for the condition language.
///
/// Precedence, loosest first: `or`, `and`, `not`, comparisons (`= != < <= > >= in`, `not in`), `+ -`, `* /`,
/// unary `-`. Nesting is limited so that no input can exhaust the stack.
public struct Parser {
  public static let maxDepth = 64
  public static let maxLength = 10_000

  private let scalars: [Unicode.Scalar]
  private var tokens: [Token] = []
  private var index = 0
  private var depth = 0

  private init(_ text: String) { scalars = Array(text.unicodeScalars) }

  /// Parses a whole expression, or returns the first syntax error.
  public static func parse(_ text: String) -> Result<Expr, ExpressionError> {
    if text.unicodeScalars.count > maxLength {
      return .failure(
        ExpressionError(.exprLimit, "expression longer than \(maxLength) characters", at: TextPosition(line: 0, column: 1)))
    }
    var parser = Parser(text)
    var lexer = Lexer(text)
    switch lexer.tokenize() {
    case .failure(let error): return .failure(error)
    case .success(let tokens): parser.tokens = tokens
    }
    do throws(ExpressionError) {
      let expr = try parser.parseOr()
      guard case .end = parser.current.kind else { throw parser.unexpected("end of expression") }
      return .success(expr)
    } catch {
      return .failure(error)
    }
  }

  private var current: Token { tokens[index] }

  private func text(from start: Token) -> String {
    let end = tokens[max(index - 1, 0)].end
    guard start.start < end else { return "" }
    return String(String.UnicodeScalarView(scalars[start.start..<end]))
  }

  private func unexpected(_ expected: String) -> ExpressionError {
    let found: String
    switch current.kind {
    case .end: found = "end of expression"
    case .name(let n): found = "'\(n)'"
    case .symbol(let s): found = "'\(s)'"
    case .text(let t): found = "\"\(t)\""
    case .number(let n): found = Value.format(n)
    case .date(let d): found = d.description
    }
    return ExpressionError(.exprSyntax, "expected \(expected), found \(found)", at: current.position)
  }

  private func isKeyword(_ word: String) -> Bool { current.kind == .name(word) }
  private func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }

  private mutating func expect(_ s: String) throws(ExpressionError) {
    guard isSymbol(s) else { throw unexpected("'\(s)'") }
    index += 1
  }

  private mutating func nest() throws(ExpressionError) {
    depth += 1
    if depth > Parser.maxDepth {
      throw ExpressionError(.exprLimit, "expression nested deeper than \(Parser.maxDepth) levels", at: current.position)
    }
  }

  private mutating func parseOr() throws(ExpressionError) -> Expr {
    let start = current
    var lhs = try parseAnd()
    while isKeyword("or") {
      index += 1
      let rhs = try parseAnd()
      lhs = Expr(.or(lhs, rhs), at: start.position, source: text(from: start))
    }
    return lhs
  }

  private mutating func parseAnd() throws(ExpressionError) -> Expr {
    let start = current
    var lhs = try parseNot()
    while isKeyword("and") {
      index += 1
      let rhs = try parseNot()
      lhs = Expr(.and(lhs, rhs), at: start.position, source: text(from: start))
    }
    return lhs
  }

  private mutating func parseNot() throws(ExpressionError) -> Expr {
    let start = current
    if isKeyword("not") {
      index += 1
      try nest()
      defer { depth -= 1 }
      let operand = try parseNot()
      return Expr(.not(operand), at: start.position, source: text(from: start))
    }
    return try parseComparison()
  }

  private static let comparisons: Set<String> = ["=", "!=", "<", "<=", ">", ">="]

  private mutating func parseComparison() throws(ExpressionError) -> Expr {
    let start = current
    let lhs = try parseSum()
    if case .symbol(let op) = current.kind, Parser.comparisons.contains(op) {
      index += 1
      let rhs = try parseSum()
      return Expr(.call(op, [lhs, rhs]), at: start.position, source: text(from: start))
    }
    if isKeyword("in") {
      index += 1
      let rhs = try parseSum()
      return Expr(.call("in", [lhs, rhs]), at: start.position, source: text(from: start))
    }
    if isKeyword("not"), index + 1 < tokens.count, tokens[index + 1].kind == .name("in") {
      index += 2
      let rhs = try parseSum()
      let inner = Expr(.call("in", [lhs, rhs]), at: start.position, source: text(from: start))
      return Expr(.not(inner), at: start.position, source: inner.source)
    }
    return lhs
  }

  private mutating func parseSum() throws(ExpressionError) -> Expr {
    let start = current
    var lhs = try parseProduct()
    while case .symbol(let op) = current.kind, op == "+" || op == "-" {
      index += 1
      let rhs = try parseProduct()
      lhs = Expr(.call(op, [lhs, rhs]), at: start.position, source: text(from: start))
    }
    return lhs
  }

  private mutating func parseProduct() throws(ExpressionError) -> Expr {
    let start = current
    var lhs = try parseUnary()
    while case .symbol(let op) = current.kind, op == "*" || op == "/" {
      index += 1
      let rhs = try parseUnary()
      lhs = Expr(.call(op, [lhs, rhs]), at: start.position, source: text(from: start))
    }
    return lhs
  }

  private mutating func parseUnary() throws(ExpressionError) -> Expr {
    let start = current
    if isSymbol("-") {
      index += 1
      try nest()
      defer { depth -= 1 }
      let operand = try parseUnary()
      if case .literal(.number(let n)) = operand.kind {
        return Expr(.literal(.number(-n)), at: start.position, source: text(from: start))
      }
      return Expr(.call("-x", [operand]), at: start.position, source: text(from: start))
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws(ExpressionError) -> Expr {
    let start = current
    switch current.kind {
    case .number(let n):
      index += 1
      return Expr(.literal(.number(n)), at: start.position, source: text(from: start))
    case .text(let t):
      index += 1
      return Expr(.literal(.text(t)), at: start.position, source: text(from: start))
    case .date(let d):
      index += 1
      return Expr(.literal(.date(DateSpan(d))), at: start.position, source: text(from: start))
    case .name(let name) where !Parser.reserved.contains(name):
      index += 1
      if name == "true" || name == "false" {
        return Expr(.literal(.bool(name == "true")), at: start.position, source: name)
      }
      guard isSymbol("(") else { return Expr(.name(name), at: start.position, source: name) }
      index += 1
      let args = try parseList(closing: ")")
      return Expr(.call(name, args), at: start.position, source: text(from: start))
    case .symbol("("):
      index += 1
      try nest()
      defer { depth -= 1 }
      let inner = try parseOr()
      try expect(")")
      return inner
    case .symbol("["):
      index += 1
      let items = try parseList(closing: "]")
      return Expr(.list(items), at: start.position, source: text(from: start))
    default:
      throw unexpected("a value, a name or '('")
    }
  }

  static let reserved: Set<String> = ["and", "or", "not", "in"]

  private mutating func parseList(closing: String) throws(ExpressionError) -> [Expr] {
    try nest()
    defer { depth -= 1 }
    var items: [Expr] = []
    if isSymbol(closing) {
      index += 1
      return items
    }
    while true {
      items.append(try parseOr())
      if isSymbol(",") {
        index += 1
        continue
      }
      try expect(closing)
      return items
    }
  }
}
