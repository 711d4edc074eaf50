import ComplyModel
import Foundation

/// Reads an Excel workbook (`.xlsx`): each selected worksheet's header, then one raw row per data row.
///
/// Cells reach the rest of the pipeline as the text Excel displays, exactly as a CSV export would hold it, so the
/// same header mapping, value spellings and diagnostics apply: dates stored as serial numbers become
/// `YYYY-MM-DD` (`YYYY-MM` under a year-month format), numbers their shortest text, booleans `TRUE`/`FALSE`,
/// formulas their cached value. Rows are numbered as Excel shows them (the `r` attribute), and `line` is that
/// same number. Title rows above the header are skipped and the header row reported (`input.header-row`); blank
/// rows are skipped silently and totals rows (合计) with a notice. With `SheetSelection.all`, records name
/// `book.xlsx[sheet]` and the sheet's name fills a blank grouping field.
final class XLSXRowProducer: RowProducer {
  private(set) var mapping: HeaderMapping
  private let package: XLSXPackage
  private let schema: Schema
  private let options: ReadOptions
  private let context: XLSXCellContext
  private let path: String
  private var remaining: [XLSXWorkbook.Sheet]
  private var sheet: XLSXOpenSheet
  private var queue: [RawRow] = []

  init(path filePath: String, displayPath: String, schema: Schema, options: ReadOptions) throws(InputError) {
    path = displayPath
    self.schema = schema
    self.options = options
    let package = try XLSXPackage(fileAt: filePath, displayPath: displayPath, options: options)
    self.package = package
    let workbook = try XLSXWorkbook(package: package)
    let strings = try workbook.sharedStringsPart.flatMap { part throws(InputError) in
      try package.read(part).map { data throws(InputError) in
        try XLSXSharedStrings.parse(data, part: part, path: displayPath)
      }
    }
    let styles = try workbook.stylesPart.flatMap { part throws(InputError) in
      try XLSXWorkbook.elements(package, part).map(XLSXStyles.init)
    }
    context = XLSXCellContext(sharedStrings: strings ?? [], styles: styles ?? XLSXStyles(), date1904: workbook.date1904)
    remaining = try workbook.select(options.sheet, path: displayPath)
    var skipped: [Diagnostic] = []
    while true {
      let next = remaining.removeFirst()
      do throws(InputError) {
        sheet = try XLSXRowProducer.open(next, package: package, context: context, schema: schema, options: options, path: displayPath)
        break
      } catch {
        guard options.sheet == .all, !remaining.isEmpty, let note = XLSXRowProducer.skipNote(error, sheet: next.name)
        else { throw error }
        skipped.append(note)
      }
    }
    mapping = sheet.mapping
    mapping.diagnostics.insert(contentsOf: skipped, at: 0)
  }

  var sectionPath: String? { sheet.path }

  func nextRow() throws(InputError) -> RawRow? {
    while queue.isEmpty {
      if let row = try sheet.nextRow() { return row }
      guard !remaining.isEmpty else { return nil }
      let next = remaining.removeFirst()
      do throws(InputError) {
        sheet = try XLSXRowProducer.open(next, package: package, context: context, schema: schema, options: options, path: path)
        mapping = sheet.mapping
        queue.append(.section(path: sheet.path, mapping: sheet.mapping))
      } catch {
        guard let note = XLSXRowProducer.skipNote(error, sheet: next.name) else { throw error }
        queue.append(.diagnostic(note))
      }
    }
    return queue.removeFirst()
  }

  private static func open(
    _ sheet: XLSXWorkbook.Sheet, package: XLSXPackage, context: XLSXCellContext, schema: Schema,
    options: ReadOptions, path: String
  ) throws(InputError) -> XLSXOpenSheet {
    guard let data = try package.read(sheet.part) else {
      throw .notWorkbook(path: path, reason: "its sheet '\(sheet.name)' has no part \(sheet.part)")
    }
    let rows = try XLSXSheetRows(data: data, context: context, chunkSize: options.chunkSize, part: sheet.part, path: path)
    let all = options.sheet == .all
    return try XLSXOpenSheet(
      rows: rows, schema: schema, options: options, path: all ? "\(path)[\(sheet.name)]" : path,
      fillGroupWith: all ? sheet.name : nil)
  }

  /// With `--sheet all`, a sheet that holds no register (empty, or without a key column) is skipped with a
  /// warning rather than ending the read.
  private static func skipNote(_ error: InputError, sheet: String) -> Diagnostic? {
    switch error {
    case .noHeader, .missingKeyColumn:
      return .warning(.inputMissingColumn, "sheet '\(sheet)' skipped: \(error.diagnostic.message)", at: nil)
    default:
      return nil
    }
  }
}
