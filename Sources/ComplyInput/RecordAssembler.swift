import ComplyModel

/// Types a raw row's cells into a record, and checks its key.
///
/// Every typed field is read whatever rules are loaded, so an unreadable cell is reported even when no rule
/// reads it. Keys are remembered per file to report duplicates: memory grows with the number of distinct keys,
/// never with the rows' contents.
struct RecordAssembler {
  private let schema: Schema
  private var mapping: HeaderMapping
  private var path: String
  private var firstRowByKey: [String: RecordSource] = [:]
  /// Per field, the unit factor of its column (1 when it has none).
  private var factors: [Double]
  /// Per field, the register's header for it (shared by every record of the file or sheet).
  private var headers: [String?]

  init(schema: Schema, mapping: HeaderMapping, path: String) {
    self.schema = schema
    self.mapping = mapping
    self.path = path
    factors = mapping.fieldColumns.map { column in column.map { mapping.columns[$0].unitFactor } ?? 1 }
    headers = schema.fields.indices.map { mapping.header(for: $0) }
  }

  /// Switches to the next part of the input (a workbook's next sheet), with its own columns. Keys are still
  /// compared with every row before, across parts.
  mutating func begin(mapping: HeaderMapping, path: String) {
    self.mapping = mapping
    self.path = path
    factors = mapping.fieldColumns.map { column in column.map { mapping.columns[$0].unitFactor } ?? 1 }
    headers = schema.fields.indices.map { mapping.header(for: $0) }
  }

  /// The events for one row: its diagnostics first, then the record or the rejection.
  mutating func assemble(row: Int, line: Int, texts: [String?], into events: inout [ReadEvent]) {
    let source = RecordSource(path: path, row: row, line: line)
    let location = Location(file: path, line: line, column: 0)
    let keyField = schema.keyField
    let keyText = texts[keyField].map { String(TextNormalization.trimmed($0)) } ?? ""
    if case .blank = schema.parseCell(keyText, field: keyField) {
      let name = schema.fields[keyField].name
      events.append(.rejected(RowRejection(source: source, reason: "blank record key (\(name))")))
      return
    }

    var values = [Value](repeating: .null, count: texts.count)
    var raw = [String?](repeating: nil, count: texts.count)
    for field in texts.indices {
      guard let text = texts[field] else {
        values[field] = .unknown(FieldSet(field))
        continue
      }
      let trimmed = RecordAssembler.trimmed(text)
      raw[field] = trimmed
      switch schema.parseCell(trimmed, field: field, unitFactor: factors[field]) {
      case .blank:
        values[field] = .null
      case .value(let value):
        values[field] = value
      case .unreadable(let reason):
        values[field] = .unknown(FieldSet(field))
        let header = mapping.header(for: field) ?? schema.fields[field].name
        let type = RecordAssembler.typeName(schema.fields[field].type)
        events.append(
          .diagnostic(
            .warning(
              .inputBadValue, "row \(row), column '\(header)': cannot read '\(trimmed)' as \(type) (\(reason))",
              at: location)))
      }
    }

    if let first = firstRowByKey[keyText] {
      events.append(
        .diagnostic(
          .warning(
            .inputDuplicateKey, "row \(row) repeats \(schema.fields[keyField].name) '\(keyText)' of row \(first.row)",
            at: location,
            notes: [
              Diagnostic.Note("row \(first.row) is here", at: Location(file: first.path, line: first.line, column: 0))
            ]
          )))
    } else {
      firstRowByKey[keyText] = source
    }
    events.append(.record(Record(source: source, values: values, raw: raw, headers: headers)))
  }

  /// The cell trimmed, sharing the decoded string when there is nothing to trim (the usual case).
  static func trimmed(_ text: String) -> String {
    let trimmed = TextNormalization.trimmed(text)
    return trimmed.startIndex == text.startIndex && trimmed.endIndex == text.endIndex ? text : String(trimmed)
  }

  static func typeName(_ type: FieldType) -> String {
    switch type {
    case .text: "text"
    case .number: "a number"
    case .date: "a date"
    case .bool: "yes/no"
    case .enumeration: "a category"
    }
  }
}
