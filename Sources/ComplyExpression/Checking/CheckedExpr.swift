import ComplyModel

/// A type-checked expression: names resolved to field indexes, definitions and built-ins, every node typed.
///
/// It is what the compiler turns into a program and what the explainer walks to say why a rule decided.
public struct CheckedExpr: Sendable {
  public indirect enum Kind: Sendable {
    case constant(Value)
    case field(Int)
    case asOf
    /// A pack definition, kept by name so that explanations can show `验收期限 2019-02-28`.
    case definition(String, CheckedExpr)
    case list([CheckedExpr])
    case not(CheckedExpr)
    case and(CheckedExpr, CheckedExpr)
    case or(CheckedExpr, CheckedExpr)
    case call(Builtin, [CheckedExpr])
  }

  public var kind: Kind
  public var type: ExprType
  /// The schema fields this expression reads: named when a blank one makes it unknown.
  public var fields: FieldSet
  public var position: TextPosition
  public var source: String

  public init(_ kind: Kind, type: ExprType, fields: FieldSet, position: TextPosition, source: String) {
    self.kind = kind
    self.type = type
    self.fields = fields
    self.position = position
    self.source = source
  }

  /// The value, when the expression depends on no record and no audit date.
  public var constantValue: Value? {
    switch kind {
    case .constant(let value): return value
    case .list(let items):
      let values = items.compactMap(\.constantValue)
      return values.count == items.count ? .list(values) : nil
    default: return nil
    }
  }
}
