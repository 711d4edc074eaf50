/// A value unboxed for the hot path: a state and plain numbers, no references, so that making, copying and
/// returning one costs no reference counting. `CellProgram` (ComplyExpression) evaluates conditions over cells, and the CSV block
/// reader types a row's cells straight into them.
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

  // Computed, not stored: a stored static is read through an accessor that checks it is initialized.
  @inline(__always) public static var null: Cell { Cell(state: .null) }
  @inline(__always) public static var unknown: Cell { Cell(state: .unknown) }
  @inline(__always) public static var `true`: Cell { Cell(state: .value, first: 1) }
  @inline(__always) public static var `false`: Cell { Cell(state: .value, first: 0) }

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

}

/// Rows of cells one after another, as the CSV block reader types them: row `r`'s field `f` is
/// `cells[r * stride + f]`.
public struct CellRows {
  public var cells: UnsafePointer<Cell>
  public var stride: Int
  public var count: Int

  public init(cells: UnsafePointer<Cell>, stride: Int, count: Int) {
    self.cells = cells
    self.stride = stride
    self.count = count
  }
}
