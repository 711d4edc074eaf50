/// A finding's grouping fields (county, sector) as the register wrote them, in field-name order: the order every
/// report lists them in, settled once when the engine is made rather than sorted for each finding.
public struct Groups: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
  public typealias Element = (name: String, value: String)

  private var pairs: [Element]

  /// `pairs` must be in name order (as the engine makes them).
  init(ordered pairs: [Element]) { self.pairs = pairs }

  public init(dictionaryLiteral elements: (String, String)...) {
    pairs = elements.map { (name: $0.0, value: $0.1) }.sorted { $0.name < $1.name }
  }

  /// The value of the group named `name`, nil when there is no such group; setting nil removes it.
  public subscript(name: String) -> String? {
    get { pairs.first { $0.name == name }?.value }
    set {
      pairs.removeAll { $0.name == name }
      guard let newValue else { return }
      pairs.insert((name: name, value: newValue), at: pairs.firstIndex { $0.name > name } ?? pairs.endIndex)
    }
  }

  public func makeIterator() -> IndexingIterator<[Element]> { pairs.makeIterator() }

  public static func == (a: Groups, b: Groups) -> Bool {
    a.pairs.elementsEqual(b.pairs) { $0.name == $1.name && $0.value == $1.value }
  }
}
