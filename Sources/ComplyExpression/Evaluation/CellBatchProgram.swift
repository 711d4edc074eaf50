import ComplyModel

/// Checked expressions compiled together for batches of rows, for the clean-row test: each step computes a value
/// per row from the batch or from earlier steps, so a step is chosen once per run of rows and its operation runs
/// in a loop over them, instead of a closure call per row and node. A subexpression that several expressions share
/// (a definition such as `category_a`, a field) is one step. A step runs only on the rows that need it, as the
/// row-at-a-time closures would (`CellBatchRun`), and a bool is kept as bit masks, 64 rows to a word.
///
/// Each expression gives, for each row, what `CellProgram` gives; it compiles exactly what `CellProgram`
/// compiles, from the same tables and kernels (`CellCompiler`), and is nil otherwise.
public struct CellBatchProgram: Sendable {
  enum Step: Sendable {
    case field(Int, isDate: Bool)
    case constant(Cell)
    case asOf
    case not(Int)
    case and(Int, Int)
    case or(Int, Int)
    case presence(CellOperation, Int)
    /// An enum value looked up in a table of its canonical values (`in`, `=` with a constant text).
    case table(Int, [Bool])
    /// Dates: `x < y`, and `x >= y`.
    case before(Int, Int)
    case notBefore(Int, Int)
    case negate(Int)
    /// Strict operations through a function of the set operands.
    case unary(Int, @Sendable (Cell) -> Cell)
    case binary(Int, Int, @Sendable (Cell, Cell) -> Cell)
    case coalesce([Int])
    case choose(Int, Int, Int)
  }

  let steps: [Step]
  /// Whether each step's value is a bool, kept as bits (`RowBits`) rather than cells.
  let isBool: [Bool]
  /// The step whose column is each expression's value, in the order the expressions were given.
  let results: [Int]
  /// Every field the expressions read.
  public let fields: FieldSet

  public init?(_ expressions: [CheckedExpr], schema: Schema) {
    var compiler = CellBatchCompiler(schema: schema)
    var results: [Int] = []
    for expression in expressions {
      guard let (step, _) = compiler.compile(expression) else { return nil }
      results.append(step)
    }
    steps = compiler.steps
    isBool = compiler.types.map { $0 == .bool }
    self.results = results
    fields = compiler.fields
  }

  /// The clean-row test over `rows` on audit date `asOf` (a day number), for a program compiled from pairs of
  /// expressions (a rule's scope and violation, the next rule's, …): writes, for each row, whether every pair
  /// settles it as a rule that does not apply (the first expression false) or is complied with (the first true,
  /// the second false). A row is evaluated only as far as its first pair that does not settle it.
  public func settle(_ rows: CellRows, asOf: Int, into clean: UnsafeMutablePointer<Bool>) {
    evaluate(rows, asOf: asOf) { run, all in
      var live = all
      for pair in 0..<results.count / 2 {
        let (scope, violation) = (results[2 * pair], results[2 * pair + 1])
        let applies = run.bits(scope, live)
        let notApplicable = live & applies.value & ~applies.truth
        let inScope = live & applies.value & applies.truth
        let violated = run.bits(violation, inScope)
        live = notApplicable | (inScope & violated.value & ~violated.truth)
      }
      return live
    } into: { r, isClean in clean[r] = isClean }
  }

  /// Expression `index`'s value for every row of `rows`.
  public func values(_ rows: CellRows, asOf: Int, expression index: Int) -> [Cell] {
    var values = [Cell](repeating: .unknown, count: rows.count)
    evaluate(rows, asOf: asOf) { run, all in
      run.ensure(results[index], all)
      for r in 0..<run.rows.count { values[run.offset + r] = run.cell(results[index], r) }
      return 0
    } into: { _, _ in }
    return values
  }

