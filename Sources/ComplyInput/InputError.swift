import ComplyModel

/// A register that cannot be read at all. The CLI exits with status 3.
///
/// Problems confined to a row (a ragged row, an unreadable cell) are never thrown: they become
/// `ReadEvent.rejected` or `ReadEvent.diagnostic`.
public enum InputError: Error, CustomStringConvertible, Sendable, Hashable {
  /// The file does not exist or cannot be opened or read; the reason is the system's.
  case unreadable(path: String, reason: String)
  /// The bytes are not text in the expected encoding.
  case undecodable(path: String, reason: String)
  /// The file is empty: no header row, or no JSON value.
  case noHeader(path: String)
  /// The very same header (after normalization) names two columns that map to a schema field.
  case duplicateHeader(path: String, header: String, columns: [Int])
  /// The register has no column for the record key, so no row could be identified.
  case missingKeyColumn(path: String, field: String, header: String)
  /// `--map` names a field the schema does not have.
  case unknownField(name: String, header: String)
  /// JSON or YAML syntax that cannot be read past (`line` is 1-based).
  case malformed(path: String, line: Int, message: String)
  /// A row longer than `ReadOptions.maxRowBytes`, starting on `line`.
  case rowTooLong(path: String, line: Int, limit: Int)
  /// A file read as a workbook that is not one (not a ZIP package, an old `.xls`, a part missing or damaged).
  case notWorkbook(path: String, reason: String)
  /// `--sheet` names a sheet the workbook does not have.
  case noSheet(path: String, name: String, available: [String])
  /// A workbook part inflates past `ReadOptions.maxEntryBytes` or `maxCompressionRatio`.
  case workbookLimit(path: String, part: String, reason: String)
  /// A limit that keeps memory bounded: a header wider than `HeaderMapping.maxColumns`, or an input read whole
  /// (YAML, GB18030 JSON) larger than `ReadOptions.maxWholeBytes`.
  case limit(path: String, line: Int, message: String)
  /// `--header-row` names a row that is blank or past the end of the sheet.
  case headerRowMissing(path: String, row: Int)

  public var description: String { diagnostic.description }

  /// The error as a diagnostic, located where the problem is when that is known.
  public var diagnostic: Diagnostic {
    switch self {
    case .unreadable(let path, let reason):
      return .error(.inputUnreadable, "cannot read \(path): \(reason)", at: nil)
    case .undecodable(let path, let reason):
      return .error(.inputEncoding, "cannot decode \(path): \(reason)", at: nil)
    case .noHeader(let path):
      return .error(.inputFormat, "\(path) is empty: no header row", at: nil)
    case .duplicateHeader(let path, let header, let columns):
      let list = columns.map(String.init).joined(separator: " and ")
      return .error(
        .inputDuplicateHeader, "header '\(header)' appears twice (columns \(list))",
        at: Location(file: path, line: 1, column: 0))
    case .missingKeyColumn(let path, let field, let header):
      return .error(
        .inputMissingColumn, "no column for the record key \(field) (\(header)); no row can be identified",
        at: Location(file: path, line: 1, column: 0))
    case .unknownField(let name, let header):
      return .error(.inputFormat, "--map '\(header)=\(name)': the schema has no field '\(name)'", at: nil)
    case .malformed(let path, let line, let message):
      return .error(.inputFormat, message, at: Location(file: path, line: line, column: 0))
    case .rowTooLong(let path, let line, let limit):
      return .error(
        .inputLimit, "row longer than \(limit) bytes (an unclosed quote?)",
        at: Location(file: path, line: line, column: 0))
    case .notWorkbook(let path, let reason):
      return .error(.inputFormat, "cannot read \(path) as an .xlsx workbook: \(reason)", at: nil)
    case .noSheet(let path, let name, let available):
      let list = available.map { "'\($0)'" }.joined(separator: ", ")
      return .error(.inputFormat, "\(path) has no sheet '\(name)' (its sheets: \(list))", at: nil)
    case .workbookLimit(let path, let part, let reason):
      return .error(.inputLimit, "\(path): workbook part \(part) \(reason); not read", at: nil)
    case .limit(let path, let line, let message):
      return .error(.inputLimit, message, at: Location(file: path, line: line, column: 0))
    case .headerRowMissing(let path, let row):
      return .error(
        .inputFormat, "--header-row \(row): row \(row) is blank or past the end of the sheet",
        at: Location(file: path, line: row, column: 0))
    }
  }
}
