import ComplyModel

/// The static type of an expression. `any` is the type of an empty list's items and of a mistake already
/// reported, so that one error does not cascade into many.
public indirect enum ExprType: Hashable, Sendable, CustomStringConvertible {
  case bool
  case number
  case text
  case date
  case list(ExprType)
  case any

  public init(_ field: FieldType) {
    switch field {
    case .text, .enumeration: self = .text
    case .number: self = .number
    case .date: self = .date
    case .bool: self = .bool
    }
  }

  public var description: String {
    switch self {
    case .bool: "bool"
    case .number: "number"
    case .text: "text"
    case .date: "date"
    case .list(let item): "list of \(item)"
    case .any: "any"
    }
  }

  /// Whether a value of this type can stand where `other` is expected.
  public func fits(_ other: ExprType) -> Bool {
    switch (self, other) {
    case (.any, _), (_, .any): true
    case let (.list(a), .list(b)): a.fits(b)
    default: self == other
    }
  }

  /// The more precise of two types that fit each other.
  func unified(with other: ExprType) -> ExprType {
    switch (self, other) {
    case (.any, _): other
    case let (.list(a), .list(b)): .list(a.unified(with: b))
    default: self
    }
  }
}
