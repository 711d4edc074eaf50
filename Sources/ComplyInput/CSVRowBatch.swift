import ComplyModel

/// Rows of a block held back so that the clean-row test runs on many at once: each record's typed cells (a row
/// of one matrix), its cells' byte ranges (valid for the whole block, copied out of the scanner) and where it
/// came from, and the events between records, all in row order.
final class CSVRowBatch {
  /// Records per batch: enough that each operation's loop runs long, few enough that a batch's cells and the
  /// test's columns stay in the core's cache.
  static let capacity = 128

  struct Slot {
    var row: Int
    var line: Int
    var keyHash: UInt64
    var keyRange: Range<Int>
    /// How many of the batch's events come before this record.
    var eventsBefore: Int
  }

  /// One row of `width` cells per slot; fields without a column stay unknown.
  let cells: UnsafeMutablePointer<Cell>
  let width: Int
  /// Each slot's cell ranges, `columns` a slot: two bounds and a quoted flag per cell.
  private let bounds: UnsafeMutablePointer<Int>
  private let quoted: UnsafeMutablePointer<Bool>
  let columns: Int
  /// The records' slots, `count` of them. Behind pointers, as the count is: a class's stored `var` costs a
  /// runtime exclusivity check on every access, and the array appends made three for every row.
  let slots: UnsafeMutablePointer<Slot>
  /// The records held, then the events.
  private let counter: UnsafeMutablePointer<Int>
  /// Rejected rows and diagnostics (never records), in order; rare, so an array.
  private(set) var events: [BlockRow] = []
  /// Whether each slot's record is clean, when the test ran on the batch.
  let clean: UnsafeMutablePointer<Bool>

  init(width: Int, columns: Int) {
    self.width = max(width, 1)
    self.columns = columns
    cells = .allocate(capacity: CSVRowBatch.capacity * self.width)
    cells.initialize(repeating: .unknown, count: CSVRowBatch.capacity * self.width)
    bounds = .allocate(capacity: CSVRowBatch.capacity * 2 * max(columns, 1))
    quoted = .allocate(capacity: CSVRowBatch.capacity * max(columns, 1))
    clean = .allocate(capacity: CSVRowBatch.capacity)
    slots = .allocate(capacity: CSVRowBatch.capacity)
    counter = .allocate(capacity: 2)
    counter.initialize(repeating: 0, count: 2)
  }

  deinit {
    cells.deallocate()
    bounds.deallocate()
    quoted.deallocate()
    clean.deallocate()
    slots.deinitialize(count: count)
    slots.deallocate()
    counter.deallocate()
  }

  /// How many records the batch holds.
  var count: Int { counter.pointee }
  var isFull: Bool { count == CSVRowBatch.capacity }
  /// The slot the next record goes to.
  var next: Int { count }

  func row(_ slot: Int) -> UnsafeMutablePointer<Cell> { cells + slot * width }

  func append(_ event: BlockRow) {
    events.append(event)
    counter[1] += 1
  }

  /// Adds the record whose cells are in row `next`, with the scanner's ranges for it (one per column).
  func appendRecord(row: Int, line: Int, keyHash: UInt64, keyRange: Range<Int>, ranges: CellRanges) {
    let n = counter.pointee
    ranges.save(count: columns, bounds: bounds + 2 * columns * n, flags: quoted + columns * n)
    (slots + n).initialize(to: Slot(row: row, line: line, keyHash: keyHash, keyRange: keyRange, eventsBefore: counter[1]))
    counter.pointee = n + 1
  }

  /// Puts slot `slot`'s cell ranges back into `ranges`.
  func loadRanges(_ slot: Int, into ranges: CellRanges) {
    ranges.load(count: columns, bounds: bounds + 2 * columns * slot, flags: quoted + columns * slot)
  }

  /// The batch's records as rows of cells.
  var rows: CellRows { CellRows(cells: cells, stride: width, count: count) }

  func removeAll() {
    slots.deinitialize(count: count)
    if counter[1] > 0 { events.removeAll(keepingCapacity: true) }
    counter.update(repeating: 0, count: 2)
  }
}
