import ComplyModel

/// Rows of a block held back so that the clean-row test runs on many at once: each record's typed cells (a row
/// of one matrix), its cells' byte ranges (valid for the whole block, copied out of the scanner) and where it
/// came from, and the events between records, all in row order.
final class CSVRowBatch {
  /// Records per batch: enough that each operation's loop runs long, few enough that a batch's cells and the
  /// test's columns stay in the core's cache.
  static let capacity = 128

  enum Entry {
    /// A rejected row or a diagnostic (never a record).
    case event(BlockRow)
    /// The record in this slot.
    case record(Int)
  }

  struct Slot {
    var row: Int
    var line: Int
    var keyHash: UInt64
    var keyRange: Range<Int>
  }

  /// One row of `width` cells per slot; fields without a column stay unknown.
  let cells: UnsafeMutablePointer<Cell>
  let width: Int
  /// Each slot's cell ranges, `columns` a slot: two bounds and a quoted flag per cell.
  private let bounds: UnsafeMutablePointer<Int>
  private let quoted: UnsafeMutablePointer<Bool>
  let columns: Int
  private(set) var slots: [Slot] = []
  private(set) var entries: [Entry] = []
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
    slots.reserveCapacity(CSVRowBatch.capacity)
  }

  deinit {
    cells.deallocate()
    bounds.deallocate()
    quoted.deallocate()
    clean.deallocate()
  }

  var isFull: Bool { slots.count == CSVRowBatch.capacity }
  /// The slot the next record goes to.
  var next: Int { slots.count }

  func row(_ slot: Int) -> UnsafeMutablePointer<Cell> { cells + slot * width }

  func append(_ event: BlockRow) { entries.append(.event(event)) }

  /// Adds the record whose cells are in row `next`, with the scanner's ranges for it (one per column).
  func appendRecord(_ slot: Slot, ranges: CellRanges) {
    ranges.save(count: columns, bounds: bounds + 2 * columns * slots.count, flags: quoted + columns * slots.count)
    entries.append(.record(slots.count))
    slots.append(slot)
  }

  /// Puts slot `slot`'s cell ranges back into `ranges`.
  func loadRanges(_ slot: Int, into ranges: CellRanges) {
    ranges.load(count: columns, bounds: bounds + 2 * columns * slot, flags: quoted + columns * slot)
  }

  /// The batch's records as rows of cells.
  var rows: CellRows { CellRows(cells: cells, stride: width, count: slots.count) }

  func removeAll() {
    slots.removeAll(keepingCapacity: true)
    entries.removeAll(keepingCapacity: true)
  }
}
