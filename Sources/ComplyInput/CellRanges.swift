/// A row's cells as byte ranges, with whether each began with a quote, in storage reused from row to row.
///
/// The scanner appends a cell for every comma it finds; with arrays that meant a uniqueness check and an
/// exclusivity check per cell, more than the scanning itself.
final class CellRanges: RandomAccessCollection {
  /// Two per cell: where it starts and where it ends.
  private var bounds: UnsafeMutablePointer<Int>
  private var flags: UnsafeMutablePointer<Bool>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 64) {
    self.capacity = capacity
    bounds = .allocate(capacity: 2 * capacity)
    flags = .allocate(capacity: capacity)
  }

  deinit {
    bounds.deallocate()
    flags.deallocate()
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  subscript(index: Int) -> Range<Int> {
    precondition(index >= 0 && index < count, "cell index out of range")
    return bounds[2 * index]..<bounds[2 * index + 1]
  }

  /// Whether cell `index` began with a quote, so needs unescaping.
  func isQuoted(_ index: Int) -> Bool {
    precondition(index >= 0 && index < count, "cell index out of range")
    return flags[index]
  }

  func removeAll() { count = 0 }

  /// The bounds as stored, two per cell, for a kernel that reads several cells at once.
  @inline(__always)
  func withBounds<R>(_ body: (UnsafePointer<Int>) -> R) -> R { body(bounds) }

  /// Copies the ranges of the first `count` cells out, to `load` them again later.
  func save(count: Int, bounds: UnsafeMutablePointer<Int>, flags: UnsafeMutablePointer<Bool>) {
    precondition(count <= self.count, "saving more cells than the row has")
    bounds.update(from: self.bounds, count: 2 * count)
    flags.update(from: self.flags, count: count)
  }

  /// The ranges `save` copied out, in place of the current ones.
  func load(count: Int, bounds: UnsafePointer<Int>, flags: UnsafePointer<Bool>) {
    while capacity < count { grow() }
    self.bounds.update(from: bounds, count: 2 * count)
    self.flags.update(from: flags, count: count)
    self.count = count
  }

  /// Lets `scan` write the bounds of unquoted cells in place, at most `capacity` of them: it returns how many it
  /// wrote, or nil to leave the ranges empty.
  @inline(__always)
  func fill(_ scan: (_ bounds: UnsafeMutablePointer<Int>, _ capacity: Int) -> Int?) -> Bool {
    guard let written = scan(bounds, capacity) else {
      count = 0
      return false
    }
    flags.update(repeating: false, count: written)
    count = written
    return true
  }

  @inline(__always)
  func append(_ range: Range<Int>, quoted: Bool) {
    if count == capacity { grow() }
    bounds[2 * count] = range.lowerBound
    bounds[2 * count + 1] = range.upperBound
    flags[count] = quoted
    count += 1
  }

  private func grow() {
    let larger = capacity * 2
    let newBounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * larger)
    newBounds.moveInitialize(from: bounds, count: 2 * count)
    bounds.deallocate()
    bounds = newBounds
    let newFlags = UnsafeMutablePointer<Bool>.allocate(capacity: larger)
    newFlags.moveInitialize(from: flags, count: count)
    flags.deallocate()
    flags = newFlags
    capacity = larger
  }
}
