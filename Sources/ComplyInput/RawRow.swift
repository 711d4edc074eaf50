import ComplyModel

/// A row as a format reader delivers it, before its cells are typed.
enum RawRow {
  /// Cell text per schema field: nil when the register has no column for the field, else the text as written
  /// ("" for an empty cell, or for a key a JSON object leaves out).
  case cells(row: Int, line: Int, texts: [String?])
  case rejected(RowRejection)
  case diagnostic(Diagnostic)
  /// A new part of the input with its own header (the next worksheet of a workbook): the rows after it are
  /// mapped by `mapping` and name `path`. Its mapping diagnostics are reported then.
  case section(path: String, mapping: HeaderMapping)
}

/// A format reader: CSV, JSON, JSON Lines, YAML or XLSX.
protocol RowProducer: AnyObject {
  var mapping: HeaderMapping { get }
  /// The next row, or nil at the end of the input.
  func nextRow() throws(InputError) -> RawRow?
  /// The name the first rows' records give, when it is not the input's (a workbook's sheet, `book.xlsx[sheet]`).
  var sectionPath: String? { get }
}

extension RowProducer {
  var sectionPath: String? { nil }
}
