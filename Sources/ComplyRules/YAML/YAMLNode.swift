import ComplyModel

/// A YAML node as comply reads it: scalars keep the text as written (no implicit typing), and every node
/// knows its location in the file.
public struct YAMLNode: Sendable {
  public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

  public enum Kind: Sendable {
    case scalar(String, Style)
    case mapping([(key: YAMLNode, value: YAMLNode)])
    case sequence([YAMLNode])
  }

  public var kind: Kind
  public var location: Location

  public var scalar: String? {
    if case .scalar(let text, _) = kind { return text }
    return nil
  }

  public var kindName: String {
    switch kind {
    case .scalar: "a scalar"
    case .mapping: "a mapping"
    case .sequence: "a list"
    }
  }
}
