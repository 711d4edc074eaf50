import ComplyModel
import Testing

@testable import ComplyExpression

/// The parse tree as an S-expression: `(or a (and b c))`, `(not (in x [1 2]))`, `(add_months d 3)`.
private func tree(_ expr: Expr) -> String {
  switch expr.kind {
  case .literal(.text(let t)): return "\"\(t)\""
  case .literal(let value): return value.description
  case .name(let name): return name
  case .list(let items): return "[" + items.map(tree).joined(separator: " ") + "]"
  case .not(let a): return "(not \(tree(a)))"
  case .and(let a, let b): return "(and \(tree(a)) \(tree(b)))"
  case .or(let a, let b): return "(or \(tree(a)) \(tree(b)))"
  case .call(let name, let arguments): return "(" + ([name] + arguments.map(tree)).joined(separator: " ") + ")"
  }
}

private func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Expr? {
  switch Parser.parse(text) {
  case .success(let expr): return expr
  case .failure(let error):
    Issue.record("\(text): \(error.message) at \(error.position)", sourceLocation: sourceLocation)
    return nil
  }
}

private func parsed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
  parse(text, sourceLocation: sourceLocation).map(tree) ?? "<error>"
}

private func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExpressionError? {
  switch Parser.parse(text) {
  case .success(let expr):
    Issue.record("\(text) parses as \(tree(expr)), but should not", sourceLocation: sourceLocation)
    return nil
  case .failure(let error): return error
  }
}

