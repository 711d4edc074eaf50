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
    let count = baseValues.count
    guard let scanner else { return Record(source: source, values: baseValues, raw: [String?](repeating: nil, count: count)) }
    // Both arrays made at their size and each element written once, in field order (`mapped` is): copying
    // `baseValues` and then setting elements copied every value, a retain each, and checked the array per write.
    var next = 0
    var texts: [String?] = []
    let values = [Value](unsafeUninitializedCapacity: count) { values, initialized in
      texts = [String?](unsafeUninitializedCapacity: count) { raw, rawCount in
        for field in 0..<count {
          guard next < mapped.count, mapped[next].field == field else {
            values.initializeElement(at: field, to: baseValues[field])
            raw.initializeElement(at: field, to: nil)
            continue
          }
          let text = cellText(mapped[next].column, scanner)
          next += 1
          raw.initializeElement(at: field, to: text)
          values.initializeElement(at: field, to: typed[field] ? value(field, text) : baseValues[field])
        }
        rawCount = count
      }
      initialized = count
    }
    return Record(source: source, values: values, raw: texts, headers: headers)
  }

  /// A typed field's value, from its cell, or from its text for a set text field.
  private func value(_ field: Int, _ text: String) -> Value {
    if let value = schema.value(of: current[field], field: field) { return value }
    if case .value(let value) = schema.parseCell(text, field: field) { return value }
    return .null
  }
}
