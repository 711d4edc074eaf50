import ComplyModel

/// A straightforward recursive evaluation of a checked expression. It is the reference the compiled `Program`
/// is tested against, and what the explainer uses to find the values that decided a rule.
public enum Interpreter {
  public static func evaluate(_ expr: CheckedExpr, _ bindings: Bindings) -> Value {
    switch expr.kind {
    case .constant(let value): return value
    case .field(let index) where expr.type == .date:
      return Logic.visible(bindings.values[index], field: index, asOf: bindings.asOf)
    case .field(let index): return bindings.values[index]
    case .asOf: return .date(DateSpan(bindings.asOf))
    case .definition(_, let body): return evaluate(body, bindings)
    case .list(let items): return .list(items.map { evaluate($0, bindings) })
    case .not(let operand): return Logic.not(evaluate(operand, bindings))
    case .and(let a, let b): return Logic.and(evaluate(a, bindings)) { evaluate(b, bindings) }
    case .or(let a, let b): return Logic.or(evaluate(a, bindings)) { evaluate(b, bindings) }
    case .call(let builtin, let arguments):
      if case .lazy(let f) = builtin.implementation {
        return Logic.attribute(f(arguments.count) { evaluate(arguments[$0], bindings) }, expr.fields)
      }
      let values = arguments.map { evaluate($0, bindings) }
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
