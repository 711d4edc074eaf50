import ComplyModel

/// Resolves names and checks types against a pack's schema, collecting every mistake rather than stopping at
/// the first. A node with a mistake gets type `any`, so one error does not cascade.
public struct TypeChecker {
  let environment: Environment
  var errors: [ExpressionError] = []

  public init(_ environment: Environment) { self.environment = environment }

  /// Parses and checks `text`; the result must fit `expected` when given.
  public static func check(_ text: String, in environment: Environment, expecting expected: ExprType? = nil)
    -> Result<CheckedExpr, ExpressionErrors>
  {
    switch Parser.parse(text) {
    case .failure(let error): return .failure(ExpressionErrors([error]))
    case .success(let expr): return check(expr, in: environment, expecting: expected)
    }
  }

  public static func check(_ expr: Expr, in environment: Environment, expecting expected: ExprType? = nil)
    -> Result<CheckedExpr, ExpressionErrors>
  {
    var checker = TypeChecker(environment)
    let checked = checker.check(expr)
    if let expected, !checked.type.fits(expected) {
      checker.errors.append(
        ExpressionError(.exprType, "expected a \(expected) expression, found \(checked.type)", at: expr.position))
    }
    return checker.errors.isEmpty
      ? .success(checked) : .failure(ExpressionErrors(checker.errors.sorted { $0.position < $1.position }))
  }

  mutating func fail(_ code: DiagnosticCode, _ message: String, at expr: Expr, notes: [String] = []) -> CheckedExpr {
    errors.append(ExpressionError(code, message, at: expr.position, notes: notes))
    return CheckedExpr(.constant(.unknownValue), type: .any, fields: FieldSet(), position: expr.position, source: expr.source)
  }

  func node(_ kind: CheckedExpr.Kind, _ type: ExprType, _ fields: FieldSet, _ expr: Expr) -> CheckedExpr {
    CheckedExpr(kind, type: type, fields: fields, position: expr.position, source: expr.source)
  }

  mutating func check(_ expr: Expr) -> CheckedExpr {
    switch expr.kind {
    case .literal(let value):
      return node(.constant(value), type(of: value), FieldSet(), expr)
    case .name(let name):
      return resolve(name, expr)
    case .list(let items):
      let checked = items.map { check($0) }
      var itemType = ExprType.any
      for (item, source) in zip(checked, items) {
        guard item.type.fits(itemType) else {
          return fail(.exprType, "a list holds one type: found \(item.type) after \(itemType)", at: source)
        }
        itemType = itemType.unified(with: item.type)
      }
      let fields = checked.reduce(FieldSet()) { $0.union($1.fields) }
      return node(.list(checked), .list(itemType), fields, expr)
    case .not(let operand):
      let checked = checkBool(operand)
      return node(.not(checked), .bool, checked.fields, expr)
    case .and(let a, let b):
      let (x, y) = (checkBool(a), checkBool(b))
      return node(.and(x, y), .bool, x.fields.union(y.fields), expr)
    case .or(let a, let b):
      let (x, y) = (checkBool(a), checkBool(b))
      return node(.or(x, y), .bool, x.fields.union(y.fields), expr)
    case .call(let name, let arguments):
      return call(name, arguments, expr)
    }
  }

  private mutating func checkBool(_ expr: Expr) -> CheckedExpr {
    let checked = check(expr)
    if !checked.type.fits(.bool) {
      return fail(.exprType, "expected bool, found \(checked.type)", at: expr)
    }
    return checked
  }

  private mutating func resolve(_ name: String, _ expr: Expr) -> CheckedExpr {
    if name == "as_of" { return node(.asOf, .date, FieldSet(), expr) }
    if let index = environment.schema.index(of: name) {
      let field = environment.schema.fields[index]
      return node(.field(index), ExprType(field.type), FieldSet(index), expr)
    }
    if let definition = environment.definitions[name] {
      return node(.definition(name, definition), definition.type, definition.fields, expr)
    }
    let notes = Suggestion.closest(to: name, among: environment.names).map { ["did you mean '\($0)'?"] } ?? []
    return fail(.exprUnknownField, "unknown field '\(name)'", at: expr, notes: notes)
  }

  private func type(of value: Value) -> ExprType {
    switch value {
    case .bool: .bool
    case .number: .number
    case .text: .text
    case .date: .date
    case .list(let items): .list(items.first.map(type(of:)) ?? .any)
    case .null, .unknown: .any
    }
  }
}
