import ComplyModel

/// One event of a block, in row order.
public enum BlockRow {
  case record(RowView)
  case rejected(RowRejection)
  case diagnostic(Diagnostic)
}

/// A data row as the block parser read it: a cell for every typed field and for the text fields the rules read
/// (whether they are set). Valid only inside the `parse` callback, where `values` and `record()` make the
/// row's values, and its full record with every cell's text, for the rows that need them (findings,
/// explanations).
public struct RowView {
  public let source: RecordSource
  /// One cell per schema field; a field without a column is unknown.
  public let cells: UnsafePointer<Cell>
  /// A 64-bit hash of the record key, for finding duplicate keys without keeping the keys.
  public let keyHash: UInt64
  /// Where the key cell lies in the block's bytes (quotes and white space included).
  public let keyRange: Range<Int>
  /// Whether the clean-row test passed `parse` found the record clean; nil when it did not test it.
  public let isClean: Bool?
  // Unchecked: a view lives only inside the parser's callback, and each copy of a checked unowned reference
  // counts it up and down again.
  unowned(unsafe) let parser: CSVBlockParser

  /// Typed values for every typed field and the text fields the rules read (others are `.null`).
  public var values: [Value] { parser.values() }

  public func record() -> Record { parser.materialize(source: source) }
}
