import ComplyModel

/// Strict calls, equality and `in` over cells. A strict call is unknown as soon as an operand is null or
/// unknown, as `Logic.blocking` makes it.
extension CellCompiler {
  mutating func strictCall(_ operation: CellOperation, _ arguments: [CheckedExpr]) -> Compiled? {
    var compiled: [Compiled] = []
    for argument in arguments {
      guard let c = compile(argument) else { return nil }
      compiled.append(c)
    }
    if operation == .negate {
      guard compiled.count == 1, compiled[0].type == .number else { return nil }
      let a = compiled[0]
      return Compiled(
        { row in
          let x = a.value(row)
          return x.state == .value ? .number(-x.number) : .unknown
        }, .number
      )
    }
    guard compiled.count == 2 else { return nil }
    if let order = CellCompiler.dateComparison(operation, compiled[0].type, compiled[1].type) {
      return Compiled(order(compiled[0], compiled[1]), .bool)
    }
    guard let kernel = CellCompiler.kernel(operation, compiled[0].type, compiled[1].type) else { return nil }
    return Compiled(CellCompiler.strict(compiled[0], compiled[1], kernel.apply), kernel.type)
  }

  /// An operation on two values (both set), and its result type; a struct, for the reason `Compiled` is one.
  struct Kernel {
    var apply: @Sendable (Cell, Cell) -> Cell
    var type: CellType

    init(_ apply: @escaping @Sendable (Cell, Cell) -> Cell, _ type: CellType) {
      self.apply = apply
      self.type = type
    }
  }

  static func kernel(_ operation: CellOperation, _ a: CellType, _ b: CellType) -> Kernel? {
    switch (operation, a, b) {
    case (.less, .number, .number): Kernel({ .bool($0.number < $1.number) }, .bool)
    case (.greater, .number, .number): Kernel({ .bool($1.number < $0.number) }, .bool)
    case (.lessOrEqual, .number, .number): Kernel({ .bool(!($1.number < $0.number)) }, .bool)
    case (.greaterOrEqual, .number, .number): Kernel({ .bool(!($0.number < $1.number)) }, .bool)
    case (.add, .number, .number): Kernel({ .number($0.number + $1.number) }, .number)
    case (.subtract, .number, .number): Kernel({ .number($0.number - $1.number) }, .number)
    case (.multiply, .number, .number): Kernel({ .number($0.number * $1.number) }, .number)
    case (.divide, .number, .number): Kernel({ $1.number == 0 ? .unknown : .number($0.number / $1.number) }, .number)
    case (.addDays, .date, .number):
      Kernel({ x, n in CellKernels.count(n).map { .date(x.first + $0, x.last + $0) } ?? .unknown }, .date)
    case (.addMonths, .date, .number):
      Kernel({ x, n in CellKernels.count(n).map { CellKernels.addMonths(x, $0) } ?? .unknown }, .date)
    case (.addYears, .date, .number):
      Kernel({ x, n in CellKernels.count(n).map { CellKernels.addMonths(x, 12 * $0) } ?? .unknown }, .date)
    case (.daysBetween, .date, .date):
      Kernel({ x, y in x.first == x.last && y.first == y.last ? .number(Double(y.first - x.first)) : .unknown }, .number)
    default: nil
    }
  }

  /// `<`, `>`, `<=` and `>=` between dates, the commonest calls of all, each compiled with its comparison inline:
  /// through a kernel closure it was one more indirect call per comparison.
  static func dateComparison(_ operation: CellOperation, _ a: CellType, _ b: CellType) -> ((Compiled, Compiled) -> Run)? {
    guard a == .date, b == .date else { return nil }
    switch operation {
    case .less: return { compare($0, $1, Before.self) }
    case .greater: return { compare($1, $0, Before.self) }
    case .lessOrEqual: return { compare($1, $0, NotBefore.self) }
    case .greaterOrEqual: return { compare($0, $1, NotBefore.self) }
    default: return nil
    }
  }

  /// How two set dates compare: true, false, or nil when month-only dates leave it open.
  protocol DateOrder { static func holds(_ x: Cell, _ y: Cell) -> Bool? }
  /// `x < y`.
  enum Before: DateOrder { static func holds(_ x: Cell, _ y: Cell) -> Bool? { CellKernels.dateLess(x, y) } }
  /// `x >= y`.
  enum NotBefore: DateOrder { static func holds(_ x: Cell, _ y: Cell) -> Bool? { CellKernels.dateLess(x, y).map { !$0 } } }

  /// `strict` for a date order, specialized so that the comparison is inline.
  @inline(__always)
  static func compare<Order: DateOrder>(_ a: Compiled, _ b: Compiled, _: Order.Type) -> Run {
    { row in
      let x = a.value(row)
      let y = b.value(row)
      guard x.state == .value, y.state == .value else { return .unknown }
      return .truth(Order.holds(x, y))
    }
  }

  @inline(__always)
  static func strict(_ a: Compiled, _ b: Compiled, _ f: @escaping @Sendable (Cell, Cell) -> Cell) -> Run {
    { row in
      let x = a.value(row)
      let y = b.value(row)
      guard x.state == .value, y.state == .value else { return .unknown }
      return f(x, y)
    }
  }

