import ComplyModel

/// The values and the full record of the row the parser is passing on, for the rows that need them.
extension CSVBlockParser {
  /// A cell's text, trimmed as `RecordAssembler` trims it: straight from the block's bytes when they are valid
  /// UTF-8 with nothing but ASCII white space to trim (as for keys), else decoded and trimmed scalar by scalar.
  func cellText(_ column: Int, _ scanner: CSVScanner) -> String {
    if blockIsValidUTF8 && !scanner.cells.isQuoted(column) {
      let bytes = CSVBlockParser.trimmedBytes(UnsafeBufferPointer(rebasing: base[scanner.cells[column]]))
      if bytes.isEmpty { return "" }
      if !Schema.mayHaveUnicodeSpace(bytes) { return String(decoding: bytes, as: UTF8.self) }
    }
    return scanner.withCell(column, decoder.decode).map(RecordAssembler.trimmed) ?? ""
  }

  /// The current row's values: from the cells, and from the text of the text fields the rules read.
  func values() -> [Value] {
    loadRanges()
    var values = baseValues
    guard let scanner else { return values }
    for (field, column) in mapped where typed[field] {
      if let value = schema.value(of: current[field], field: field) {
        values[field] = value
        continue
      }
      // A set text field: its text, read as the reference reads it.
      let text = scanner.withCell(column, decoder.decode) ?? ""
      if case .value(let value) = schema.parseCell(text, field: field, unitFactor: factors[field]) {
        values[field] = value
      } else {
        values[field] = .null
      }
    }
    return values
  }

  /// The full record of the current row: every mapped cell's text, and the values `values()` gives (a text
  /// field no rule reads stays null: nothing judges it, and normalizing its text cost more than the rest).
  func materialize(source: RecordSource) -> Record {
    loadRanges()
    var values = baseValues
    var raw = [String?](repeating: nil, count: values.count)
    guard let scanner else { return Record(source: source, values: values, raw: raw) }
    for (field, column) in mapped {
      let text = cellText(column, scanner)
      raw[field] = text
      guard typed[field] else { continue }
      if let value = schema.value(of: current[field], field: field) {
        values[field] = value
        continue
      }
      switch schema.parseCell(text, field: field) {
      case .value(let value): values[field] = value
      default: values[field] = .null
      }
    }
    return Record(source: source, values: values, raw: raw, headers: headers)
  }
}