  /// Runs `body` on each run of up to 64 rows (with the mask of them all), then passes each row's bit of the
  /// mask it returns to `each`.
  private func evaluate(
    _ rows: CellRows, asOf: Int, _ body: (CellBatchRun, UInt64) -> UInt64, into each: (Int, Bool) -> Void
  ) {
    // On the heap: a run's columns are too large for a worker thread's stack.
    let width = max(1, steps.count)
    let columns = UnsafeMutablePointer<Cell>.allocate(capacity: width * 64)
    let bits = UnsafeMutablePointer<RowBits>.allocate(capacity: width)
    let computed = UnsafeMutablePointer<UInt64>.allocate(capacity: width)
    defer {
      columns.deallocate()
      bits.deallocate()
      computed.deallocate()
    }
    var start = 0
    while start < rows.count {
      let count = min(64, rows.count - start)
      computed.initialize(repeating: 0, count: width)
      bits.initialize(repeating: RowBits(), count: width)
      let part = CellRows(cells: rows.cells + start * rows.stride, stride: rows.stride, count: count)
      let run = CellBatchRun(
        program: self, rows: part, asOf: asOf, offset: start, columns: columns, bits: bits, computed: computed)
      let result = body(run, count == 64 ? ~0 : (1 << UInt64(count)) &- 1)
      for r in 0..<count { each(start + r, result >> UInt64(r) & 1 == 1) }
      start += count
    }
  }
}

/// Compiles expressions into one list of steps, each distinct step once.
struct CellBatchCompiler {
  typealias Step = CellBatchProgram.Step

  let schema: Schema
  var steps: [Step] = []
  var types: [CellType] = []
  var fields = FieldSet()
  /// Each step's structure (its operation, its operands' steps, its constants), to find repeats.
  private var known: [Key: Int] = [:]

  /// A step's structure. Operands are steps already compiled, so equal keys compute equal values: a date
  /// comparison is keyed by the operation it runs (`x > y` as `y < x`), and operand types need no key, since a
  /// step has one type.
  private enum Key: Hashable {
    case field(Int)
    case constant(UInt8, Int, Int, UInt64)
    case asOf
    case and(Int, Int)
    case or(Int, Int)
    case table(Int, [Bool])
    /// `in` with a test of its constant items (other than an enum's table).
    case member(Int, String)
    /// A built-in's operation on its operands' steps; nil is `not`.
    case operation(CellOperation?, [Int])
  }

  init(schema: Schema) { self.schema = schema }

  private mutating func add(_ key: Key, _ step: Step, _ type: CellType) -> (Int, CellType) {
    if let index = known[key] { return (index, type) }
    steps.append(step)
    types.append(type)
    known[key] = steps.count - 1
    return (steps.count - 1, type)
  }

  mutating func compile(_ expr: CheckedExpr) -> (Int, CellType)? {
    switch expr.kind {
    case .constant(let value):
      guard let type = CellCompiler.plainType(expr.type), let cell = CellCompiler.cell(value, type) else { return nil }
      return add(.constant(cell.state.rawValue, cell.first, cell.last, cell.number.bitPattern), .constant(cell), type)
    case .field(let index):
      return field(index, expr.type)
    case .asOf:
      return add(.asOf, .asOf, .date)
    case .definition(_, let body):
      return compile(body)
    case .list:
      return nil
    case .not(let operand):
      guard let (x, type) = compile(operand), type == .bool else { return nil }
      return add(.operation(nil, [x]), .not(x), .bool)
    case .and(let lhs, let rhs), .or(let lhs, let rhs):
      guard let (x, tx) = compile(lhs), let (y, ty) = compile(rhs), tx == .bool, ty == .bool else { return nil }
      if case .and = expr.kind { return add(.and(x, y), .and(x, y), .bool) }
      return add(.or(x, y), .or(x, y), .bool)
    case .call(let builtin, let arguments):
      guard let operation = builtin.cell, operation.isStrict == builtin.strict else { return nil }
      return call(operation, arguments)
    }
  }

