/// Remembers which row first had each record key, by a 64-bit hash of the key: 12 bytes a slot, at most three
/// quarters full, so about 16 bytes per row — the only memory a streamed check grows with its input.
public struct KeyTable: Sendable {
  private var hashes: [UInt64]
  private var rows: [UInt32]
  private var count = 0

  public init(capacity: Int = 1 << 12) {
    var size = 16
    while size < capacity { size <<= 1 }
    hashes = [UInt64](repeating: 0, count: size)
    rows = [UInt32](repeating: 0, count: size)
  }

  /// Records `row` for `hash`, or returns the row that had it first.
  public mutating func insert(_ hash: UInt64, row: Int) -> Int? {
    if (count + 1) * 4 > hashes.count * 3 { grow() }
    let key = hash == 0 ? 1 : hash  // 0 marks an empty slot
    let mask = hashes.count - 1
    var slot = Int(truncatingIfNeeded: key) & mask
    while hashes[slot] != 0 {
      if hashes[slot] == key { return Int(rows[slot]) }
      slot = (slot + 1) & mask
    }
    hashes[slot] = key
    rows[slot] = UInt32(truncatingIfNeeded: row)
    count += 1
    return nil
  }

  private mutating func grow() {
    let oldHashes = hashes
    let oldRows = rows
    hashes = [UInt64](repeating: 0, count: oldHashes.count * 2)
    rows = [UInt32](repeating: 0, count: oldHashes.count * 2)
    count = 0
    for (hash, row) in zip(oldHashes, oldRows) where hash != 0 { _ = insert(hash, row: Int(row)) }
  }
}
