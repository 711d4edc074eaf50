import ComplyModel

/// A straightforward recursive evaluation of a checked expression. It is the reference the compiled `Program`
/// is tested against, and what the explainer uses to find the values that decided a rule.
public enum Interpreter {
  public static func evaluate(_ expr: CheckedExpr, _ bindings: Bindings) -> Value {
    var known = KnownDefinitions()
    return evaluate(expr, bindings, &known)
  }

  /// `evaluate`, each definition evaluated at most once: `known` keeps the values of those already met for these
  /// bindings (a definition has no parameters, so its value is the same wherever it is used).
  public static func evaluate(_ expr: CheckedExpr, _ bindings: Bindings, _ known: inout KnownDefinitions) -> Value {
    switch expr.kind {
    case .constant(let value): return value
    case .field(let index) where expr.type == .date:
      return Logic.visible(bindings.values[index], field: index, asOf: bindings.asOf)
    case .field(let index): return bindings.values[index]
    case .asOf: return .date(DateSpan(bindings.asOf))
    case .definition(let name, let body):
      if let value = known.values[name] { return value }
      let value = evaluate(body, bindings, &known)
      known.values[name] = value
      return value
    case .list(let items): return .list(items.map { evaluate($0, bindings, &known) })
    case .not(let operand): return Logic.not(evaluate(operand, bindings, &known))
    case .and(let a, let b):
      let left = evaluate(a, bindings, &known)
      return Logic.and(left) { evaluate(b, bindings, &known) }
    case .or(let a, let b):
      let left = evaluate(a, bindings, &known)
      return Logic.or(left) { evaluate(b, bindings, &known) }
    case .call(let builtin, let arguments):
      if case .lazy(let f) = builtin.implementation {
        return Logic.attribute(f(arguments.count) { evaluate(arguments[$0], bindings, &known) }, expr.fields)
      }
      let values = arguments.map { evaluate($0, bindings, &known) }
      if builtin.strict, let blocked = Logic.blocking(values, arguments.map(\.fields)) { return blocked }
      let result: Value
      switch builtin.implementation {
      case .unary(let f): result = f(values[0])
      case .binary(let f): result = f(values[0], values[1])
      case .variadic(let f): result = f(values)
      case .lazy: result = .unknownValue
      }
      return Logic.attribute(result, expr.fields)
    }
  }
}

/// The values of the definitions evaluated so far for one record's bindings.
public struct KnownDefinitions: Sendable {
  var values: [String: Value] = [:]

  public init() {}
}
