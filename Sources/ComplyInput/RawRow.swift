import ComplyModel

/// A row as a format reader delivers it, before its cells are typed.
enum RawRow {
  /// Cell text per schema field: nil when the register has no column for the field, else the text as written
  /// ("" for an empty cell, or for a key a JSON object leaves out).
  case cells(row: Int, line: Int, texts: [String?])
  case rejected(RowRejection)
  case diagnostic(Diagnostic)
}

/// A format reader: CSV, JSON, JSON Lines or YAML.
protocol RowProducer: AnyObject {
  var mapping: HeaderMapping { get }
  /// The next row, or nil at the end of the input.
  func nextRow() throws(InputError) -> RawRow?
}
