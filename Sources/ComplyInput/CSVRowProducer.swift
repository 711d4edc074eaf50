import ComplyModel

/// Reads a CSV register: header row, then one raw row per data row.
///
/// Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2, and blank rows
/// count. Fully blank rows (every cell empty or white space) are skipped silently, as spreadsheets export trailing
/// empty rows. A row with a different number of cells than the header is rejected. When a cell past the start of
/// the file is not valid in the detected encoding, that row is rejected (the file is not given up).
final class CSVRowProducer: RowProducer {
  let scanner: CSVScanner
  let decoder: TextDecoder
  private let path: String
  private(set) var mapping: HeaderMapping
  let width: Int
  /// The spreadsheet row last read: the header's, until data rows are read.
  private(set) var row = 1
  /// (field, column) for every mapped field, in field order.
  private let mapped: [(field: Int, column: Int)]
  private let fieldCount: Int

  init(source: ByteSource, schema: Schema, options: ReadOptions) throws(InputError) {
    path = source.path
    while source.available < TextDecoder.prefixLength, try source.fill() {}
    if source.buffer[source.start..<source.start + source.available].starts(with: [0xEF, 0xBB, 0xBF]) {
      source.start += 3
    }
    let prefix = source.buffer[source.start..<source.start + min(source.available, TextDecoder.prefixLength)]
    decoder = try TextDecoder(
      detectingFrom: prefix, complete: source.atEOF && prefix.count == source.available,
      requested: options.encoding, path: path)
    scanner = CSVScanner(source: source, maxRowBytes: options.maxRowBytes)
    // The header is found on a copy of the first bytes (title rows above it are skipped, as in workbooks); the
    // scanner then moves past it.
    let first = Array(source.buffer[source.start..<source.start + source.available])
    let found = try CSVHeaderFinder.find(in: first, complete: source.atEOF, decoder: decoder, schema: schema, options: options, path: path)
    for _ in 0..<found.header.rows[found.header.rows.count - 1] {
      guard try scanner.nextRow() else { throw .noHeader(path: path) }
    }
    row = found.header.rows[found.header.rows.count - 1]
    let headers = found.header.texts
    if headers.allSatisfy({ TextNormalization.trimmed($0).isEmpty }) { throw .noHeader(path: path) }
    width = headers.count
    mapping = try HeaderMapping(
      headers: headers, schema: schema, overrides: options.headerOverrides, path: path, headerLine: found.header.rows[0])
    if let note = found.note {
      mapping.diagnostics.insert(
        Diagnostic(.notice, .inputHeaderRow, note, at: Location(file: path, line: found.header.rows[0], column: 0)), at: 0)
    }
    mapped = mapping.fieldColumns.enumerated().compactMap { field, column in column.map { (field, $0) } }
    fieldCount = schema.fields.count
  }

  func nextRow() throws(InputError) -> RawRow? {
    while try scanner.nextRow() {
      row += 1
      let source = RecordSource(path: path, row: row, line: scanner.line)
      if scanner.unterminated {
        return .rejected(RowRejection(source: source, reason: "quote opened on this row is never closed"))
      }
      if isBlankRow() { continue }
      if let word = scanner.totalsWord(decoder) {
        return .diagnostic(
          Diagnostic(.notice, .inputTotalsRow, "row \(row) is a totals row (\(word)); not a record", at: Location(file: path, line: scanner.line, column: 0)))
      }
      guard scanner.cells.count == width else {
        return .rejected(
          RowRejection(source: source, reason: "expected \(width) fields, found \(scanner.cells.count)"))
      }
      var texts = [String?](repeating: nil, count: fieldCount)
      for (field, column) in mapped {
        guard let text = scanner.withCell(column, decoder.decode) else {
          return .rejected(
            RowRejection(source: source, reason: "column \(column + 1) is not valid \(decoder.encoding)"))
        }
        texts[field] = text
      }
      return .cells(row: row, line: scanner.line, texts: texts)
    }
    return nil
  }

  func isBlankRow() -> Bool {
    var undecided: [Int] = []
    for index in scanner.cells.indices {
      switch scanner.cellIsBlank(index) {
      case true: continue
      case false: return false
      case nil: undecided.append(index)
      }
    }
    return undecided.allSatisfy { index in
      scanner.withCell(index, decoder.decode).map { TextNormalization.trimmed($0).isEmpty } ?? false
    }
  }
}

extension TextDecoder.Encoding: CustomStringConvertible {
  var description: String {
    switch self {
    case .utf8: "UTF-8"
    case .gb18030: "GB18030"
    }
  }
}
