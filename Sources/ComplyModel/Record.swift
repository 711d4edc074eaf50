/// Where a record came from: the register file, the row a spreadsheet shows (the header is row 1 of a CSV) and
/// the physical line the row starts on.
public struct RecordSource: Hashable, Sendable, Comparable {
  public var path: String
  public var row: Int
  public var line: Int

  public init(path: String, row: Int, line: Int) {
    self.path = path
    self.row = row
    self.line = line
  }

  public static func < (a: Self, b: Self) -> Bool { (a.path, a.row) < (b.path, b.row) }

  /// The register's file name without its folder: what baselines and ledgers tell the files of a batch apart by.
  public var fileName: String { RecordSource.fileName(of: path) }

  public static func fileName(of path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}

/// A register row read against a schema: one typed value and the raw cell text per schema field.
public struct Record: Sendable {
  public var source: RecordSource
  /// Typed values by schema field index: `.null` for a blank cell, `.unknown([i])` for an unreadable cell or a
  /// column the register lacks.
  public var values: [Value]
  /// The cell text as written, by schema field index; nil when the register has no column for the field.
  public var raw: [String?]
  /// The register's own header for each schema field's column, by field index (shared by all rows of a file).
  public var headers: [String?]

  public init(source: RecordSource, values: [Value], raw: [String?], headers: [String?] = []) {
    self.source = source
    self.values = values
    self.raw = raw
    self.headers = headers
  }

  /// The record key as text (`project_id`).
  public func key(in schema: Schema) -> String { raw[schema.keyField] ?? "" }
}

/// A row that could not become a record, with the reason. Every rejected row is reported; none vanishes.
public struct RowRejection: Hashable, Sendable {
  public var source: RecordSource
  public var reason: String

  public init(source: RecordSource, reason: String) {
    self.source = source
    self.reason = reason
  }
}
