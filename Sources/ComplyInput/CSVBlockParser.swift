import ComplyModel

/// Reads the rows of CSV blocks, one block at a time; one parser per worker, reused across blocks.
///
/// It applies the rules of `CSVRowProducer` and `RecordAssembler` (blank rows skipped, wrong field counts and
/// blank keys rejected, unreadable cells reported) but makes strings only where it must: typed cells are read
/// from their bytes, and text cells only when a rule reads them or a record is materialized.
///
/// Rows are typed in batches (`CSVRowBatch`), so that a clean-row test can run over a whole batch at once, and
/// then passed on one by one, in order, each with its own cells and cell ranges.
public final class CSVBlockParser {
  /// A clean-row test over rows of cells: writes whether each row is clean and returns true, or returns false
  /// when it cannot tell (each row is then passed on untested).
  public typealias Screen = (CellRows, UnsafeMutablePointer<Bool>) -> Bool

  public let layout: CSVLayout
  // Kept apart from `layout`: reading a struct property's struct copies it, with a retain per member, per row.
  let schema: Schema
  private let mapping: HeaderMapping
  private let path: String
  private let width: Int
  let decoder: TextDecoder
  let isUTF8: Bool
  let mapped: [(field: Int, column: Int)]
  let factors: [Double]
  let typed: [Bool]
  /// The typed fields with their columns and unit factors, in field order: what `read` types on every row. A
  /// date field's `date` is its place among `isoDates`' columns, else -1.
  private let typedReads: [TypedRead]
  /// For each of `typedReads`, the cell an empty cell reads as (`Schema.readCell` on no bytes, asked once), nil
  /// where only the reference can tell. Apart, so that each row's loop reads 32 bytes a field instead of 64.
  private let emptyCells: [Cell?]
  private let isoDates: ISODateColumns
  private let keyColumn: Int?
  /// Whether the key field is text with no default, so that a plain key is blank exactly when it is empty or a
  /// blank token (`Schema.isBlankText`).
  let keyIsText: Bool
  /// The rows being typed, and the row passed on: its cells, one per schema field.
  private let batch: CSVRowBatch
  private(set) var current: UnsafeMutablePointer<Cell>
  private var currentSlot = 0
  /// Whether the scanner holds the cell ranges of the row being passed on.
  private var rangesLoaded = false
  /// Values of the fields without a column (unknown, naming the field) and of unread text fields (null).
  let baseValues: [Value]
  /// The register's header for each schema field, shared by every record of the file.
  let headers: [String?]
  private(set) var scanner: CSVScanner?
  /// The current block's bytes, while `parse` runs: unquoted cells are read from here directly.
  private(set) var base = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  private(set) var blockIsValidUTF8 = true

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
    var dateColumns: [Int] = []
    let reads = mapped.filter { isTyped[$0.field] }
    typedReads = reads.map { read in
      var date = -1
      if layout.schema.readsISODatesFirst && layout.schema.fields[read.field].type == .date && dateColumns.count < 64 {
        date = dateColumns.count
        dateColumns.append(read.column)
      }
      return TypedRead(field: read.field, column: read.column, factor: unitFactors[read.field], date: date)
    }
    emptyCells = reads.map { read in
      var empty = Cell.null
      let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
      let emptyReads = layout.schema.readCell(utf8: none, field: read.field, unitFactor: unitFactors[read.field], into: &empty)
      return emptyReads == .read ? empty : nil
    }
    isoDates = ISODateColumns(dateColumns)
    keyColumn = layout.mapping.column(for: layout.schema.keyField)
    let keyField = layout.schema.fields.indices.contains(layout.schema.keyField) ? layout.schema.fields[layout.schema.keyField] : nil
    keyIsText = keyField?.type == .text && keyField?.defaultText == nil
    batch = CSVRowBatch(width: layout.schema.fields.count, columns: layout.width)
    current = batch.row(0)
    var base = layout.schema.fields.indices.map { Value.unknown(FieldSet($0)) }
    for (field, _) in mapped where !typed[field] { base[field] = .null }
    baseValues = base
    // Copies of this parser's own, as for the path: every finding's evidence holds its fields' headers, and
    // strings all workers count references on make cache lines the cores take from each other.
    headers = layout.schema.fields.indices.map { field in
      layout.mapping.header(for: field).map { String(decoding: Array($0.utf8), as: UTF8.self) }
    }
  }

  /// Calls `body` with each event of the block, in order; `screen`, when given, tests each batch's records.
  public func parse(_ block: CSVBlock, screen: Screen? = nil, _ body: (BlockRow) -> Void) {
    let source = ByteSource(bytes: block.bytes, displayPath: layout.path)
    blockIsValidUTF8 =
      layout.encoding == .utf8 && block.bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8($0) }
    block.bytes.withUnsafeBufferPointer { base in
      // The scanner reads the block's bytes as `base` does, and lives only while they are held.
      let scanner = CSVScanner(
        source: source, maxRowBytes: max(layout.maxRowBytes, block.bytes.count + 1), fixedBytes: base)
      (self.base, self.scanner) = (base, scanner)
      parseRows(block, scanner, screen, body)
      (self.base, self.scanner) = (UnsafeBufferPointer(start: nil, count: 0), nil)
    }
  }

  private func parseRows(_ block: CSVBlock, _ scanner: CSVScanner, _ screen: Screen?, _ body: (BlockRow) -> Void) {
    var row = block.firstRow - 1
    var events: [BlockRow] = []
    while (try? scanner.nextRow()) == true {
      row += 1
      let line = block.firstLine + scanner.line - 1
      // Made only for an event (it holds the path, counted on every copy).
      var at: RecordSource { RecordSource(path: path, row: row, line: line) }
      if scanner.unterminated {
        batch.append(.rejected(RowRejection(source: at, reason: "quote opened on this row is never closed")))
        continue
      }
      if isBlankRow(scanner) { continue }
      if let word = scanner.totalsWord(decoder) {
        batch.append(.diagnostic(Diagnostic(.notice, .inputTotalsRow, "row \(row) is a totals row (\(word)); not a record", at: Location(file: at.path, line: at.line, column: 0))))
        continue
      }
      guard scanner.cells.count == width else {
        batch.append(.rejected(RowRejection(source: at, reason: "expected \(width) fields, found \(scanner.cells.count)")))
        continue
      }
      let key = read(row, line, scanner, &events, into: batch.row(batch.next))
      // Events are rare: the list is touched only when a row has some.
      if !events.isEmpty {
        for event in events { batch.append(event) }
        events.removeAll(keepingCapacity: true)
      }
      if let key { batch.appendRecord(row: row, line: line, keyHash: key.hash, keyRange: key.range, ranges: scanner.cells) }
      if batch.isFull { pass(scanner, screen, body) }
    }
    pass(scanner, screen, body)
  }

  /// Tests the batch's records, then passes on its events and records in order.
  private func pass(_ scanner: CSVScanner, _ screen: Screen?, _ body: (BlockRow) -> Void) {
    let screened = batch.count > 0 && screen?(batch.rows, batch.clean) == true
    let events = batch.events
    var passed = 0
    for slot in 0..<batch.count {
      let record = batch.slots[slot]
      while passed < record.eventsBefore {
        body(events[passed])
        passed += 1
      }
      current = batch.row(slot)
      (currentSlot, rangesLoaded) = (slot, false)
      body(
        .record(
          RowView(
            source: RecordSource(path: path, row: record.row, line: record.line), cells: UnsafePointer(current),
            keyHash: record.keyHash, keyRange: record.keyRange, isClean: screened ? batch.clean[slot] : nil,
            parser: self)))
    }
    for event in events[passed...] { body(event) }
    batch.removeAll()
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

  /// The scanner's ranges for the row being passed on, loaded the first time its text is needed.
  func loadRanges() {
    guard !rangesLoaded, let scanner else { return }
    batch.loadRanges(currentSlot, into: scanner.cells)
    rangesLoaded = true
  }

  /// Types the row's cells into `cells`; returns its key's hash and range, or nil (with a rejection among the
  /// events) when the row cannot be a record.
  private func read(
    _ row: Int, _ line: Int, _ scanner: CSVScanner, _ events: inout [BlockRow], into cells: UnsafeMutablePointer<Cell>
  ) -> (hash: UInt64, range: Range<Int>)? {
    // Where the row came from, made only for an event (it holds the path, counted on every copy).
    var at: RecordSource { RecordSource(path: path, row: row, line: line) }
    // As `CSVRowProducer` does, a row with any mapped cell not valid in the encoding is rejected before anything
    // else is read from it, whether or not a rule reads that cell.
    if !blockIsValidUTF8 {
      for (_, column) in mapped where !scanner.withCell(column, isValid) {
        events.append(.rejected(RowRejection(source: at, reason: "column \(column + 1) is not valid \(decoder.encoding)")))
        return nil
      }
    }
    var keyHash: UInt64 = 0
    var keyRange = 0..<0
    let ranges = scanner.cells
    let inPlace = isUTF8 && blockIsValidUTF8
    if let column = keyColumn {
      keyRange = ranges[column]
      // An unquoted key in valid UTF-8 straight from the block; others unquoted first.
      let blank =
        inPlace && !ranges.isQuoted(column)
        ? keyIsBlank(UnsafeBufferPointer(rebasing: base[keyRange]), &keyHash)
        : scanner.withCell(column) { keyIsBlank($0, &keyHash) }
      if blank {
        events.append(.rejected(RowRejection(source: at, reason: "blank record key (\(schema.fields[schema.keyField].name))")))
        return nil
      }
    }
    // Dates written `YYYY-MM-DD` first, the row's at once.
    var dates: UInt64 = 0
    if inPlace, let bytes = base.baseAddress { dates = isoDates.read(bytes, ranges) }
    for i in typedReads.indices {
      let (field, column) = (typedReads[i].field, typedReads[i].column)
      let (factor, date) = (typedReads[i].factor, typedReads[i].date)
      if date >= 0 && dates >> UInt64(date) & 1 != 0 {
        cells[field] = .date(Int(isoDates.days[date]), Int(isoDates.days[date]))
        continue
      }
      // An empty cell (many dates are) reads as it always does.
      if inPlace, ranges[column].isEmpty, let empty = emptyCells[i] {
        cells[field] = empty
        continue
      }
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
    return (keyHash, keyRange)
  }
}

/// One typed field of a row: its schema field, its column, its unit factor, and its place among the row's
/// `YYYY-MM-DD` date columns (-1 if none).
private struct TypedRead {
  let field: Int
  let column: Int
  let factor: Double
  let date: Int
}
