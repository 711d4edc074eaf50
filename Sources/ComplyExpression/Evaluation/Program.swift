import ComplyModel

/// A checked expression compiled once into nested closures, then evaluated for every record: no tree walk over
/// source text, no lookup by field name per row.
public struct Program: Sendable {
  public typealias Run = @Sendable (Bindings) -> Value

  public let checked: CheckedExpr
  /// The compiled closure; `evaluate` calls it.
  public let run: Run

  public init(_ checked: CheckedExpr) {
    self.checked = checked
    run = Program.compile(checked)
  }

  public func evaluate(_ bindings: Bindings) -> Value { run(bindings) }

  static func compile(_ expr: CheckedExpr) -> Run {
    switch expr.kind {
    case .constant(let value):
      return { _ in value }
    case .field(let index) where expr.type == .date:
      return { Logic.visible($0.values[index], field: index, asOf: $0.asOf) }
    case .field(let index):
      return { $0.values[index] }
    case .asOf:
      return { .date(DateSpan($0.asOf)) }
    case .definition(_, let body):
      return compile(body)
    case .list(let items):
      // A list of constants (the usual `in [...]`) is built once.
      if items.allSatisfy({ $0.constantValue != nil }) {
        let value = Value.list(items.compactMap(\.constantValue))
        return { _ in value }
      }
      let runs = items.map(compile)
      return { b in .list(runs.map { $0(b) }) }
    case .not(let operand):
      let run = compile(operand)
      return { Logic.not(run($0)) }
    case .and(let lhs, let rhs):
      let (a, b) = (compile(lhs), compile(rhs))
      return { bindings in Logic.and(a(bindings)) { b(bindings) } }
    case .or(let lhs, let rhs):
      let (a, b) = (compile(lhs), compile(rhs))
      return { bindings in Logic.or(a(bindings)) { b(bindings) } }
    case .call(let builtin, let arguments):
      return compileCall(builtin, arguments, fields: expr.fields)
    }
  }

  // Arguments are compiled into local closures, never read back from an array: a closure stored in an array is
  // kept at the most general abstraction, and every call through it pays for a reabstraction thunk.
  private static func compileCall(_ builtin: Builtin, _ arguments: [CheckedExpr], fields: FieldSet) -> Run {
    let strict = builtin.strict
    switch builtin.implementation {
    case .unary(let f):
      let a = compile(arguments[0])
      let fa = arguments[0].fields
      if strict {
        return { b in
          let x = a(b)
          if let blocked = Logic.blocking(x, fa) { return blocked }
          return Logic.attribute(f(x), fields)
        }
      }
      return { b in Logic.attribute(f(a(b)), fields) }
    case .binary(let f) where strict && arguments[1].constantValue != nil:
      // `x in [...]`, `x < 2016-09-01`: the constant is captured, not returned from a closure on every call.
      let a = compile(arguments[0])
      let y = arguments[1].constantValue ?? .null
      let fa = arguments[0].fields
      return { b in
        let x = a(b)
        if let blocked = Logic.blocking(x, fa) { return blocked }
        return Logic.attribute(f(x, y), fields)
      }
    case .binary(let f):
      let a = compile(arguments[0])
      let c = compile(arguments[1])
      let (fa, fc) = (arguments[0].fields, arguments[1].fields)
      if strict {
        return { b in
          let x = a(b)
          let y = c(b)
          if let blocked = Logic.blocking(x, fa, y, fc) { return blocked }
          return Logic.attribute(f(x, y), fields)
        }
      }
      return { b in Logic.attribute(f(a(b), c(b)), fields) }
    case .variadic(let f):
      let runs = arguments.map(compile)
      let argumentFields = arguments.map(\.fields)
      return { b in
        let values = runs.map { $0(b) }
        if strict, let blocked = Logic.blocking(values, argumentFields) { return blocked }
        return Logic.attribute(f(values), fields)
      }
    case .lazy(let f):
      let runs = arguments.map(compile)
      return { b in Logic.attribute(f(runs.count) { runs[$0](b) }, fields) }
    }
  }
}
