/// A set of schema field indexes: the fields that made a value unknown.
///
/// The first 128 fields are kept inline, so that making, copying and merging the sets that unknown values carry
/// costs no allocation and no reference counting for any ordinary schema.
public struct FieldSet: Hashable, Sendable, Sequence {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  private var rest: [UInt64]?

  public init() {}

  public init(_ index: Int) { insert(index) }

  public init<S: Sequence>(_ indexes: S) where S.Element == Int {
    for index in indexes { insert(index) }
  }

  public var isEmpty: Bool { low == 0 && high == 0 && (rest?.allSatisfy { $0 == 0 } ?? true) }

  public mutating func insert(_ index: Int) {
    precondition(index >= 0, "field indexes are never negative")
    switch index {
    case 0..<64: low |= 1 << UInt64(index)
    case 64..<128: high |= 1 << UInt64(index - 64)
    default:
      let word = (index - 128) >> 6
      var words = rest ?? []
      if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
      words[word] |= 1 << UInt64(index & 63)
      rest = words
    }
  }

  public func contains(_ index: Int) -> Bool {
    switch index {
    case 0..<64: return low & (1 << UInt64(index)) != 0
    case 64..<128: return high & (1 << UInt64(index - 64)) != 0
    default:
      let word = (index - 128) >> 6
      guard let rest, index >= 0, word < rest.count else { return false }
      return rest[word] & (1 << UInt64(index & 63)) != 0
    }
  }

  public func union(_ other: FieldSet) -> FieldSet {
    var result = self
    result.low |= other.low
    result.high |= other.high
    if let more = other.rest {
      var words = result.rest ?? []
      for (i, w) in more.enumerated() {
        if i < words.count { words[i] |= w } else { words.append(w) }
      }
      result.rest = words
    }
    return result
  }

  public func makeIterator() -> IndexingIterator<[Int]> {
    var indexes: [Int] = []
    for bit in 0..<64 where low & (1 << UInt64(bit)) != 0 { indexes.append(bit) }
    for bit in 0..<64 where high & (1 << UInt64(bit)) != 0 { indexes.append(64 + bit) }
    for (word, bits) in (rest ?? []).enumerated() {
      for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 { indexes.append(128 + word * 64 + bit) }
    }
    return indexes.makeIterator()
  }
}
