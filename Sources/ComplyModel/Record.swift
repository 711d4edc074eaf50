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
  /// A record the CSV block reader made keeps its texts as bytes: read one field's with `text(_:)`, which makes
  /// only that one a string (`raw` makes them all, and setting it keeps strings from then on).
  public var raw: [String?] {
    get {
      switch texts {
      case .strings(let strings): strings
      case .bytes(let bytes, let bounds): (0..<bounds.count / 2).map { RawTexts.text(bytes, bounds, $0) }
      }
    }
    set { texts = .strings(newValue) }
  }
  /// The register's own header for each schema field's column, by field index (shared by all rows of a file).
  public var headers: [String?]
  private var texts: RawTexts

  public init(source: RecordSource, values: [Value], raw: [String?], headers: [String?] = []) {
    self.source = source
    self.values = values
    self.texts = .strings(raw)
    self.headers = headers
  }

  /// A record whose cell texts are `bytes`: field `i`'s from `bounds[2i]` to `bounds[2i + 1]`, valid UTF-8, and a
  /// start of -1 where the register has no column. Each is made a string only when read: a finding reads a few.
  package init(source: RecordSource, values: [Value], texts bytes: [UInt8], bounds: [Int], headers: [String?]) {
    self.source = source
    self.values = values
    self.texts = .bytes(bytes, bounds)
    self.headers = headers
  }

  /// Field `field`'s cell text, as `raw[field]`.
  public func text(_ field: Int) -> String? {
    switch texts {
    case .strings(let strings): field < strings.count ? strings[field] : nil
    case .bytes(let bytes, let bounds): field < bounds.count / 2 ? RawTexts.text(bytes, bounds, field) : nil
    }
  }

  /// Whether the register has a column for field `field` (`raw[field]` is not nil).
  public func hasColumn(_ field: Int) -> Bool {
    switch texts {
    case .strings(let strings): field < strings.count && strings[field] != nil
    case .bytes(_, let bounds): field < bounds.count / 2 && bounds[2 * field] >= 0
    }
  }

  /// The record key as text (`project_id`).
  public func key(in schema: Schema) -> String { text(schema.keyField) ?? "" }
}

/// A record's cell texts: strings, or one buffer of UTF-8 bytes with each field's bounds.
private enum RawTexts: Sendable {
  case strings([String?])
  case bytes([UInt8], [Int])

  static func text(_ bytes: [UInt8], _ bounds: [Int], _ field: Int) -> String? {
    let (start, end) = (bounds[2 * field], bounds[2 * field + 1])
    guard start >= 0 else { return nil }
    return bytes.withUnsafeBufferPointer { bytes in
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
  }
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
