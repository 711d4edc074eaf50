/// Remembers which row first had each record key, by a 64-bit hash of the key: 12 bytes a slot, the only memory
/// a streamed check grows with its input.
///
/// The table can be sized up front from an estimate of the rows (`reserve`), so that it ends about 87% full:
/// some 14 bytes a row. Slots are found by multiplying the (mixed) hash into the table's range, so any size works,
/// not only powers of two. Without an estimate (standard input) it grows by half whenever it is 90% full.
public struct KeyTable: Sendable {
  private var hashes: [UInt64]
  private var rows: [UInt32]
  private var count = 0

  public init(capacity: Int = 1 << 12) {
    hashes = [UInt64](repeating: 0, count: max(capacity, 16))
    rows = [UInt32](repeating: 0, count: max(capacity, 16))
  }

  /// Makes room for `expectedRows` keys in all, at about 87% load.
  public mutating func reserve(expectedRows: Int) {
    let wanted = expectedRows + expectedRows * 3 / 20
    if wanted > hashes.count { resize(to: wanted) }
  }

  /// Records `row` for `hash`, or returns the row that had it first.
  public mutating func insert(_ hash: UInt64, row: Int) -> Int? {
    if (count + 1) * 10 > hashes.count * 9 { resize(to: hashes.count + hashes.count / 2) }
    let key = hash == 0 ? 1 : hash  // 0 marks an empty slot
    let size = hashes.count
    var slot = Int(truncatingIfNeeded: KeyTable.mix(key).multipliedFullWidth(by: UInt64(size)).high)
    while hashes[slot] != 0 {
      if hashes[slot] == key { return Int(rows[slot]) }
      slot += 1
      if slot == size { slot = 0 }
    }
    hashes[slot] = key
    rows[slot] = UInt32(truncatingIfNeeded: row)
    count += 1
    return nil
  }

  /// The hash of a record key's text, as the CSV block parser hashes a key's bytes (FNV-1a over UTF-8).
  public static func hash(_ key: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key.utf8 {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return h
  }

  /// The MurmurHash3 finalizer: spreads any hash over all 64 bits, since the slot comes from the high bits.
  static func mix(_ value: UInt64) -> UInt64 {
    var x = value
    x ^= x >> 33
    x = x &* 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x = x &* 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return x
  }

  private mutating func resize(to size: Int) {
    let oldHashes = hashes
    let oldRows = rows
    hashes = [UInt64](repeating: 0, count: size)
    rows = [UInt32](repeating: 0, count: size)
    count = 0
    for (hash, row) in zip(oldHashes, oldRows) where hash != 0 { _ = insert(hash, row: Int(row)) }
  }
}
