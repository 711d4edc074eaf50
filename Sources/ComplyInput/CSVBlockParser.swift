import ComplyModel

/// One event of a block, in row order.
public enum BlockRow {
  case record(RowView)
  case rejected(RowRejection)
  case diagnostic(Diagnostic)
}

/// A data row as the block parser read it: a cell for every typed field and for the text fields the rules read
/// (whether they are set). Valid only inside the `parse` callback, where `values` and `record()` make the
/// row's values, and its full record with every cell's text, for the rows that need them (findings,
/// explanations).
public struct RowView {
  public let source: RecordSource
  /// One cell per schema field; a field without a column is unknown.
  public let cells: UnsafePointer<Cell>
  /// A 64-bit hash of the record key, for finding duplicate keys without keeping the keys.
  public let keyHash: UInt64
  /// Where the key cell lies in the block's bytes (quotes and white space included).
  public let keyRange: Range<Int>
  // Unchecked: a view lives only inside the parser's callback, and each copy of a checked unowned reference
  // counts it up and down again.
  unowned(unsafe) let parser: CSVBlockParser

  /// Typed values for every typed field and the text fields the rules read (others are `.null`).
  public var values: [Value] { parser.values() }

  public func record() -> Record { parser.materialize(source: source) }
}

/// Reads the rows of CSV blocks, one block at a time; one parser per worker, reused across blocks.
///
/// It applies the rules of `CSVRowProducer` and `RecordAssembler` (blank rows skipped, wrong field counts and
/// blank keys rejected, unreadable cells reported) but makes strings only where it must: typed cells are read
/// from their bytes, and text cells only when a rule reads them or a record is materialized.
public final class CSVBlockParser {
  public let layout: CSVLayout
  // Kept apart from `layout`: reading a struct property's struct copies it, with a retain per member, per row.
  private let schema: Schema
  private let mapping: HeaderMapping
  private let path: String
  private let width: Int
  private let decoder: TextDecoder
  private let isUTF8: Bool
  private let mapped: [(field: Int, column: Int)]
  private let factors: [Double]
  private let typed: [Bool]
  /// The typed fields with their columns and unit factors, in field order: what `read` types on every row.
  private let typedReads: [(field: Int, column: Int, factor: Double)]
  private let keyColumn: Int?
  /// The current row's cells, one per schema field; fields without a column stay unknown.
  private let cells: UnsafeMutablePointer<Cell>
  /// Values of the fields without a column (unknown, naming the field) and of unread text fields (null).
  private let baseValues: [Value]
  /// The register's header for each schema field, shared by every record of the file.
  private let headers: [String?]
  private var scanner: CSVScanner?
  /// The current block's bytes, while `parse` runs: unquoted cells are read from here directly.
  private var base = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  private var blockIsValidUTF8 = true

  public init(layout: CSVLayout) {
    self.layout = layout
    schema = layout.schema
    mapping = layout.mapping
    // A string of this parser's own: every row's source holds the path, and counting references on one string
    // shared by all workers made its count a cache line the cores took from each other on every row.
    path = String(decoding: Array(layout.path.utf8), as: UTF8.self)
    width = layout.width
    decoder = TextDecoder(encoding: layout.encoding)
    isUTF8 = layout.encoding == .utf8
    mapped = layout.mapping.fieldColumns.enumerated().compactMap { field, column in column.map { (field, $0) } }
    factors = layout.mapping.fieldColumns.map { column in column.map { layout.mapping.columns[$0].unitFactor } ?? 1 }
    typed = layout.schema.fields.indices.map { layout.schema.fields[$0].type != .text || layout.neededTextFields.contains($0) }
    let (isTyped, unitFactors) = (typed, factors)
    typedReads = mapped.filter { isTyped[$0.field] }.map { ($0.field, $0.column, unitFactors[$0.field]) }
    keyColumn = layout.mapping.column(for: layout.schema.keyField)
    let fieldCount = layout.schema.fields.count
    cells = UnsafeMutablePointer<Cell>.allocate(capacity: max(fieldCount, 1))
    cells.initialize(repeating: .unknown, count: max(fieldCount, 1))
    var base = layout.schema.fields.indices.map { Value.unknown(FieldSet($0)) }
    for (field, _) in mapped where !typed[field] { base[field] = .null }
    baseValues = base
    headers = layout.schema.fields.indices.map { layout.mapping.header(for: $0) }
  }

