import ComplyModel

/// A checked expression compiled into closures over unboxed cells (`Cell`), for the clean-row test: no enum
/// with reference-counted payloads, no string comparison (enum values are compared by index, against tables
/// made once from the constants), dates as day numbers.
///
/// It gives the same state as `Program` for every record (null, unknown, or the same value); it does not say
/// which fields made a value unknown, which only findings and undetermined outcomes need. Compiling fails (nil)
/// for any construct it does not handle (text comparisons, patterns, `min`/`max`, lists that are not constant),
/// and the caller then uses `Program`.
public struct CellProgram: Sendable {
  public typealias Run = @Sendable (CellRow) -> Cell

  public let run: Run
  /// Every field the program reads: the cells a `CellReader` must fill.
  public let fields: FieldSet
  /// What the result's payload means.
  let type: CellType

  public init?(_ checked: CheckedExpr, schema: Schema) {
    var compiler = CellCompiler(schema: schema)
    guard let compiled = compiler.compile(checked) else { return nil }
    run = compiled.run
    type = compiled.type
    fields = compiler.fields
  }

  public func evaluate(_ row: CellRow) -> Cell { run(row) }
}

/// The static type of a compiled expression: what a cell's payload means.
enum CellType: Equatable {
  case bool, number, date
  /// Text known only as present or not.
  case text
  /// A value of enum field `field`: the index of its canonical value.
  case enumeration(field: Int)

  /// The type of a result that may come from either of two expressions (`coalesce`, `if`).
  func joined(_ other: CellType) -> CellType? {
    if self == other { return self }
    switch (self, other) {
    case (.text, .enumeration), (.enumeration, .text), (.enumeration, .enumeration): return .text
    default: return nil
    }
  }
}

struct CellCompiler {
  typealias Run = CellProgram.Run

  /// A compiled expression. A struct, not a tuple: a closure inside a tuple inside an `Optional` is stored at
  /// the most general abstraction, and every call through it would pay for a reabstraction thunk.
  struct Compiled {
    /// Where the value comes from: a field or a constant is read in place by the expression using it, with no
    /// call.
    enum Source {
      case field(Int, isDate: Bool)
      case constant(Cell)
      case run
    }

    var run: Run
    var type: CellType
    var source: Source

    init(_ run: @escaping Run, _ type: CellType, source: Source = .run) {
      self.run = run
      self.type = type
      self.source = source
    }

    @inline(__always)
    func value(_ row: CellRow) -> Cell {
      switch source {
      case .field(let index, let isDate):
        return isDate ? CellKernels.visible(row.cells[index], asOf: row.asOf) : row.cells[index]
      case .constant(let cell): return cell
      case .run: return run(row)
      }
    }
  }

  let schema: Schema
  var fields = FieldSet()

  init(schema: Schema) { self.schema = schema }

  mutating func compile(_ expr: CheckedExpr) -> Compiled? {
    switch expr.kind {
    case .constant(let value):
      guard let type = CellCompiler.plainType(expr.type), let cell = CellCompiler.cell(value, type) else { return nil }
      return Compiled({ _ in cell }, type, source: .constant(cell))
    case .field(let index):
      return field(index, expr.type)
    case .asOf:
      return Compiled({ .date($0.asOf, $0.asOf) }, .date)
    case .definition(_, let body):
      return compile(body)
    case .list:
      return nil
    case .not(let operand):
      guard let x = compile(operand), x.type == .bool else { return nil }
      return Compiled({ CellKernels.not(x.value($0)) }, .bool)
    case .and(let lhs, let rhs):
      guard let x = compile(lhs), let y = compile(rhs), x.type == .bool, y.type == .bool else { return nil }
      return Compiled({ row in CellKernels.and(x.value(row)) { y.value(row) } }, .bool)
    case .or(let lhs, let rhs):
      guard let x = compile(lhs), let y = compile(rhs), x.type == .bool, y.type == .bool else { return nil }
      return Compiled({ row in CellKernels.or(x.value(row)) { y.value(row) } }, .bool)
    case .call(let builtin, let arguments):
      guard let operation = builtin.cell, operation.isStrict == builtin.strict else { return nil }
      return call(operation, arguments)
    }
  }

