import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A worksheet part cut into small well-formed documents of whole rows, so that rows can be produced on demand.
///
/// `XMLParser` only pushes events and parses to the end of what it is given. To hand out rows as the reader asks
/// for them, without a thread and without holding every row, the `sheetData` element is cut after a `</row>` about
/// every `chunkSize` bytes, and each piece is parsed on its own, wrapped in the sheet's own root start tag (so its
/// namespace declarations hold). A `</row>` can only be markup here: `<` is always escaped in text and
/// attributes, and Excel writes no CDATA.
struct XLSXSheetChunks {
  private let data: Data
  private let rootStart: Data
  private let rootEnd: Data
  private let rowEnd: [UInt8]
  private let rowsEnd: Int
  private let chunkSize: Int
  private var cursor: Int
  /// What follows the rows (merged ranges among it), as a document of its own.
  let tail: Data?

  init(data: Data, chunkSize: Int, part: String, path: String) throws(InputError) {
    self.data = data
    self.chunkSize = max(chunkSize, 64)
    let found = data.withUnsafeBytes { XLSXSheetChunks.layout($0) }
    guard let layout = found else {
      throw .notWorkbook(path: path, reason: "its part \(part) has no rows element that is closed (cut short?)")
    }
    let name = layout.rootName
    let prefix = name.lastIndex(of: ":").map { String(name[...$0]) } ?? ""
    let rootStart = data.subdata(in: layout.root)
    self.rootStart = rootStart
    rootEnd = Data("</\(name)>".utf8)
    rowEnd = Array("</\(prefix)row>".utf8)
    cursor = layout.rows.lowerBound
    rowsEnd = layout.rows.upperBound
    tail = layout.tailStart.map { rootStart + data.subdata(in: $0..<data.count) }
  }

  private struct Layout {
    var rootName: String
    /// The root start tag.
    var root: Range<Int>
    /// Between `<sheetData>` and `</sheetData>` (empty when there is none).
    var rows: Range<Int>
    /// Just after the rows element, when there is one.
    var tailStart: Int?
  }

  /// Where the root tag and the rows are; nil when the rows element is never closed.
  private static func layout(_ raw: UnsafeRawBufferPointer) -> Layout? {
    guard let (name, root) = rootTag(raw) else {
      return Layout(rootName: "worksheet", root: 0..<0, rows: 0..<0, tailStart: nil)
    }
    let prefix = name.lastIndex(of: ":").map { String(name[...$0]) } ?? ""
    let gt = Array(">".utf8)
    guard let at = find(Array("<\(prefix)sheetData".utf8), in: raw, from: root.upperBound, to: raw.count),
      let close = find(gt, in: raw, from: at, to: raw.count)
    else { return Layout(rootName: name, root: root, rows: 0..<0, tailStart: nil) }
    if raw[close - 1] == UInt8(ascii: "/") {
      return Layout(rootName: name, root: root, rows: 0..<0, tailStart: close + 1)
    }
    let closing = Array("</\(prefix)sheetData>".utf8)
    guard let stop = find(closing, in: raw, from: close + 1, to: raw.count) else { return nil }
    return Layout(rootName: name, root: root, rows: (close + 1)..<stop, tailStart: stop + closing.count)
  }

  /// The next piece of rows as a document, or nil after the last.
  mutating func next() -> Data? {
    guard cursor < rowsEnd else { return nil }
    var end = rowsEnd
    if cursor + chunkSize < rowsEnd {
      let found = data.withUnsafeBytes { raw in
        XLSXSheetChunks.find(rowEnd, in: raw, from: max(cursor, cursor + chunkSize - rowEnd.count), to: rowsEnd)
      }
      if let found { end = found + rowEnd.count }
    }
    let piece = rootStart + data.subdata(in: cursor..<end) + rootEnd
    cursor = end
    return piece
  }

  /// The root element's name and the range of its start tag, after any declaration, comments or doctype; nil
  /// when there is no open root element (a self-closed one has no rows).
  private static func rootTag(_ raw: UnsafeRawBufferPointer) -> (String, Range<Int>)? {
    var i = 0
    while i + 1 < raw.count {
      guard raw[i] == UInt8(ascii: "<") else {
        i += 1
        continue
      }
      if raw[i + 1] == UInt8(ascii: "?") || raw[i + 1] == UInt8(ascii: "!") {
        i += 2
        continue
      }
      guard let close = find(Array(">".utf8), in: raw, from: i, to: raw.count) else { return nil }
      var nameEnd = i + 1
      while nameEnd < close, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/")].contains(raw[nameEnd]) { nameEnd += 1 }
      let name = String(decoding: UnsafeRawBufferPointer(rebasing: raw[(i + 1)..<nameEnd]), as: UTF8.self)
      return raw[close - 1] == UInt8(ascii: "/") ? nil : (name, i..<(close + 1))
    }
    return nil
  }

  static func find(_ needle: [UInt8], in raw: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
    guard let base = raw.baseAddress, start < end else { return nil }
    guard let first = needle.first else { return start }
    return needle.withUnsafeBytes { n -> Int? in
      guard let pattern = n.baseAddress else { return nil }
      var i = start
      while i + n.count <= end {
        guard let hit = memchr(base + i, Int32(first), end - i - n.count + 1) else { return nil }
        let at = base.distance(to: UnsafeRawPointer(hit))
        if memcmp(base + at, pattern, n.count) == 0 { return at }
        i = at + 1
      }
      return nil
    }
  }
}
