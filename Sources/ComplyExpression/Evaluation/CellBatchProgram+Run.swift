import ComplyModel

/// The states of up to 64 cells, a bit per row: set (`value`), and for a bool also true (`truth`), or `null`;
/// a row in neither `value` nor `null` is unknown. Kleene logic on bools runs on all 64 rows at once.
struct RowBits {
  var value: UInt64 = 0
  var truth: UInt64 = 0
  var null: UInt64 = 0

  var isFalse: UInt64 { value & ~truth }
  var isTrue: UInt64 { value & truth }

  /// Rows `mask` of `new`, the rest of `self`.
  func merging(_ new: RowBits, _ mask: UInt64) -> RowBits {
    RowBits(
      value: value & ~mask | new.value & mask, truth: truth & ~mask | new.truth & mask,
      null: null & ~mask | new.null & mask)
  }
}

/// One run of a `CellBatchProgram` over up to 64 rows. A bool step's value is its bits; any other step's is a
/// column of cells, with its state bits. A step is computed for a row only when some expression needs it there,
/// as the row-at-a-time program would (`and` and `or` skip their right side where the left decides, a strict
/// operation skips its second operand where the first is not set, `if` and `coalesce` take only the branches
/// they need), and at most once.
struct CellBatchRun {
  let program: CellBatchProgram
  /// The run's rows, `offset` rows into the batch.
  let rows: CellRows
  let asOf: Int
  let offset: Int
  /// Step `s`'s cells at `columns + s * 64` (not for bool steps).
  let columns: UnsafeMutablePointer<Cell>
  let bits: UnsafeMutablePointer<RowBits>
  /// The rows each step has been computed for.
  let computed: UnsafeMutablePointer<UInt64>

  /// Step `s`'s bits, computed for rows `need`.
  func bits(_ s: Int, _ need: UInt64) -> RowBits {
    ensure(s, need)
    return bits[s]
  }

  /// Step `s`'s value on row `r`, as a cell.
  @inline(__always)
  func cell(_ s: Int, _ r: Int) -> Cell {
    guard program.isBool[s] else { return columns[s * 64 + r] }
    let b = bits[s]
    if b.value >> UInt64(r) & 1 == 1 { return .bool(b.truth >> UInt64(r) & 1 == 1) }
    return b.null >> UInt64(r) & 1 == 1 ? .null : .unknown
  }

  /// Computes step `s` for the rows of `need` it has not been computed for.
  func ensure(_ s: Int, _ need: UInt64) {
    let todo = need & ~computed[s]
    if todo == 0 { return }
    computed[s] |= todo
    switch program.steps[s] {
    case .not(let a):
      let x = bits(a, todo)
      bits[s] = bits[s].merging(RowBits(value: x.value, truth: x.isFalse, null: x.null), todo)
    case .and(let a, let b):
      let x = bits(a, todo)
      let y = bits(b, todo & ~x.isFalse)
      let decided = x.isFalse | y.isFalse
      let taken = x.isTrue & ~decided
      bits[s] = bits[s].merging(
        RowBits(value: decided | taken & y.value, truth: taken & y.truth & y.value, null: taken & y.null), todo)
    case .or(let a, let b):
      let x = bits(a, todo)
      let y = bits(b, todo & ~x.isTrue)
      let decided = x.isTrue | y.isTrue
      let taken = x.isFalse & ~decided
      bits[s] = bits[s].merging(RowBits(value: decided | taken & y.value, truth: decided, null: taken & y.null), todo)
    case .presence(let operation, let a):
      let x = bits(a, todo)
      let known = x.value | x.null
      let result: RowBits
      switch operation {
      case .isSet: result = RowBits(value: known, truth: x.value)
      case .isEmpty: result = RowBits(value: known, truth: x.null)
      default: result = RowBits(value: ~0, truth: x.value)
      }
      bits[s] = bits[s].merging(result, todo)
    default:
      compute(s, todo)
    }
  }

