import ComplyModel

/// Splits an expression into tokens, tracking line and column of each.
///
/// Date literals are bare ISO dates (`2016-09-01`); there is no subtraction between integer literals that could
/// be confused with them.
struct Lexer {
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var line = 0
  private var column = 1

  init(_ text: String) { scalars = Array(text.unicodeScalars) }

  mutating func tokenize() -> Result<[Token], ExpressionError> {
    var tokens: [Token] = []
    // The end token sits right after the last token, so that "found end of expression" points at the
    // expression's last line, not at trailing blank lines (a literal block ends with a line break).
    var afterLast = TextPosition(line: 0, column: 1)
    while true {
      skipSpace()
      let start = index
      let position = TextPosition(line: line, column: column)
      guard index < scalars.count else {
        tokens.append(Token(kind: .end, position: afterLast, start: start, end: start))
        return .success(tokens)
      }
      let c = scalars[index]
      let kind: Token.Kind
      if isNameStart(c) {
        kind = .name(take(while: isNameContinue))
      } else if isDigit(c) {
        guard let number = lexNumberOrDate(at: position) else {
          return .failure(
            ExpressionError(
              .exprSyntax, "malformed number or date (write dates as YYYY-MM-DD, and put spaces around '-')",
              at: position))
        }
        kind = number
      } else if c == "\"" || c == "'" {
        switch lexText(quote: c, at: position) {
        case .success(let text): kind = .text(text)
        case .failure(let error): return .failure(error)
        }
      } else if let symbol = lexSymbol() {
        kind = .symbol(symbol)
      } else {
        return .failure(ExpressionError(.exprSyntax, "unexpected character '\(c)'", at: position))
      }
      tokens.append(Token(kind: kind, position: position, start: start, end: index))
      afterLast = TextPosition(line: line, column: column)
    }
  }

  private mutating func advance() {
    if scalars[index] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  private mutating func skipSpace() {
    while index < scalars.count {
      let c = scalars[index]
      if c == "#" {  // a comment runs to the end of the line
        while index < scalars.count, scalars[index] != "\n" { advance() }
      } else if c.properties.isWhitespace {
        advance()
      } else {
        return
      }
    }
  }

  private mutating func take(while predicate: (Unicode.Scalar) -> Bool) -> String {
    var text = String.UnicodeScalarView()
    while index < scalars.count, predicate(scalars[index]) {
      text.append(scalars[index])
      advance()
    }
    return String(text)
  }

  private mutating func lexNumberOrDate(at position: TextPosition) -> Token.Kind? {
    let digits = take(while: isDigit)
    if digits.count == 4, peek("-") {
      // A date literal: YYYY-MM-DD.
      var parts = [digits]
      while parts.count < 3, peek("-") {
        advance()
        let part = take(while: isDigit)
        guard part.count == 2 else { return nil }
        parts.append(part)
      }
      guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
        let day = Day(year: y, month: m, day: d)
      else { return nil }
      return .date(day)
    }
    var text = digits
    if peek("."), index + 1 < scalars.count, isDigit(scalars[index + 1]) {
      advance()
      text += "." + take(while: isDigit)
    }
    if index < scalars.count, isNameStart(scalars[index]) { return nil }
    return Double(text).map { .number($0) }
  }

  private mutating func lexText(quote: Unicode.Scalar, at position: TextPosition) -> Result<String, ExpressionError> {
    advance()
    var text = String.UnicodeScalarView()
    while index < scalars.count {
      let c = scalars[index]
      if c == quote {
        advance()
        return .success(String(text))
      }
      if c == "\\", index + 1 < scalars.count {
        advance()
        let escaped = scalars[index]
        switch escaped {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "\\", "\"", "'": text.append(escaped)
        // Any other escape keeps its backslash, so a pattern reads as written: "\d+" is \d+.
        default:
          text.append("\\")
          text.append(escaped)
        }
        advance()
        continue
      }
      if c == "\n" { break }
      text.append(c)
      advance()
    }
    return .failure(ExpressionError(.exprSyntax, "unterminated text literal", at: position))
  }

  private static let symbols = ["!=", "<=", ">=", "==", "(", ")", "[", "]", ",", "=", "<", ">", "+", "-", "*", "/"]

  private mutating func lexSymbol() -> String? {
    for symbol in Lexer.symbols {
      let s = Array(symbol.unicodeScalars)
      if index + s.count <= scalars.count, Array(scalars[index..<index + s.count]) == s {
        for _ in s { advance() }
        return symbol == "==" ? "=" : symbol
      }
    }
    return nil
  }

  private func peek(_ c: Unicode.Scalar) -> Bool { index < scalars.count && scalars[index] == c }
  private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
  private func isNameStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }
  private func isNameContinue(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || isDigit(c) }
}
