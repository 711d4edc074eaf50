/// A set of schema field indexes: the fields that made a value unknown. Empty in the common case, so it costs
/// nothing until something is unknown.
public struct FieldSet: Hashable, Sendable, Sequence {
  private var words: [UInt64] = []

  public init() {}

  public init(_ index: Int) { insert(index) }

  public init<S: Sequence>(_ indexes: S) where S.Element == Int {
    for index in indexes { insert(index) }
  }

  public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

  public mutating func insert(_ index: Int) {
    precondition(index >= 0, "field indexes are never negative")
    let word = index >> 6
    if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
    words[word] |= 1 << UInt64(index & 63)
  }

  public func contains(_ index: Int) -> Bool {
    let word = index >> 6
    return word < words.count && words[word] & (1 << UInt64(index & 63)) != 0
  }

  public func union(_ other: FieldSet) -> FieldSet {
    if other.words.isEmpty { return self }
    if words.isEmpty { return other }
    var result = self
    for (i, w) in other.words.enumerated() {
      if i < result.words.count { result.words[i] |= w } else { result.words.append(w) }
    }
    return result
  }

  public func makeIterator() -> AnyIterator<Int> {
    var word = 0
    var bit = 0
    let words = self.words
    return AnyIterator {
      while word < words.count {
        defer {
          bit += 1
          if bit == 64 {
            bit = 0
            word += 1
          }
        }
        if words[word] & (1 << UInt64(bit)) != 0 { return word * 64 + bit }
      }
      return nil
    }
  }
}