  /// The steps that fill cells row by row.
  private func compute(_ s: Int, _ todo: UInt64) {
    switch program.steps[s] {
    case .field(let field, let isDate):
      let (cells, stride, asOf) = (rows.cells + field, rows.stride, asOf)
      each(s, todo) { r in
        let cell = cells[r * stride]
        return isDate ? CellKernels.visible(cell, asOf: asOf) : cell
      }
    case .constant(let cell):
      each(s, todo) { _ in cell }
    case .asOf:
      let day = Cell.date(asOf, asOf)
      each(s, todo) { _ in day }
    case .table(let a, let table):
      let set = bits(a, todo).value
      each(s, todo) { r in set >> UInt64(r) & 1 == 1 ? CellKernels.lookup(table, columns[a * 64 + r].first) : .unknown }
    case .before(let a, let b):
      dateOrder(s, a, b, todo, CellCompiler.Before.self)
    case .notBefore(let a, let b):
      dateOrder(s, a, b, todo, CellCompiler.NotBefore.self)
    case .negate(let a):
      let set = bits(a, todo).value
      each(s, todo) { r in set >> UInt64(r) & 1 == 1 ? .number(-cell(a, r).number) : .unknown }
    case .unary(let a, let f):
      let set = bits(a, todo).value
      each(s, todo) { r in set >> UInt64(r) & 1 == 1 ? f(cell(a, r)) : .unknown }
    case .binary(let a, let b, let f):
      let both = strict(a, b, todo)
      each(s, todo) { r in both >> UInt64(r) & 1 == 1 ? f(cell(a, r), cell(b, r)) : .unknown }
    case .coalesce(let operands):
      // Each row takes the first operand that is not null (the last one's value when all are).
      var pending = todo
      for (k, a) in operands.enumerated() {
        let x = bits(a, pending)
        let taken = k == operands.count - 1 ? pending : pending & ~x.null
        each(s, taken) { r in cell(a, r) }
        pending &= ~taken
      }
    case .choose(let c, let a, let b):
      let condition = bits(c, todo)
      ensure(a, todo & condition.isTrue)
      ensure(b, todo & condition.isFalse)
      each(s, todo) { r in
        condition.value >> UInt64(r) & 1 == 0 ? .unknown : condition.truth >> UInt64(r) & 1 == 1 ? cell(a, r) : cell(b, r)
      }
    case .not, .and, .or, .presence:
      break  // bits, in `ensure`
    }
  }

  /// A comparison of two dates (columns of cells, never bits), strict, with the order inline, written straight
  /// into the step's bits: it is a bool, so `each` would make a cell of each result only to read its bits back.
  @inline(__always)
  private func dateOrder<Order: CellCompiler.DateOrder>(_ s: Int, _ a: Int, _ b: Int, _ todo: UInt64, _: Order.Type) {
    let (both, x, y) = (strict(a, b, todo), columns + a * 64, columns + b * 64)
    guard program.isBool[s] else {
      return each(s, todo) { r in both >> UInt64(r) & 1 == 1 ? .truth(Order.holds(x[r], y[r])) : .unknown }
    }
    var result = RowBits()
    var rest = both
    while rest != 0 {
      let r = rest.trailingZeroBitCount
      rest &= rest &- 1
      // Unknown (neither bit) where a month-only date straddles the other.
      guard let holds = Order.holds(x[r], y[r]) else { continue }
      result.value |= UInt64(1) << UInt64(r)
      if holds { result.truth |= UInt64(1) << UInt64(r) }
    }
    bits[s] = bits[s].merging(result, todo)
  }

  /// Rows of `todo` where both operands of a strict operation are set: the second is computed only where the
  /// first is.
  private func strict(_ a: Int, _ b: Int, _ todo: UInt64) -> UInt64 {
    let first = bits(a, todo).value & todo
    return first & bits(b, first).value
  }

  /// Sets step `s` on each row of `todo` to `value(r)`: its cells, or its bits for a bool step; and its state bits.
  @inline(__always)
  private func each(_ s: Int, _ todo: UInt64, _ value: (Int) -> Cell) {
    var result = RowBits()
    var rest = todo
    let isBool = program.isBool[s]
    let out = columns + s * 64
    while rest != 0 {
      let r = rest.trailingZeroBitCount
      rest &= rest &- 1
      let cell = value(r)
      let bit = UInt64(1) << UInt64(r)
      switch cell.state {
      case .value:
        result.value |= bit
        if cell.first != 0 { result.truth |= bit }
      case .null: result.null |= bit
      case .unknown: break
      }
      if !isBool { out[r] = cell }
    }
    bits[s] = bits[s].merging(result, todo)
  }
}
