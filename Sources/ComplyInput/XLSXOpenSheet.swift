import ComplyModel

/// One worksheet being read: its header found and mapped, its data rows handed out as raw rows.
struct XLSXOpenSheet {
  let mapping: HeaderMapping
  /// The name records and diagnostics give: the file, or `file[sheet]` when every sheet is read.
  let path: String
  private var rows: XLSXSheetRows
  private var lookahead: [SheetRow]
  private let mapped: [(field: Int, column: Int)]
  private let fieldCount: Int
  /// The schema's first grouping field and the sheet name that fills it when blank.
  private let groupFill: (field: Int, text: String)?

  init(rows: XLSXSheetRows, schema: Schema, options: ReadOptions, path: String, fillGroupWith sheetName: String?)
    throws(InputError)
  {
    self.rows = rows
    self.path = path
    var first: [SheetRow] = []
    let wanted = options.headerRow
    while let row = try self.rows.next() {
      first.append(row)
      if let wanted, row.number >= wanted { break }
      if wanted == nil, first.count == XLSXHeaderDetector.searchRows { break }
    }
    let header: XLSXHeader
    var note: String
    if let wanted {
      guard let index = first.firstIndex(where: { $0.number == wanted }) else {
        throw .headerRowMissing(path: path, row: wanted)
      }
      header = XLSXHeader(rows: [wanted], texts: first[index].cells, consumed: index + 1)
      note = "header taken from row \(wanted) (--header-row)"
    } else {
      let matcher = try HeaderMatcher(schema: schema, overrides: options.headerOverrides)
      guard let found = XLSXHeaderDetector.detect(first, matcher: matcher) else { throw .noHeader(path: path) }
      header = found
      note =
        header.rows.count == 2
        ? "header taken from rows \(header.rows[0])–\(header.rows[1]) (a two-row header, parent and child joined)"
        : "header taken from row \(header.rows[0])"
      let skipped = header.consumed - header.rows.count
      if skipped > 0 { note += "; \(skipped) row\(skipped == 1 ? "" : "s") above it skipped" }
    }
    lookahead = Array(first[header.consumed...].reversed())
    var mapping = try HeaderMapping(
      headers: header.texts, schema: schema, overrides: options.headerOverrides, path: path,
      headerLine: header.rows[0])
    let group = sheetName.flatMap { name in schema.groupFields.first.map { (field: $0, text: name) } }
    if let group, mapping.column(for: group.field) == nil {
      // The sheet name stands in for the missing column: no warning about it.
      XLSXOpenSheet.dropMissingWarning(for: schema.fields[group.field].name, from: &mapping)
    }
    mapping.diagnostics.insert(
      Diagnostic(.notice, .inputHeaderRow, note, at: Location(file: path, line: header.rows[0], column: 0)), at: 0)
    self.mapping = mapping
    groupFill = group
    mapped = mapping.fieldColumns.enumerated().compactMap { field, column in column.map { (field, $0) } }
    fieldCount = schema.fields.count
  }

  private static func dropMissingWarning(for name: String, from mapping: inout HeaderMapping) {
    mapping.diagnostics.removeAll { $0.code == .inputMissingColumn && $0.message.hasPrefix("no column for \(name) ") }
  }

  mutating func nextRow() throws(InputError) -> RawRow? {
    let next: SheetRow?
    if let buffered = lookahead.popLast() { next = buffered } else { next = try rows.next() }
    guard let row = next else { return nil }
    if let word = XLSXHeaderDetector.isTotals(row.cells) {
      return .diagnostic(
        Diagnostic(
          .notice, .inputTotalsRow, "row \(row.number) is a totals row (\(word)); not a record",
          at: Location(file: path, line: row.number, column: 0)))
    }
    var texts = [String?](repeating: nil, count: fieldCount)
    for (field, column) in mapped { texts[field] = column < row.cells.count ? row.cells[column] : "" }
    if let (field, text) = groupFill, TextNormalization.trimmed(texts[field] ?? "").isEmpty { texts[field] = text }
    return .cells(row: row.number, line: row.number, texts: texts)
  }
}
