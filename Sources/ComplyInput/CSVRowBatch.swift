import ComplyModel

/// Rows of a block held back so that the clean-row test runs on many at once: each record's typed cells (a row
/// of one matrix), its cells' byte ranges (valid for the whole block) and where it came from, and the events
/// between records, all in row order.
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
    var source: RecordSource
    var keyHash: UInt64
    var keyRange: Range<Int>
  }

  /// One row of `width` cells per slot; fields without a column stay unknown.
  let cells: UnsafeMutablePointer<Cell>
  let width: Int
  /// Each slot's cell ranges: the scanner scans the next row into the next free slot's.
  let ranges: [CellRanges]
  private(set) var slots: [Slot] = []
  private(set) var entries: [Entry] = []
  /// Whether each slot's record is clean, when the test ran on the batch.
  let clean: UnsafeMutablePointer<Bool>

  init(width: Int) {
    self.width = max(width, 1)
    cells = .allocate(capacity: CSVRowBatch.capacity * self.width)
    cells.initialize(repeating: .unknown, count: CSVRowBatch.capacity * self.width)
    ranges = (0..<CSVRowBatch.capacity).map { _ in CellRanges() }
    clean = .allocate(capacity: CSVRowBatch.capacity)
    slots.reserveCapacity(CSVRowBatch.capacity)
  }

  deinit {
    cells.deallocate()
    clean.deallocate()
  }

  var isFull: Bool { slots.count == CSVRowBatch.capacity }
  /// The slot the next record goes to.
  var next: Int { slots.count }

  func row(_ slot: Int) -> UnsafeMutablePointer<Cell> { cells + slot * width }

  func append(_ event: BlockRow) { entries.append(.event(event)) }

  func appendRecord(_ slot: Slot) {
    entries.append(.record(slots.count))
    slots.append(slot)
  }

  /// The batch's records as rows of cells.
  var rows: CellRows { CellRows(cells: cells, stride: width, count: slots.count) }

  func removeAll() {
    slots.removeAll(keepingCapacity: true)
    entries.removeAll(keepingCapacity: true)
  }
}
