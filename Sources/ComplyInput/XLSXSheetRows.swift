import ComplyModel
import Foundation

/// The non-blank rows of one worksheet in order, streamed, with merged ranges filled in.
///
/// A merged range shows its top-left value over the whole range, so every cell of the range takes that value:
/// a county merged down over many rows fills down, a merged header spans its columns. A row whose only text would
/// come from such filling (nothing of its own) is blank, like a row with no text at all, and is left out.
struct XLSXSheetRows {
  struct MergedRange: Equatable {
    var top: Int
    var left: Int
    var bottom: Int
    var right: Int
  }

  private var chunks: XLSXSheetChunks
  private var parser: XLSXSheetParser
  private var buffered: [SheetRow] = []
  private var bufferIndex = 0
  /// Ranges not yet reached, by top row.
  private let merges: [MergedRange]
  private var nextMerge = 0
  private var active: [(range: MergedRange, value: String)] = []
  private let part: String
  private let path: String

  init(data: Data, context: XLSXCellContext, chunkSize: Int, part: String, path: String) throws(InputError) {
    chunks = try XLSXSheetChunks(data: data, chunkSize: chunkSize, part: part, path: path)
    parser = XLSXSheetParser(context: context)
    self.part = part
    self.path = path
    var ranges: [MergedRange] = []
    if let tail = chunks.tail, case .success(let list) = XMLElementList.parse(tail) {
      for element in list.elements where element.name == "mergeCell" {
        if let range = element.attribute("ref").flatMap(XLSXSheetRows.range) { ranges.append(range) }
      }
    }
    merges = ranges.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
  }

  mutating func next() throws(InputError) -> SheetRow? {
    while let row = try nextParsed() {
      while nextMerge < merges.count, merges[nextMerge].top <= row.number {
        let range = merges[nextMerge]
        let value = range.top == row.number && range.left < row.cells.count ? row.cells[range.left] : ""
        active.append((range, value))
        nextMerge += 1
      }
      active.removeAll { $0.range.bottom < row.number }
      if row.cells.allSatisfy({ TextNormalization.trimmed($0).isEmpty }) { continue }
      var cells = row.cells
      for (range, value) in active where !value.isEmpty {
        let right = min(range.right, 16_383)
        if cells.count <= right { cells.append(contentsOf: repeatElement("", count: right + 1 - cells.count)) }
        for column in range.left...right { cells[column] = value }
      }
      return SheetRow(number: row.number, cells: cells)
    }
    return nil
  }

  private mutating func nextParsed() throws(InputError) -> SheetRow? {
    while bufferIndex == buffered.count {
      guard let piece = chunks.next() else { return nil }
      switch parser.rows(in: piece) {
      case .success(let rows):
        buffered = rows
        bufferIndex = 0
      case .failure(let failure):
        throw .malformed(
          path: path, line: parser.lastRow + 1, message: "worksheet \(part) is not well-formed XML: \(failure.message)")
      }
    }
    bufferIndex += 1
    return buffered[bufferIndex - 1]
  }

  /// `A1:U1` → its corners; nil for a single cell or an unreadable reference.
  static func range(_ ref: String) -> MergedRange? {
    let corners = ref.split(separator: ":")
    guard corners.count == 2 else { return nil }
    let a = XLSXSheetParser.reference(String(corners[0]))
    let b = XLSXSheetParser.reference(String(corners[1]))
    guard let left = a.column, let top = a.row, let right = b.column, let bottom = b.row else { return nil }
    let range = MergedRange(top: min(top, bottom), left: min(left, right), bottom: max(top, bottom), right: max(left, right))
    return range.top == range.bottom && range.left == range.right ? nil : range
  }
}
