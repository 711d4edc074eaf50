import ComplyModel
import Testing

@testable import ComplyExpression

private func tokens(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Token] {
  var lexer = Lexer(text)
  switch lexer.tokenize() {
  case .success(let tokens): return tokens
  case .failure(let error):
    Issue.record("\(text): \(error.message)", sourceLocation: sourceLocation)
    return []
  }
}

private func kinds(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Token.Kind] {
  tokens(text, sourceLocation: sourceLocation).map(\.kind)
}

private func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExpressionError? {
  var lexer = Lexer(text)
  switch lexer.tokenize() {
  case .success:
    Issue.record("\(text) lexes, but should not", sourceLocation: sourceLocation)
    return nil
  case .failure(let error): return error
  }
}

@Suite struct LexerTests {
  @Test func namesAndKeywordsAreNames() {
    #expect(kinds("is_set(x_1) and not _y") == [
      .name("is_set"), .symbol("("), .name("x_1"), .symbol(")"), .name("and"), .name("not"), .name("_y"), .end,
    ])
  }

  @Test func numbersAndDates() {
    #expect(kinds("12 0.05 2016-09-01") == [.number(12), .number(0.05), .date(Day(year: 2016, month: 9, day: 1)!), .end])
    // Subtraction needs no spaces between plain numbers; only four digits then '-' start a date.
    #expect(kinds("3-1") == [.number(3), .symbol("-"), .number(1), .end])
  }

  @Test func textLiteralsTakeEitherQuoteAndEscapes() {
    #expect(kinds(#""报告书" 'a"b' "it\'s\n""#) == [.text("报告书"), .text("a\"b"), .text("it's\n"), .end])
  }

  @Test func symbolsTakeTheLongestMatch() {
    #expect(kinds("a<=b>=c!=d==e<f>g") == [
      .name("a"), .symbol("<="), .name("b"), .symbol(">="), .name("c"), .symbol("!="), .name("d"), .symbol("="),
      .name("e"), .symbol("<"), .name("f"), .symbol(">"), .name("g"), .end,
    ])
    #expect(kinds("[1,2]*3/4+5") == [
      .symbol("["), .number(1), .symbol(","), .number(2), .symbol("]"), .symbol("*"), .number(3), .symbol("/"),
      .number(4), .symbol("+"), .number(5), .end,
    ])
  }

  @Test func commentsRunToTheEndOfTheLine() {
    #expect(kinds("a # the start\nor b") == [.name("a"), .name("or"), .name("b"), .end])
  }

  @Test func positionsAreZeroBasedLinesAndScalarColumns() {
    let t = tokens("\"开工\" = x\n  or y")
    #expect(t.map(\.position) == [
      TextPosition(line: 0, column: 1), TextPosition(line: 0, column: 6), TextPosition(line: 0, column: 8),
      TextPosition(line: 1, column: 3), TextPosition(line: 1, column: 6), TextPosition(line: 1, column: 7),
    ])
    // Offsets in Unicode scalars, for quoting a sub-expression's source.
    #expect(t[0].start == 0 && t[0].end == 4)
    #expect(t[2].start == 7 && t[2].end == 8)
  }

  @Test func malformedDatesAndNumbers() {
    for text in ["2019-13-01", "2019-02-30", "2019-3-01", "2019-03", "12abc"] {
      let error = failure("x < \(text)")
      #expect(error?.code == .exprSyntax, "\(text)")
      #expect(error?.position == TextPosition(line: 0, column: 5), "\(text)")
      #expect(error?.message == "malformed number or date (write dates as YYYY-MM-DD, and put spaces around '-')")
    }
  }

  @Test func unterminatedTextPointsAtItsQuote() {
    let error = failure("name = \"abc")
    #expect(error == ExpressionError(.exprSyntax, "unterminated text literal", at: TextPosition(line: 0, column: 8)))
    // A text literal does not run over a line break.
    #expect(failure("'a\nb'")?.position == TextPosition(line: 0, column: 1))
  }

  @Test func unexpectedCharacters() {
    #expect(failure("a && b") == ExpressionError(.exprSyntax, "unexpected character '&'", at: TextPosition(line: 0, column: 3)))
    #expect(failure("x\n  开工") == ExpressionError(.exprSyntax, "unexpected character '开'", at: TextPosition(line: 1, column: 3)))
  }

  @Test func theEndTokenSitsRightAfterTheLastToken() {
    #expect(tokens("ab  ").last?.position == TextPosition(line: 0, column: 3))
    // A literal block ends with a line break: the end is still on the expression's last line.
    #expect(tokens("a or\n  b <\n").last?.position == TextPosition(line: 1, column: 6))
    #expect(tokens("a # a comment\n\n").last?.position == TextPosition(line: 0, column: 2))
    #expect(tokens("").map(\.kind) == [.end])
    #expect(tokens("  \n").last?.position == TextPosition(line: 0, column: 1))
  }
}

@Suite struct LexerEscapeTests {
  @Test func unknownEscapesKeepTheirBackslashSoPatternsReadAsWritten() throws {
    let expr = try Parser.parse(#""\d+\.\s""#).get()
    #expect(expr.kind == .literal(.text(#"\d+\.\s"#)))
    let known = try Parser.parse(#""a\"b\\c\n""#).get()
    #expect(known.kind == .literal(.text("a\"b\\c\n")))
  }

  @Test func theUnaryMinusCannotBeCalledByName() {
    #expect(Builtins.named("neg") == nil)
  }
}
