import ComplyModel

/// One row of a CSV file as comply reads it, with its bytes exactly as they are in the file.
public struct CSVPhysicalRow {
  /// What comply made of the row.
  public enum Kind: Sendable, Equatable {
    /// Above the header (a title row, or a blank row before the header).
    case aboveHeader
    /// A header row; `last` is the row whose cells are the column names (the child row of a two-row header).
    case header(last: Bool)
    /// Every cell empty or white space: skipped.
    case blank
    /// A totals row (合计, 总计, 小计): not a record.
    case totals
    /// A data row: a record, or a rejected row.
    case data
  }

  /// The row number as comply numbers rows (`RecordSource.row`): the file's first row is 1, blank rows count.
  public var row: Int
  public var kind: Kind
  /// How many cells the row has.
  public var cellCount: Int
  /// The row's bytes up to its line end (line breaks inside quoted cells included).
  public var bytes: ArraySlice<UInt8>
  /// The line end after the row: CRLF, LF, CR, or nothing for a last row without one.
  public var terminator: ArraySlice<UInt8>
}

/// A CSV register's rows, streamed, split and numbered exactly as `comply check` splits and numbers them (the
/// same quote-aware scanner and header detection), for reports that give the register back with cells added.
///
/// Call `next()` until it returns nil; each row's bytes are valid until the next call.
public final class CSVPhysicalRows {
  /// The UTF-8 byte-order mark at the start of the file, or nothing.
  public let byteOrderMark: [UInt8]
  /// Whether the file is read as GB18030 (else UTF-8).
  public var isGB18030: Bool { decoder.encoding == .gb18030 }
  /// The header's row numbers (two for a two-row header).
  public let headerRows: [Int]

  private let scanner: CSVScanner
  private let decoder: TextDecoder
  private var row = 0

  /// Opens `path` and finds its header, as `RegisterReader` does with the same schema and options.
  public init(path: String, schema: Schema, options: ReadOptions = ReadOptions()) throws(InputError) {
    let source = try ByteSource(path: path, displayPath: path, chunkSize: options.chunkSize)
    while source.available < TextDecoder.prefixLength, try source.fill() {}
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    if source.buffer[source.start..<source.start + source.available].starts(with: bom) {
      source.start += 3
      byteOrderMark = bom
    } else {
      byteOrderMark = []
    }
    let prefix = source.buffer[source.start..<source.start + min(source.available, TextDecoder.prefixLength)]
    decoder = try TextDecoder(
      detectingFrom: prefix, complete: source.atEOF && prefix.count == source.available,
      requested: options.encoding, path: path)
    let first = Array(source.buffer[source.start..<source.start + source.available])
    headerRows = try CSVHeaderFinder.find(
      in: first, complete: source.atEOF, decoder: decoder, schema: schema, options: options, path: path
    ).header.rows
    scanner = CSVScanner(source: source, maxRowBytes: options.maxRowBytes)
  }

  /// The next row, or nil at the end of the file.
  public func next() throws(InputError) -> CSVPhysicalRow? {
    guard try scanner.nextRow(), let firstCell = scanner.cells.first, let lastCell = scanner.cells.last else {
      return nil
    }
    row += 1
    let buffer = scanner.source.buffer
    let lastHeader = headerRows.last ?? 1
    let kind: CSVPhysicalRow.Kind
    if row < lastHeader {
      kind = headerRows.contains(row) ? .header(last: false) : .aboveHeader
    } else if row == lastHeader {
      kind = .header(last: true)
    } else if scanner.unterminated {
      kind = .data
    } else if isBlank() {
      kind = .blank
    } else if scanner.totalsWord(decoder) != nil {
      kind = .totals
    } else {
      kind = .data
    }
    return CSVPhysicalRow(
      row: row, kind: kind, cellCount: scanner.cells.count, bytes: buffer[firstCell.lowerBound..<lastCell.upperBound],
      terminator: buffer[lastCell.upperBound..<scanner.source.start])
  }

  private func isBlank() -> Bool {
    scanner.cells.indices.allSatisfy { index in
      scanner.cellIsBlank(index)
        ?? (scanner.withCell(index, decoder.decode).map { TextNormalization.trimmed($0).isEmpty } ?? false)
    }
  }
}