  private mutating func field(_ index: Int, _ type: ExprType) -> Compiled? {
    guard index >= 0, index < schema.fields.count else { return nil }
    fields.insert(index)
    let plain = Compiled.Source.field(index, isDate: false)
    switch (schema.fields[index].type, type) {
    case (.date, .date):
      return Compiled({ CellKernels.visible($0.cells[index], asOf: $0.asOf) }, .date, source: .field(index, isDate: true))
    case (.number, .number): return Compiled({ $0.cells[index] }, .number, source: plain)
    case (.bool, .bool): return Compiled({ $0.cells[index] }, .bool, source: plain)
    case (.text, .text): return Compiled({ $0.cells[index] }, .text, source: plain)
    case (.enumeration, .text): return Compiled({ $0.cells[index] }, .enumeration(field: index), source: plain)
    default: return nil
    }
  }

  static func plainType(_ type: ExprType) -> CellType? {
    switch type {
    case .bool: .bool
    case .number: .number
    case .date: .date
    case .text: .text
    case .list, .any: nil
    }
  }

  /// A constant as a cell of `type`; nil for lists and values of another type.
  static func cell(_ value: Value, _ type: CellType) -> Cell? {
    switch (value, type) {
    case (.null, _): .null
    case (.unknown, _): .unknown
    case (.bool(let b), .bool): .bool(b)
    case (.number(let x), .number): .number(x)
    case (.date(let span), .date): .date(span.first.number, span.last.number)
    case (.text, .text): Cell(state: .value)
    default: nil
    }
  }

  private mutating func call(_ operation: CellOperation, _ arguments: [CheckedExpr]) -> Compiled? {
    switch operation {
    case .member:
      return member(arguments)
    case .equal, .notEqual:
      return equality(operation == .equal, arguments)
    case .isSet, .isEmpty, .isKnown:
      guard arguments.count == 1, let x = compile(arguments[0]) else { return nil }
      switch operation {
      case .isSet: return Compiled({ CellKernels.presence(.isSet, x.value($0)) }, .bool)
      case .isEmpty: return Compiled({ CellKernels.presence(.isEmpty, x.value($0)) }, .bool)
      default: return Compiled({ CellKernels.presence(.isKnown, x.value($0)) }, .bool)
      }
    case .coalesce:
      return coalesce(arguments)
    case .choose:
      guard arguments.count == 3, let x = compile(arguments[0]), x.type == .bool,
        let y = compile(arguments[1]), let z = compile(arguments[2]), let type = y.type.joined(z.type)
      else { return nil }
      return Compiled(
        { row in
          let condition = x.value(row)
          guard condition.state == .value else { return .unknown }
          return condition.first != 0 ? y.value(row) : z.value(row)
        }, type
      )
    default:
      return strictCall(operation, arguments)
    }
  }

  private mutating func coalesce(_ arguments: [CheckedExpr]) -> Compiled? {
    var runs: [Compiled] = []
    var type: CellType?
    for argument in arguments {
      guard let compiled = compile(argument) else { return nil }
      if let sofar = type {
        guard let joined = sofar.joined(compiled.type) else { return nil }
        type = joined
      } else {
        type = compiled.type
      }
      runs.append(compiled)
    }
    guard let type, let first = runs.first else { return nil }
    if runs.count == 1 { return Compiled(first.run, type, source: first.source) }
    if runs.count == 2 {
      let second = runs[1]
      return Compiled(
        { row in
          let x = first.value(row)
          return x.state == .null ? second.value(row) : x
        }, type
      )
    }
    let all = runs
    return Compiled(
      { row in
        for run in all {
          let x = run.value(row)
          if x.state != .null { return x }
        }
        return .null
      }, type
    )
  }
}
