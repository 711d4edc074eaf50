import ComplyModel

/// The values and the full record of the row the parser is passing on, for the rows that need them.
extension CSVBlockParser {
  /// A cell's text, trimmed as `RecordAssembler` trims it, as UTF-8 in `bytes`, which begin with the row's own
  /// bytes from `rowStart` on: its bounds there when the block's bytes are valid UTF-8 with nothing but ASCII white
  /// space to trim (as for keys), else decoded and trimmed scalar by scalar and appended.
  func cellText(
    _ column: Int, _ scanner: CSVScanner, _ cells: CellRanges, rowStart: Int, in bytes: inout [UInt8]
  ) -> (Int, Int) {
    if blockIsValidUTF8 && !cells.isQuoted(column) {
      let range = cells[column]
      let plain = CSVBlockParser.trimmedBytes(UnsafeBufferPointer(rebasing: base[range]))
      guard let start = plain.baseAddress, let block = base.baseAddress else { return (0, 0) }
      if plain.isEmpty || !Schema.mayHaveUnicodeSpace(plain) {
        let offset = start - block - rowStart
        return (offset, offset + plain.count)
      }
    }
    let start = bytes.count
    bytes.append(contentsOf: (scanner.withCell(column, decoder.decode).map(RecordAssembler.trimmed) ?? "").utf8)
    return (start, bytes.count)
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
  /// field no rule reads stays null: nothing judges it, and normalizing its text cost more than the rest). The
  /// texts are kept as one buffer of bytes, each made a string only when read.
  func materialize(source: RecordSource) -> Record {
    loadRanges()
    let count = baseValues.count
    guard let scanner else {
      return Record(source: source, values: baseValues, raw: [String?](repeating: nil, count: count))
    }
    // The row's bytes, copied once: a plain cell's text is its trimmed range in them.
    let cells = scanner.cells
    let rowStart = cells.count > 0 ? cells[0].lowerBound : 0
    let rowEnd = cells.count > 0 ? max(rowStart, cells[cells.count - 1].upperBound) : 0
    var bytes = blockIsValidUTF8 ? Array(base[rowStart..<rowEnd]) : []
    var bounds = [Int](repeating: -1, count: 2 * count)
    // Each value written once, in field order (`mapped` is): copying `baseValues` and then setting elements
    // copied every value, a retain each, and checked the array per write.
    var next = 0
    let values = [Value](unsafeUninitializedCapacity: count) { values, initialized in
      for field in 0..<count {
        guard next < mapped.count, mapped[next].field == field else {
          values.initializeElement(at: field, to: baseValues[field])
          continue
        }
        let (start, end) = cellText(mapped[next].column, scanner, cells, rowStart: rowStart, in: &bytes)
        next += 1
        (bounds[2 * field], bounds[2 * field + 1]) = (start, end)
        values.initializeElement(at: field, to: typed[field] ? value(field, bytes, start..<end) : baseValues[field])
      }
      initialized = count
    }
    return Record(source: source, values: values, texts: bytes, bounds: bounds, headers: headers)
  }

  /// A typed field's value, from its cell, or from its text for a set text field.
  private func value(_ field: Int, _ bytes: [UInt8], _ text: Range<Int>) -> Value {
    if let value = schema.value(of: current[field], field: field) { return value }
    let parsed = schema.parseCell(String(decoding: bytes[text], as: UTF8.self), field: field)
    if case .value(let value) = parsed { return value }
    return .null
  }
}