private func at(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

@Suite struct ParserTests {
  @Test(arguments: [
    ("a or b and c", "(or a (and b c))"),
    ("a and b or c", "(or (and a b) c)"),
    ("a or b or c", "(or (or a b) c)"),
    ("not a and b", "(and (not a) b)"),
    ("not not a", "(not (not a))"),
    ("not a = b", "(not (= a b))"),
    ("a = b and c != d", "(and (= a b) (!= c d))"),
    ("a + b * c < d", "(< (+ a (* b c)) d)"),
    ("a - b - c", "(- (- a b) c)"),
    ("a / b * c", "(* (/ a b) c)"),
    ("-a * b", "(* (-x a) b)"),
    ("- -a", "(-x (-x a))"),
    ("-5 + x", "(+ -5 x)"),
    ("(a or b) and c", "(and (or a b) c)"),
    ("a * (b + c)", "(* a (+ b c))"),
    ("x in [\"报告书\", \"报告表\"]", "(in x [\"报告书\" \"报告表\"])"),
    ("x not in [1, 2]", "(not (in x [1 2]))"),
    ("not x in [1]", "(not (in x [1]))"),
    ("a and x not in [] or b", "(or (and a (not (in x []))) b)"),
    ("d >= add_months(coalesce(e, f), 3)", "(>= d (add_months (coalesce e f) 3))"),
    ("as_of > 2016-09-01 == true", "<error>"),
    ("is_set(x) = false", "(= (is_set x) false)"),
    ("f()", "(f)"),
    ("[[1], []]", "[[1] []]"),
  ])
  func precedence(text: String, expected: String) {
    if expected == "<error>" {
      #expect(error(text) != nil)
    } else {
      #expect(parsed(text) == expected)
    }
  }

  @Test func eachNodeKeepsItsPositionAndSource() throws {
    let expr = try #require(parse("is_set(a)\n  and  add_months(acceptance_start, 3) < as_of"))
    guard case .and(let lhs, let rhs) = expr.kind else {
      Issue.record("expected an and, found \(tree(expr))")
      return
    }
    #expect(expr.position == at(0, 1))
    #expect(lhs.source == "is_set(a)")
    #expect(rhs.position == at(1, 8))
    #expect(rhs.source == "add_months(acceptance_start, 3) < as_of")
    guard case .call("<", let operands) = rhs.kind else {
      Issue.record("expected a comparison, found \(tree(rhs))")
      return
    }
    #expect(operands[0].source == "add_months(acceptance_start, 3)")
    #expect(operands[1].position == at(1, 42))
  }

  @Test func comparisonsDoNotChain() {
    #expect(error("a < b < c") == ExpressionError(.exprSyntax, "expected end of expression, found '<'", at: at(0, 7)))
  }

  @Test func syntaxErrorsPointAtTheOffendingToken() {
    #expect(error("a and") == ExpressionError(.exprSyntax, "expected a value, a name or '(', found end of expression", at: at(0, 6)))
    #expect(error("a b") == ExpressionError(.exprSyntax, "expected end of expression, found 'b'", at: at(0, 3)))
    #expect(error("and a") == ExpressionError(.exprSyntax, "expected a value, a name or '(', found 'and'", at: at(0, 1)))
    #expect(error("f(a, b") == ExpressionError(.exprSyntax, "expected ')', found end of expression", at: at(0, 7)))
    #expect(error("(a or b") == ExpressionError(.exprSyntax, "expected ')', found end of expression", at: at(0, 8)))
    #expect(error("[1, 2") == ExpressionError(.exprSyntax, "expected ']', found end of expression", at: at(0, 6)))
    #expect(error("x in [1,]") == ExpressionError(.exprSyntax, "expected a value, a name or '(', found ']'", at: at(0, 9)))
    #expect(error("a = \"报告书\" 2") == ExpressionError(.exprSyntax, "expected end of expression, found 2", at: at(0, 11)))
    #expect(error("x not y") == ExpressionError(.exprSyntax, "expected end of expression, found 'not'", at: at(0, 3)))
  }

  /// Found by fuzzing: naming a number of 10^15 or more in a syntax error trapped converting it to Int64.
  @Test func syntaxErrorsNameHugeNumbers() {
    #expect(
      error("x 77777777777777777777")
        == ExpressionError(.exprSyntax, "expected end of expression, found 77777777777777770496", at: at(0, 3)))
  }

  @Test func theEndOfAnExpressionIsAfterItsLastToken() {
    // As in a literal block, which ends with a line break.
    #expect(error("is_set(a)\n  or b <\n") == ExpressionError(.exprSyntax, "expected a value, a name or '(', found end of expression", at: at(1, 9)))
  }

  @Test func syntaxErrorsOnLaterLines() {
    #expect(error("is_set(a)\n  and\n  or b") == ExpressionError(.exprSyntax, "expected a value, a name or '(', found 'or'", at: at(2, 3)))
    #expect(error("a\n  and 开工") == ExpressionError(.exprSyntax, "unexpected character '开'", at: at(1, 7)))
  }

  @Test func nestingUpToTheLimitParses() {
    let depth = Parser.maxDepth
    let text = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
    #expect(parsed(text) == "x")
    #expect(parsed(String(repeating: "not ", count: depth) + "x").hasPrefix("(not (not"))
  }

  @Test func nestingBeyondTheLimitIsAnError() {
    let depth = Parser.maxDepth + 1
    let text = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
    #expect(error(text) == ExpressionError(.exprLimit, "expression nested deeper than 64 levels", at: at(0, 66)))
    #expect(error(String(repeating: "not ", count: depth) + "x")?.code == .exprLimit)
    #expect(error(String(repeating: "-", count: depth) + "1")?.code == .exprLimit)
    #expect(error(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))?.code == .exprLimit)
    #expect(error("f(" + String(repeating: "g(", count: depth) + ")")?.code == .exprLimit)
  }

  @Test func deepInputDoesNotExhaustTheStack() {
    #expect(error(String(repeating: "(", count: 9_000))?.code == .exprLimit)
  }

  @Test func overlongInputIsRefusedBeforeParsing() {
    let text = String(repeating: "a or ", count: 2_000) + "a"
    #expect(error(text) == ExpressionError(.exprLimit, "expression longer than 10000 characters", at: at(0, 1)))
  }
}