  /// `=` and `!=`: numbers, dates (three-valued), bools, and enum values, compared through a table of which
  /// canonical values equal the other side (made with `String ==`, as `Operators.equal` compares).
  mutating func equality(_ isEqual: Bool, _ arguments: [CheckedExpr]) -> Compiled? {
    guard arguments.count == 2, let a = compile(arguments[0]), let b = compile(arguments[1]),
      let test = CellCompiler.equalityTest(isEqual, arguments, a.type, b.type, schema: schema)
    else { return nil }
    let apply: @Sendable (Cell, Cell) -> Cell
    switch test {
    case .apply(let f): apply = f
    case .table(let table, let enumFirst):
      apply = { x, y in CellKernels.lookup(table, enumFirst ? x.first : y.first) }
    }
    return Compiled(CellCompiler.strict(a, b, apply), .bool)
  }

  /// How `=` or `!=` compares two set values: for an enum value against a constant text, a table of which
  /// canonical values make it true (looked up by the enum side's index); else a function of both.
  enum EqualityTest {
    case table([Bool], enumFirst: Bool)
    case apply(@Sendable (Cell, Cell) -> Cell)
  }

  static func equalityTest(
    _ isEqual: Bool, _ arguments: [CheckedExpr], _ ta: CellType, _ tb: CellType, schema: Schema
  ) -> EqualityTest? {
    switch (ta, tb) {
    case (.number, .number): return .apply { .bool(($0.number == $1.number) == isEqual) }
    case (.date, .date): return .apply { .truth(CellKernels.dateEqual($0, $1).map { $0 == isEqual }) }
    case (.bool, .bool): return .apply { .bool(($0.first == $1.first) == isEqual) }
    case (.enumeration(let field), .text), (.text, .enumeration(let field)):
      let textSide = ta == .text ? arguments[0] : arguments[1]
      guard case .text(let text)? = textSide.constantValue else { return nil }
      return .table(schema.fields[field].values.map { ($0.canonical == text) == isEqual }, enumFirst: ta != .text)
    case (.enumeration(let f), .enumeration(let g)):
      let left = schema.fields[f].values.map(\.canonical)
      let right = schema.fields[g].values.map(\.canonical)
      let table = left.map { l in right.map { ($0 == l) == isEqual } }
      return .apply { x, y in
        guard x.first >= 0, x.first < table.count, y.first >= 0, y.first < right.count else { return .unknown }
        return .bool(table[x.first][y.first])
      }
    default: return nil
    }
  }

  /// `x in [...]` with a constant list, as `Operators.member`: true when an item equals x, unknown when none
  /// does but one may (a month-only date), false otherwise.
  mutating func member(_ arguments: [CheckedExpr]) -> Compiled? {
    guard arguments.count == 2, case .list(let items)? = arguments[1].constantValue,
      let a = compile(arguments[0]), let test = CellCompiler.memberTest(items, a.type, schema: schema)
    else { return nil }
    switch test {
    case .table(let table):
      // The commonest test of all (`eia_category in ["报告书", "报告表"]`): a table lookup, no call.
      return Compiled(
        { row in
          let x = a.value(row)
          return x.state == .value ? CellKernels.lookup(table, x.first) : .unknown
        }, .bool
      )
    case .test(let test):
      return Compiled(
        { row in
          let x = a.value(row)
          return x.state == .value ? test(x) : .unknown
        }, .bool
      )
    }
  }

  /// How `in` tests a set value of `type` against constant items: for an enum value, a table of which canonical
  /// values are among them; else a function of the value.
  enum MemberTest {
    case table([Bool])
    case test(@Sendable (Cell) -> Cell)
  }

  static func memberTest(_ items: [Value], _ type: CellType, schema: Schema) -> MemberTest? {
    switch type {
    case .enumeration(let field):
      let texts = items.compactMap { item -> String? in
        guard case .text(let text) = item else { return nil }
        return text
      }
      guard texts.count == items.count else { return nil }
      return .table(schema.fields[field].values.map { value in texts.contains { value.canonical == $0 } })
    case .number:
      let numbers = items.compactMap { item -> Double? in
        guard case .number(let n) = item else { return nil }
        return n
      }
      guard numbers.count == items.count else { return nil }
      return .test { x in .bool(numbers.contains(x.number)) }
    case .bool:
      let bools = items.compactMap { item -> Bool? in
        guard case .bool(let b) = item else { return nil }
        return b
      }
      guard bools.count == items.count else { return nil }
      return .test { x in .bool(bools.contains(x.first != 0)) }
    case .date:
      let dates = items.compactMap { item -> Cell? in
        guard case .date(let span) = item else { return nil }
        return .date(span.first.number, span.last.number)
      }
      guard dates.count == items.count else { return nil }
      return .test { x in
        var sawUnknown = false
        for date in dates {
          switch CellKernels.dateEqual(x, date) {
          case true?: return .true
          case nil: sawUnknown = true
          case false?: continue
          }
        }
        return sawUnknown ? .unknown : .false
      }
    case .text: return nil
    }
  }
}
