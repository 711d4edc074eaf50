import ComplyExpression
import ComplyModel

/// An expression written in a YAML scalar, with the map from positions inside the expression to the file.
///
/// Exact for one-line scalars (plain, or quoted without escapes) and for literal `|` blocks; other multi-line
/// forms are refused by `make`, so that no diagnostic points at the wrong column.
public struct ExpressionSource: Sendable {
  public var text: String
  /// Where each line of the expression starts in the file.
  private var lineStarts: [Location]

  public init(text: String, at location: Location) {
    self.text = text
    lineStarts = [location]
  }

  /// The file location of a position inside the expression.
  public func location(of position: TextPosition) -> Location {
    let start = lineStarts[min(position.line, lineStarts.count - 1)]
    return start.advanced(by: position.column - 1)
  }

  /// The source of the expression in `node`, or a diagnostic when the node is not a scalar or is written in a
  /// multi-line form whose columns cannot be traced.
  public static func make(_ node: YAMLNode, in document: YAMLDocument) -> Result<ExpressionSource, Diagnostic> {
    guard case .scalar(let text, let style) = node.kind else {
      return .failure(.error(.ruleShape, "expected an expression, found \(node.kindName)", at: node.location))
    }
    let location = node.location
    switch style {
    case .literal:
      // Content starts on the line after the `|` indicator, at the block's indentation.
      let first = location.line + 1
      let indent = document.lines.dropFirst(first - 1).first { !$0.allSatisfy(\.isWhitespace) }
        .map { $0.unicodeScalars.prefix { $0 == " " }.count } ?? 0
      let count = SourceText.lines(text).count
      var source = ExpressionSource(text: text, at: Location(file: location.file, line: first, column: indent + 1))
      source.lineStarts = (0..<count).map { Location(file: location.file, line: first + $0, column: indent + 1) }
      return .success(source)
    case .folded:
      return .failure(multiline(at: location))
    case .plain, .singleQuoted, .doubleQuoted:
      let quoted = style != .plain
      let line = location.line <= document.lines.count ? document.lines[location.line - 1] : ""
      // The rest of the line, sliced rather than copied scalar by scalar.
      let rest = Substring(line.unicodeScalars.dropFirst(location.column - 1 + (quoted ? 1 : 0)))
      // A scalar folded over several lines does not fit on its first line.
      if text.utf8.contains(UInt8(ascii: "\n")) || (!rest.hasPrefix(text) && style == .plain) || (quoted && rest.count < text.unicodeScalars.count) {
        return .failure(multiline(at: location))
      }
      return .success(ExpressionSource(text: text, at: quoted ? location.advanced(by: 1) : location))
    }
  }

  private static func multiline(at location: Location) -> Diagnostic {
    .error(
      .ruleMultilineExpression, "write a multi-line expression as a literal block ('|') so that errors point at the right column",
      at: location)
  }

  /// An expression error as a diagnostic at its place in the file.
  public func diagnostic(for error: ExpressionError) -> Diagnostic {
    let location = location(of: error.position)
    return .error(error.code, error.message, at: location, notes: error.notes.map { Diagnostic.Note($0) })
  }
}
