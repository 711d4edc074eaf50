import ComplyModel
import Foundation
import Yams

/// A YAML file parsed into `YAMLNode`s, with its source lines kept for diagnostics and expression positions.
///
/// Anchors and aliases are refused: Yams expands aliases without limit (a 545-byte file can exhaust memory), and
/// rule files have no need of them. The walk stops at the first anchored node, so it is linear in the file.
public struct YAMLDocument: Sendable {
  public static let maxBytes = 1 << 20
  public static let maxNodes = 100_000

  public let path: String
  public let lines: [Substring]
  public let root: YAMLNode?

  /// Reads and parses a file; problems become diagnostics, and `root` is nil when nothing could be read.
  public static func load(path: String, diagnostics: inout [Diagnostic]) -> YAMLDocument {
    let start = Location(file: path, line: 1, column: 1)
    guard let data = FileManager.default.contents(atPath: path) else {
      diagnostics.append(.error(.ruleFileUnreadable, "cannot read the file", at: start))
      return YAMLDocument(path: path, lines: [], root: nil)
    }
    guard data.count <= maxBytes else {
      diagnostics.append(.error(.ruleLimit, "rule file larger than \(maxBytes) bytes", at: start))
      return YAMLDocument(path: path, lines: [], root: nil)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      diagnostics.append(.error(.ruleFileUnreadable, "the file is not UTF-8 text", at: start))
      return YAMLDocument(path: path, lines: [], root: nil)
    }
    return parse(text, path: path, diagnostics: &diagnostics)
  }

  public static func parse(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> YAMLDocument {
    let lines = SourceText.lines(text)
    do {
      // The basic resolver: comply never lets YAML guess a scalar's type, and the default one runs a regular
      // expression on every scalar (half of a pack's load time). The encoding is given: Yams's default reads the
      // whole environment on every call (and prints to standard output when YAMS_DEFAULT_ENCODING is set).
      let parser = try Yams.Parser(yaml: text, resolver: .basic, encoding: .utf8)
      // The parser must stay alive while we walk: Yams holds anchors weakly.
      var builder = Builder(path: path, lines: lines)
      guard let node = try withExtendedLifetime(parser, { try parser.singleRoot() }) else {
        // Blank, or only comments. Found by fuzzing: an empty pack.yaml refused the pack without a word, and an
        // empty rule file was left out without one.
        diagnostics.append(
          .error(.ruleShape, "the file is empty: it holds no YAML document", at: Location(file: path, line: 1, column: 1)))
        return YAMLDocument(path: path, lines: lines, root: nil)
      }
      let root = withExtendedLifetime(parser) { builder.convert(node) }
      diagnostics += builder.diagnostics
      return YAMLDocument(path: path, lines: lines, root: root)
    } catch let error as YamlError {
      diagnostics.append(diagnostic(for: error, path: path))
    } catch {
      diagnostics.append(.error(.yamlSyntax, "\(error)", at: Location(file: path, line: 1, column: 1)))
    }
    return YAMLDocument(path: path, lines: lines, root: nil)
  }

  private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
    switch error {
    case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
      let .composer(context, problem, mark, _):
      let message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
      return .error(.yamlSyntax, message, at: Location(file: path, line: mark.line, column: mark.column))
    case let .duplicatedKeysInMapping(duplicates, context):
      // Yams refuses these before the mapping reaches us; its description quotes the whole file.
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return .error(
        .ruleDuplicateKey, "duplicate key \(keys) in a mapping",
        at: Location(file: path, line: context.mark.line, column: context.mark.column))
    case let .reader(problem, offset, _, _):
      return .error(.yamlSyntax, "\(problem) at byte \(offset ?? 0)", at: Location(file: path, line: 1, column: 1))
    default:
      return .error(.yamlSyntax, "\(error)", at: Location(file: path, line: 1, column: 1))
    }
  }

  /// Converts Yams nodes, refusing anchors and counting nodes.
  private struct Builder {
    let path: String
    let lines: [Substring]
    var count = 0
    var diagnostics: [Diagnostic] = []
    /// How often each anchored node was met: Yams hands every alias back as its anchored node.
    var seen: [ObjectIdentifier: Int] = [:]

    mutating func convert(_ node: Node) -> YAMLNode? {
      count += 1
      let mark = node.mark
      let location = Location(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
      guard count <= YAMLDocument.maxNodes else {
        if count == YAMLDocument.maxNodes + 1 {
          diagnostics.append(.error(.ruleLimit, "more than \(YAMLDocument.maxNodes) YAML nodes", at: location))
        }
        return nil
      }
      switch node {
      case .scalar(let scalar):
        if scalar.anchor != nil { return refuse(at: place(of: scalar.anchor, default: location)) }
        return YAMLNode(kind: .scalar(scalar.string, style(scalar.style)), location: location)
      case .mapping(let mapping):
        if mapping.anchor != nil { return refuse(at: place(of: mapping.anchor, default: location)) }
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        for (key, value) in mapping {
          guard let k = convert(key), let v = convert(value) else { continue }
          pairs.append((k, v))
        }
        return YAMLNode(kind: .mapping(pairs), location: location)
      case .sequence(let sequence):
        if sequence.anchor != nil { return refuse(at: place(of: sequence.anchor, default: location)) }
        return YAMLNode(kind: .sequence(sequence.compactMap { convert($0) }), location: location)
      case .alias:
        return refuse(at: location)
      }
    }

    /// The `k`-th use of an anchored node: the anchor itself first, then its aliases (`*name`) in file order.
    private mutating func place(of anchor: Anchor?, default location: Location) -> Location {
      // A file of many aliases is refused just the same; only the first few are placed, so the scan stays cheap.
      guard let anchor, diagnostics.count < 20 else { return location }
      let visits = seen[ObjectIdentifier(anchor), default: 0]
      seen[ObjectIdentifier(anchor)] = visits + 1
      guard visits > 0 else { return location }
      var found = 0
      let target = Array("*\(anchor.rawValue)".unicodeScalars)
      for (i, line) in lines.enumerated() {
        let scalars = Array(line.unicodeScalars)
        var j = 0
        while j + target.count <= scalars.count {
          let end = j + target.count
          if Array(scalars[j..<end]) == target,
            end == scalars.count || !(scalars[end].properties.isAlphabetic || scalars[end] == "_" || scalars[end] == "-")
          {
            found += 1
            if found == visits { return Location(file: path, line: i + 1, column: j + 1) }
          }
          j += 1
        }
      }
      return location
    }

    private mutating func refuse(at location: Location) -> YAMLNode? {
      guard diagnostics.count < 20 else { return nil }
      diagnostics.append(.error(.ruleAlias, "YAML anchors and aliases are not allowed in rule files", at: location))
      return nil
    }

    private func style(_ style: Node.Scalar.Style) -> YAMLNode.Style {
      switch style {
      case .singleQuoted: .singleQuoted
      case .doubleQuoted: .doubleQuoted
      case .literal: .literal
      case .folded: .folded
      default: .plain
      }
    }
  }
}
