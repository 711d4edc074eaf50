import ComplyModel

/// What names mean while checking: the pack's schema fields, its already-checked definitions, and `as_of`.
public struct Environment: Sendable {
  public var schema: Schema
  public var definitions: [String: CheckedExpr]

  public init(schema: Schema, definitions: [String: CheckedExpr] = [:]) {
    self.schema = schema
    self.definitions = definitions
  }

  /// Every name an expression may use, for suggestions.
  var names: [String] { schema.fieldNames + definitions.keys.sorted() + ["as_of", "true", "false"] }
}
