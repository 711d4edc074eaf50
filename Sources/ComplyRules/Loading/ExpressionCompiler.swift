import ComplyExpression
import ComplyModel

/// Parses and checks expressions written in YAML nodes, reporting mistakes at their place in the file.
struct ExpressionCompiler {
  let document: YAMLDocument
  let environment: Environment

  func check(_ node: YAMLNode?, expecting type: ExprType?, _ diagnostics: inout [Diagnostic]) -> CheckedExpr? {
    guard let node else { return nil }
    switch ExpressionSource.make(node, in: document) {
    case .failure(let diagnostic):
      diagnostics.append(diagnostic)
      return nil
    case .success(let source):
      switch TypeChecker.check(source.text, in: environment, expecting: type) {
      case .success(let checked): return checked
      case .failure(let errors):
        diagnostics += errors.errors.map(source.diagnostic(for:))
        return nil
      }
    }
  }

  func program(_ node: YAMLNode?, expecting type: ExprType?, _ diagnostics: inout [Diagnostic]) -> Program? {
    check(node, expecting: type, &diagnostics).map(Program.init)
  }

  /// A message template: text with `{expression}` holes, each checked.
  func template(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [MessageTemplate.Part]? {
    guard case .scalar(let text, _) = node.kind else {
      diagnostics.append(.error(.ruleShape, "a message must be text, found \(node.kindName)", at: node.location))
      return nil
    }
    let source: ExpressionSource
    switch ExpressionSource.make(node, in: document) {
    case .success(let s): source = s
    case .failure:
      // A long message may be folded; its holes are then reported at the message's start.
      source = ExpressionSource(text: text, at: node.location)
    }
    switch MessageTemplate.split(text) {
    case .failure(let unbalanced):
      let at = source.location(of: position(in: text, offset: unbalanced.offset))
      diagnostics.append(.error(.exprSyntax, "unbalanced '{' or '}' in message (write '{{' or '}}' for a brace)", at: at))
      return nil
    case .success(let pieces):
      var parts: [MessageTemplate.Part] = []
      var ok = true
      for piece in pieces {
        guard piece.hole else {
          parts.append(.text(piece.text))
          continue
        }
        let start = position(in: text, offset: piece.offset)
        switch TypeChecker.check(piece.text, in: environment) {
        case .success(let checked): parts.append(.value(Program(checked)))
        case .failure(let errors):
          ok = false
          for error in errors.errors {
            var shifted = error
            shifted.position = TextPosition(
              line: start.line + error.position.line,
              column: error.position.line == 0 ? start.column + error.position.column - 1 : error.position.column)
            diagnostics.append(source.diagnostic(for: shifted))
          }
        }
      }
      return ok ? parts : nil
    }
  }

  /// The line and column of a scalar offset in `text`.
  private func position(in text: String, offset: Int) -> TextPosition {
    var line = 0
    var column = 1
    for scalar in text.unicodeScalars.prefix(offset) {
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return TextPosition(line: line, column: column)
  }
}
