import Foundation

/// Remembers which row first had each record key, by a 64-bit hash of the key: 12 bytes a slot, the only memory
/// a streamed check grows with its input.
///
/// The table can be sized up front from an estimate of the rows (`reserve`), so that it ends about 87% full:
/// some 14 bytes a row. Slots are found by multiplying the (mixed) hash into the table's range, so any size works,
/// not only powers of two. Without an estimate (standard input) it grows by half whenever it is 90% full.
///
/// A class: the slots are one allocation it owns (see `KeySlots`), never shared between tables.
public final class KeyTable: @unchecked Sendable {
  private var slots: KeySlots
  private var count = 0
  /// What `insert(contentsOf:)` loaded ahead; kept so that the loads are not optimized away.
  private var warmed: UInt64 = 0

  public init(capacity: Int = 1 << 12) { slots = KeySlots(size: max(capacity, 16)) }

  /// Makes room for `expectedRows` keys in all, at about 87% load.
  public func reserve(expectedRows: Int) {
    let wanted = expectedRows + expectedRows * 3 / 20
    if wanted > slots.size { resize(to: wanted) }
  }

  /// Records `row` for `hash`, or returns the row that had it first.
  public func insert(_ hash: UInt64, row: Int) -> Int? {
    if (count + 1) * 10 > slots.size * 9 { resize(to: slots.size + slots.size / 2) }
    let key = hash == 0 ? 1 : hash  // 0 marks an empty slot
    let (hashes, rows, size) = (slots.hashes, slots.rows, slots.size)
    var slot = home(key)
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

  /// `insert` for a block's keys in order: the index in `keys` and the first row of each key seen before. The
  /// slots are loaded for all keys first, so that their cache misses overlap instead of each stalling an insert
  /// (a table for a million rows is far larger than the caches).
  public func insert(contentsOf keys: [(hash: UInt64, row: Int)]) -> [(index: Int, firstRow: Int)] {
    let needed = count + keys.count
    if needed * 10 > slots.size * 9 { resize(to: max(slots.size + slots.size / 2, needed * 10 / 9 + 1)) }
    var sum: UInt64 = 0
    for key in keys {
      let slot = home(key.hash == 0 ? 1 : key.hash)
      sum &+= slots.hashes[slot] &+ UInt64(slots.rows[slot])
    }
    warmed = sum
    var repeats: [(index: Int, firstRow: Int)] = []
    for (index, key) in keys.enumerated() {
      if let first = insert(key.hash, row: key.row) { repeats.append((index, first)) }
    }
    return repeats
  }

  /// The slot a key's probe starts at.
  @inline(__always)
  private func home(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: KeyTable.mix(key).multipliedFullWidth(by: UInt64(slots.size)).high)
  }

  /// The hash of a record key's text: FNV-1a over its UTF-8, as the CSV block parser hashes a key's bytes.
  public static func hash(_ key: String) -> UInt64 {
    var key = key
    return key.withUTF8 { hash($0) }
  }

  /// FNV-1a, 64 bits: keys are short, and a false duplicate needs two of a file's keys to collide (about
  /// n² / 2⁶⁵: 3 in a million for ten million rows).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
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

  private func resize(to size: Int) {
    let old = slots
    slots = KeySlots(size: size)
    count = 0
    for slot in 0..<old.size where old.hashes[slot] != 0 { _ = insert(old.hashes[slot], row: Int(old.rows[slot])) }
  }
}

/// A key table's slots, zeroed: hashes, then rows, in one allocation. A large one is aligned to 2 MiB and, on
/// Linux, advised into huge pages: each insert lands on a random slot, and with 4 KiB pages nearly every one
/// also missed the TLB, which under virtualization costs more than the cache miss.
final class KeySlots {
  let size: Int
  let hashes: UnsafeMutablePointer<UInt64>
  let rows: UnsafeMutablePointer<UInt32>
  private let memory: UnsafeMutableRawPointer

  init(size: Int) {
    self.size = size
    let hugePage = 1 << 21
    let bytes = size * 12
    let alignment = bytes >= hugePage ? hugePage : 64
    let rounded = (bytes + alignment - 1) / alignment * alignment
    memory = UnsafeMutableRawPointer.allocate(byteCount: rounded, alignment: alignment)
    #if os(Linux)
      if alignment == hugePage { _ = madvise(memory, rounded, Int32(MADV_HUGEPAGE)) }
    #endif
    memory.initializeMemory(as: UInt8.self, repeating: 0, count: rounded)
    hashes = memory.bindMemory(to: UInt64.self, capacity: size)
    rows = (memory + size * 8).bindMemory(to: UInt32.self, capacity: size)
  }

  deinit { memory.deallocate() }
}
