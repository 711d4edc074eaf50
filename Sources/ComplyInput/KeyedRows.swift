import ComplyModel

/// Turns keyed records (JSON objects, YAML mappings) into raw rows, against columns taken from the first record.
///
/// Rows are numbered by record: the first record is row 1 (there is no header row), and `line` is the line the
/// record starts on. The first record's keys are the columns, as a CSV header would be; a later record that lacks
/// a key has a blank cell there, and a key first seen in a later record is reported once and ignored. A record
/// whose mapped key repeats, or holds a nested list or mapping, is rejected.
struct KeyedRows {
  enum Cell {
    case text(String)
    case null
    /// A nested value, described as "an object", "an array", "a list" or "a mapping".
    case nested(String)
  }

  let mapping: HeaderMapping
  private let path: String
  private let fieldCount: Int
  private var columnByKey: [String: Int] = [:]
  private var reportedKeys: Set<String> = []

  /// Maps the first record's keys (duplicates after the first are left to the record's own check).
  init(firstKeys: [String], firstLine: Int, schema: Schema, options: ReadOptions, path: String)
    throws(InputError)
  {
    var headers: [String] = []
    for key in firstKeys where columnByKey[key] == nil {
      columnByKey[key] = headers.count
      headers.append(key)
    }
    mapping = try HeaderMapping(
      headers: headers, schema: schema, overrides: options.headerOverrides, path: path, headerLine: firstLine)
    self.path = path
    fieldCount = schema.fields.count
  }

  /// For an input without records: every field missing, nothing reported.
  init(emptyFor schema: Schema, path: String) {
    mapping = HeaderMapping(emptyFor: schema)
    self.path = path
    fieldCount = schema.fields.count
  }

  /// The raw rows for one record: a warning for each key not seen before, then the row or its rejection.
  mutating func rows(row: Int, line: Int, members: [(key: String, value: Cell)]) -> [RawRow] {
    var result: [RawRow] = []
    let source = RecordSource(path: path, row: row, line: line)
    var texts = [String?](repeating: nil, count: fieldCount)
    for (field, column) in mapping.fieldColumns.enumerated() where column != nil { texts[field] = "" }
    var seen: Set<Int> = []
    var rejection: String?
    for (key, value) in members {
      guard let column = columnByKey[key] else {
        if reportedKeys.insert(key).inserted {
          result.append(
            .diagnostic(
              .warning(
                .inputFormat,
                "key '\(key)' first appears in record \(row); columns come from the first record, so it is ignored",
                at: Location(file: path, line: line, column: 0))))
        }
        continue
      }
      guard let field = mapping.columns[column].field else { continue }
      guard seen.insert(field).inserted else {
        rejection = rejection ?? "key '\(key)' appears twice"
        continue
      }
      switch value {
      case .text(let text): texts[field] = text
      case .null: texts[field] = ""
      case .nested(let kind):
        rejection = rejection ?? "the value of '\(key)' is \(kind), not a single value"
      }
    }
    if let rejection {
      result.append(.rejected(RowRejection(source: source, reason: rejection)))
    } else {
      result.append(.cells(row: row, line: line, texts: texts))
    }
    return result
  }
}
