import ComplyModel

/// A checked expression compiled once into nested closures, then evaluated for every record: no tree walk over
/// source text, no lookup by field name per row.
public struct Program: Sendable {
  public typealias Run = @Sendable (Bindings) -> Value

  public let checked: CheckedExpr
  private let run: Run

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

  private static func compileCall(_ builtin: Builtin, _ arguments: [CheckedExpr], fields: FieldSet) -> Run {
    let runs = arguments.map(compile)
    let argumentFields = arguments.map(\.fields)
    let strict = builtin.strict
    switch builtin.implementation {
    case .unary(let f):
      let a = runs[0]
      let fa = argumentFields[0]
      return { b in
        let x = a(b)
        if strict, let blocked = Logic.blocking(x, fa) { return blocked }
        return Logic.attribute(f(x), fields)
      }
    case .binary(let f):
      let (a, c) = (runs[0], runs[1])
      let (fa, fc) = (argumentFields[0], argumentFields[1])
      return { b in
        let x = a(b)
        let y = c(b)
        if strict, let blocked = Logic.blocking(x, fa, y, fc) { return blocked }
        return Logic.attribute(f(x, y), fields)
      }
    case .variadic(let f):
      return { b in
        let values = runs.map { $0(b) }
        if strict {
          for (value, valueFields) in zip(values, argumentFields) {
            if let blocked = Logic.blocking(value, valueFields) { return blocked }
          }
        }
        return Logic.attribute(f(values), fields)
      }
    case .lazy(let f):
      return { b in Logic.attribute(f(runs.count) { runs[$0](b) }, fields) }
    }
  }
}
