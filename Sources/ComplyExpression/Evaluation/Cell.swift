import ComplyModel

/// A value unboxed for the hot path: a state and plain numbers, no references, so that making, copying and
/// returning one costs no reference counting. `CellProgram` evaluates conditions over cells.
///
/// What the payload means depends on the expression's type, which the compiler knows: a date is the span
/// `first...last` in day numbers (a month-only date spans its month); a bool is `first` 0 or 1; an enum value is
/// its canonical value's index in `first`; a number is `number`. Other text is only present or not.
public struct Cell: Sendable, Equatable {
  public enum State: UInt8, Sendable {
    /// Not set: `.null`.
    case null
    /// Cannot be known: `.unknown` (which fields made it so is left to the reference path).
    case unknown
    case value
  }

  public var state: State
  public var first: Int
  public var last: Int
  public var number: Double

  @inline(__always)
  public init(state: State, first: Int = 0, last: Int = 0, number: Double = 0) {
    self.state = state
    self.first = first
    self.last = last
    self.number = number
  }

  public static let null = Cell(state: .null)
  public static let unknown = Cell(state: .unknown)
  public static let `true` = Cell(state: .value, first: 1)
  public static let `false` = Cell(state: .value, first: 0)

  @inline(__always)
  public static func bool(_ b: Bool) -> Cell { b ? .true : .false }

  @inline(__always)
  public static func date(_ first: Int, _ last: Int) -> Cell { Cell(state: .value, first: first, last: last) }

  @inline(__always)
  public static func number(_ x: Double) -> Cell { Cell(state: .value, number: x) }

  /// A bool that is `true`; false for `false`, null and unknown.
  @inline(__always)
  public var isTrue: Bool { state == .value && first != 0 }

  /// A bool that is `false`.
  @inline(__always)
  public var isFalse: Bool { state == .value && first == 0 }

  /// A three-valued truth as a cell: nil is unknown.
  @inline(__always)
  static func truth(_ b: Bool?) -> Cell {
    guard let b else { return .unknown }
    return b ? .true : .false
  }
}

/// One record's cells, and the audit date, as a `CellProgram` reads them.
public struct CellRow {
  public var cells: UnsafePointer<Cell>
  /// `as_of` as a day number.
  public var asOf: Int

  public init(cells: UnsafePointer<Cell>, asOf: Int) {
    self.cells = cells
    self.asOf = asOf
  }
}

/// Turns a record's values into cells for the fields a set of programs reads.
///
/// An enum value becomes the index of its canonical value, found by comparing bytes. Any value that does not
/// have its field's type (or an enum text that is not a canonical value) makes `read` fail, and the caller takes
/// the reference path for that record.
public struct CellReader: Sendable {
  enum Kind: Sendable {
    case date, number, bool, text
    case enumeration([[UInt8]])
  }

  private let reads: [(field: Int, kind: Kind)]
  /// How many cells a row needs: one per schema field.
  public let width: Int

  public init(schema: Schema, fields: FieldSet) {
    width = schema.fields.count
    reads = fields.filter { $0 < schema.fields.count }.map { i in
      let field = schema.fields[i]
      switch field.type {
      case .date: return (i, .date)
      case .number: return (i, .number)
      case .bool: return (i, .bool)
      case .text: return (i, .text)
      case .enumeration: return (i, .enumeration(field.values.map { Array($0.canonical.utf8) }))
      }
    }
  }

  /// Writes the cells of the fields read; false when a value is not what its field's type says.
  public func read(_ values: [Value], into cells: UnsafeMutablePointer<Cell>) -> Bool {
    guard values.count >= width else { return false }
    for (field, kind) in reads {
      let cell: Cell
      switch (values[field], kind) {
      case (.null, _): cell = .null
      case (.unknown, _): cell = .unknown
      case (.date(let span), .date): cell = .date(span.first.number, span.last.number)
      case (.number(let x), .number): cell = .number(x)
      case (.bool(let b), .bool): cell = .bool(b)
      case (.text, .text): cell = Cell(state: .value)
      case (.text(let text), .enumeration(let canonical)):
        guard let code = CellReader.code(text, canonical) else { return false }
        cell = Cell(state: .value, first: code)
      default: return false
      }
      cells[field] = cell
    }
    return true
  }

  private static func code(_ text: String, _ canonical: [[UInt8]]) -> Int? {
    var text = text
    return text.withUTF8 { bytes in
      canonical.firstIndex { $0.count == bytes.count && $0.elementsEqual(bytes) }
    }
  }
}
