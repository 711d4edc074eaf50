import ComplyModel

/// Finds a CSV register's header the way a workbook's is found (`XLSXHeaderDetector`): title rows above it, a
/// two-row header, blank rows. The usual register, whose first row is the header, gets no notice.
enum CSVHeaderFinder {
  /// `bytes` are the first bytes of the file (after any BOM); `complete` says they are all of it, else their
  /// last row may be cut and is not considered.
  static func find(
    in bytes: [UInt8], complete: Bool, decoder: TextDecoder, schema: Schema, options: ReadOptions, path: String
  ) throws(InputError) -> (header: XLSXHeader, note: String?) {
    let scanner = CSVScanner(source: ByteSource(bytes: bytes, displayPath: path), maxRowBytes: bytes.count + 1)
    var rows: [SheetRow] = []
    var number = 0
    var stoppedEarly = false
    var cutRowDropped = false
    rowLoop: while try scanner.nextRow() {
      number += 1
      var cells: [String] = []
      for index in scanner.cells.indices {
        guard let text = scanner.withCell(index, decoder.decode) else {
          // The last row of bytes that are not the whole file may be cut inside a character: it is not
          // considered (as below), and the reading proper decodes it whole.
          if !complete, try !scanner.nextRow() {
            cutRowDropped = true
            break rowLoop
          }
          throw .undecodable(path: path, reason: "cell \(index + 1) of row \(number) is not valid \(decoder.encoding)")
        }
        cells.append(text)
      }
      if cells.allSatisfy({ TextNormalization.trimmed($0).isEmpty }) { continue }
      rows.append(SheetRow(number: number, cells: cells))
      if options.headerRow == nil, rows.count == XLSXHeaderDetector.searchRows {
        stoppedEarly = true
        break
      }
      if let wanted = options.headerRow, number >= wanted {
        stoppedEarly = true
        break
      }
    }
    // Reading to the end of bytes that are not the whole file, the last row may be cut off.
    if !complete, !stoppedEarly, !cutRowDropped, rows.count > 1 { rows.removeLast() }
    guard let first = rows.first else { throw .noHeader(path: path) }
    if let wanted = options.headerRow {
      guard let row = rows.first(where: { $0.number == wanted }) else { throw .headerRowMissing(path: path, row: wanted) }
      return (XLSXHeader(rows: [wanted], texts: row.cells, consumed: 0), "header taken from row \(wanted) (--header-row)")
    }
    let matcher = try HeaderMatcher(schema: schema, overrides: options.headerOverrides)
    let header = XLSXHeaderDetector.detect(rows, matcher: matcher)
      ?? XLSXHeader(rows: [first.number], texts: first.cells, consumed: 1)
    if header.rows == [1] { return (header, nil) }
    let note =
      header.rows.count == 2
      ? "header taken from rows \(header.rows[0])–\(header.rows[1]) (a two-row header, parent and child joined)"
      : "header taken from row \(header.rows[0]); the rows above it are skipped"
    return (header, note)
  }
}