  deinit { cells.deallocate() }

  /// Calls `body` with each event of the block, in order.
  public func parse(_ block: CSVBlock, _ body: (BlockRow) -> Void) {
    let source = ByteSource(bytes: block.bytes, displayPath: layout.path)
    let scanner = CSVScanner(source: source, maxRowBytes: max(layout.maxRowBytes, block.bytes.count + 1))
    self.scanner = scanner
    defer { self.scanner = nil }
    blockIsValidUTF8 =
      layout.encoding == .utf8 && block.bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8($0) }
    block.bytes.withUnsafeBufferPointer { base in
      self.base = base
      parseRows(block, scanner, body)
      self.base = UnsafeBufferPointer(start: nil, count: 0)
    }
  }

  private func parseRows(_ block: CSVBlock, _ scanner: CSVScanner, _ body: (BlockRow) -> Void) {
    var row = block.firstRow - 1
    var events: [BlockRow] = []
    while (try? scanner.nextRow()) == true {
      row += 1
      let line = block.firstLine + scanner.line - 1
      let at = RecordSource(path: path, row: row, line: line)
      if scanner.unterminated {
        body(.rejected(RowRejection(source: at, reason: "quote opened on this row is never closed")))
        continue
      }
      if isBlankRow(scanner) { continue }
      if let word = scanner.totalsWord(decoder) {
        body(.diagnostic(Diagnostic(.notice, .inputTotalsRow, "row \(row) is a totals row (\(word)); not a record", at: Location(file: at.path, line: at.line, column: 0))))
        continue
      }
      guard scanner.cells.count == width else {
        body(.rejected(RowRejection(source: at, reason: "expected \(width) fields, found \(scanner.cells.count)")))
        continue
      }
      events.removeAll(keepingCapacity: true)
      if let view = read(at, scanner, &events) {
        for event in events { body(event) }
        body(.record(view))
      } else {
        for event in events { body(event) }
      }
    }
  }

  private func isBlankRow(_ scanner: CSVScanner) -> Bool {
    for index in scanner.cells.indices {
      switch scanner.cellIsBlank(index) {
      case true: continue
      case false: return false
      case nil:
        let blank = scanner.withCell(index, decoder.decode).map { TextNormalization.trimmed($0).isEmpty } ?? false
        if !blank { return false }
      }
    }
    return true
  }

  /// Types the row's cells; nil (with a rejection among the events) when the row cannot be a record.
  private func read(_ at: RecordSource, _ scanner: CSVScanner, _ events: inout [BlockRow]) -> RowView? {
    // As `CSVRowProducer` does, a row with any mapped cell not valid in the encoding is rejected before anything
    // else is read from it, whether or not a rule reads that cell.
    if !blockIsValidUTF8 {
      for (_, column) in mapped where !scanner.withCell(column, isValid) {
        events.append(.rejected(RowRejection(source: at, reason: "column \(column + 1) is not valid \(decoder.encoding)")))
        return nil
      }
    }
    let keyField = schema.keyField
    var keyHash: UInt64 = 0
    var keyRange = 0..<0
    if let column = keyColumn {
      keyRange = scanner.cells[column]
      let blank = scanner.withCell(column) { bytes -> Bool in
        let key = CSVBlockParser.trimmedBytes(bytes)
        if key.isEmpty {
          keyHash = KeyTable.hash(key)
          return true
        }
        // Plain UTF-8 (nothing but ASCII white space to trim): the bytes are the key `RecordAssembler` compares.
        if isUTF8 && !Schema.mayHaveUnicodeSpace(key) {
          keyHash = KeyTable.hash(key)
          if let fast = schema.readCell(utf8: key, field: keyField, unitFactor: 1) { return fast == .cell(.null) }
          return false
        }
        // Otherwise the key is the decoded text, trimmed of Unicode white space, as the reference reads it.
        var text = decoder.decode(bytes).map(RecordAssembler.trimmed) ?? ""
        keyHash = text.withUTF8 { KeyTable.hash($0) }
        if case .blank = schema.parseCell(text, field: keyField) { return true }
        return false
      }
      if blank {
        events.append(.rejected(RowRejection(source: at, reason: "blank record key (\(schema.fields[keyField].name))")))
        return nil
      }
    }
    let ranges = scanner.cells
    let inPlace = isUTF8 && blockIsValidUTF8
    for (field, column, factor) in typedReads {
      // The common case: an unquoted cell in valid UTF-8, typed straight into the row's cells.
      if inPlace && !ranges.isQuoted(column)
        && schema.readCell(
          utf8: UnsafeBufferPointer(rebasing: base[ranges[column]]), field: field, unitFactor: factor, into: cells + field)
          == .read
      {
        continue
      }
      let read =
        ranges.isQuoted(column)
        ? scanner.withCell(column) { typedCell($0, field, factor) }
        : typedCell(UnsafeBufferPointer(rebasing: base[ranges[column]]), field, factor)
      guard let read else {
        events.append(.rejected(RowRejection(source: at, reason: "column \(column + 1) is not valid \(decoder.encoding)")))
        return nil
      }
      switch read {
      case .cell(let cell): cells[field] = cell
      case .unreadable(let reason):
        cells[field] = .unknown
        let header = mapping.columns[column].header
        let raw = scanner.withCell(column, decoder.decode).map { RecordAssembler.trimmed($0) } ?? ""
        let type = RecordAssembler.typeName(schema.fields[field].type)
        events.append(
          .diagnostic(
            .warning(
              .inputBadValue, "row \(at.row), column '\(header)': cannot read '\(raw)' as \(type) (\(reason))",
              at: Location(file: at.path, line: at.line, column: 0))))
      }
    }
    return RowView(source: at, cells: UnsafePointer(cells), keyHash: keyHash, keyRange: keyRange, parser: self)
  }

  /// A typed cell from its bytes: straight from the bytes when it is plain, else through a decoded string; nil
  /// when the bytes are not valid in the register's encoding.
  @inline(__always)
  private func typedCell(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Int, _ factor: Double) -> Schema.CellReading? {
    if isUTF8 && (blockIsValidUTF8 || TextDecoder.isValidUTF8(bytes)) {
      if let fast = schema.readCell(utf8: bytes, field: field, unitFactor: factor) { return fast }
    }
    guard let text = decoder.decode(bytes) else { return nil }
    let parsed = schema.parseCell(text, field: field, unitFactor: factor)
    // A reference reading always has the field's type, so it always has a cell.
    return schema.cell(of: parsed, field: field) ?? .cell(.unknown)
  }

  /// A cell's text, trimmed as `RecordAssembler` trims it: straight from the block's bytes when they are valid
  /// UTF-8 with nothing but ASCII white space to trim (as for keys), else decoded and trimmed scalar by scalar.
  private func cellText(_ column: Int, _ scanner: CSVScanner) -> String {
    if blockIsValidUTF8 && !scanner.cells.isQuoted(column) {
      let bytes = CSVBlockParser.trimmedBytes(UnsafeBufferPointer(rebasing: base[scanner.cells[column]]))
      if bytes.isEmpty { return "" }
      if !Schema.mayHaveUnicodeSpace(bytes) { return String(decoding: bytes, as: UTF8.self) }
    }
    return scanner.withCell(column, decoder.decode).map(RecordAssembler.trimmed) ?? ""
  }

  /// Whether a cell's bytes are valid in the register's encoding.
  private func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if isUTF8 { return TextDecoder.isValidUTF8(bytes) }
    return !bytes.contains(where: { $0 >= 0x80 }) || decoder.decode(bytes) != nil
  }


  /// The current row's values: from the cells, and from the text of the text fields the rules read.
  func values() -> [Value] {
    var values = baseValues
    guard let scanner else { return values }
    for (field, column) in mapped where typed[field] {
      if let value = schema.value(of: cells[field], field: field) {
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
    var values = baseValues
    var raw = [String?](repeating: nil, count: values.count)
    guard let scanner else { return Record(source: source, values: values, raw: raw) }
    for (field, column) in mapped {
      let text = cellText(column, scanner)
      raw[field] = text
      guard typed[field] else { continue }
      if let value = schema.value(of: cells[field], field: field) {
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