  private mutating func field(_ index: Int, _ type: ExprType) -> (Int, CellType)? {
    guard index >= 0, index < schema.fields.count else { return nil }
    fields.insert(index)
    let cellType: CellType
    switch (schema.fields[index].type, type) {
    case (.date, .date): cellType = .date
    case (.number, .number): cellType = .number
    case (.bool, .bool): cellType = .bool
    case (.text, .text): cellType = .text
    case (.enumeration, .text): cellType = .enumeration(field: index)
    default: return nil
    }
    return add(.field(index), .field(index, isDate: cellType == .date), cellType)
  }

  private mutating func call(_ operation: CellOperation, _ arguments: [CheckedExpr]) -> (Int, CellType)? {
    switch operation {
    case .member:
      guard arguments.count == 2, case .list(let items)? = arguments[1].constantValue,
        let (x, type) = compile(arguments[0]), let test = CellCompiler.memberTest(items, type, schema: schema)
      else { return nil }
      switch test {
      case .table(let table): return add(.table(x, table), .table(x, table), .bool)
      case .test(let f): return add(.member(x, "\(items)"), .unary(x, f), .bool)
      }
    case .equal, .notEqual:
      guard arguments.count == 2, let (x, tx) = compile(arguments[0]), let (y, ty) = compile(arguments[1]),
        let test = CellCompiler.equalityTest(operation == .equal, arguments, tx, ty, schema: schema)
      else { return nil }
      switch test {
      case .table(let table, let enumFirst):
        // The other side is a constant text, always set: only the enum side can make the comparison unknown.
        let side = enumFirst ? x : y
        return add(.table(side, table), .table(side, table), .bool)
      case .apply(let f): return add(.operation(operation, [x, y]), .binary(x, y, f), .bool)
      }
    case .isSet, .isEmpty, .isKnown:
      guard arguments.count == 1, let (x, _) = compile(arguments[0]) else { return nil }
      return add(.operation(operation, [x]), .presence(operation, x), .bool)
    case .coalesce:
      var operands: [Int] = []
      var type: CellType?
      for argument in arguments {
        guard let (x, tx) = compile(argument) else { return nil }
        if let sofar = type {
          guard let joined = sofar.joined(tx) else { return nil }
          type = joined
        } else {
          type = tx
        }
        operands.append(x)
      }
      guard let type, let first = operands.first else { return nil }
      if operands.count == 1 { return (first, type) }
      return add(.operation(.coalesce, operands), .coalesce(operands), type)
    case .choose:
      guard arguments.count == 3, let (c, tc) = compile(arguments[0]), tc == .bool,
        let (x, tx) = compile(arguments[1]), let (y, ty) = compile(arguments[2]), let type = tx.joined(ty)
      else { return nil }
      return add(.operation(.choose, [c, x, y]), .choose(c, x, y), type)
    default:
      return strictCall(operation, arguments)
    }
  }

  private mutating func strictCall(_ operation: CellOperation, _ arguments: [CheckedExpr]) -> (Int, CellType)? {
    var operands: [(Int, CellType)] = []
    for argument in arguments {
      guard let compiled = compile(argument) else { return nil }
      operands.append(compiled)
    }
    if operation == .negate {
      guard operands.count == 1, operands[0].1 == .number else { return nil }
      return add(.operation(.negate, [operands[0].0]), .negate(operands[0].0), .number)
    }
    guard operands.count == 2 else { return nil }
    let ((x, tx), (y, ty)) = (operands[0], operands[1])
    if tx == .date, ty == .date {
      switch operation {
      case .less: return add(.operation(.less, [x, y]), .before(x, y), .bool)
      case .greater: return add(.operation(.less, [y, x]), .before(y, x), .bool)
      case .lessOrEqual: return add(.operation(.greaterOrEqual, [y, x]), .notBefore(y, x), .bool)
      case .greaterOrEqual: return add(.operation(.greaterOrEqual, [x, y]), .notBefore(x, y), .bool)
      default: break
      }
    }
    guard let kernel = CellCompiler.kernel(operation, tx, ty) else { return nil }
    return add(.operation(operation, [x, y]), .binary(x, y, kernel.apply), kernel.type)
  }
}
