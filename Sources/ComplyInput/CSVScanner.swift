import ComplySIMD

/// Splits CSV bytes into rows and cells, per RFC 4180, without decoding them.
///
/// Quoted cells may hold commas, line breaks and `""` (a quote). Rows end with LF, CRLF or a lone CR. A row may
/// span chunk boundaries: when a row is incomplete the scanner reads more and scans that row again from its start
/// (a row longer than a chunk gets a window twice its length, so the cost stays linear).
///
/// Leniency, as spreadsheet programs practise it: a quote inside an unquoted cell is literal (`5" pipe`), and
/// text after a closing quote continues the cell (`"ab"c` is `abc`). A quote left open at the end of the file
/// makes that row `unterminated`.
final class CSVScanner {
  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let lf = UInt8(ascii: "\n")
  private static let cr = UInt8(ascii: "\r")

  let source: ByteSource
  private let maxRowBytes: Int
  /// The physical line (1-based) of the next row.
  private(set) var nextLine = 1

  /// The current row's cells, as byte ranges into `source.buffer`, valid until the next call to `nextRow` (the
  /// block parser saves and loads them to pass on a row it scanned earlier).
  let cells = CellRanges()
  /// The physical line the current row starts on.
  private(set) var line = 0
  /// The current row ended inside an open quote at the end of the file.
  private(set) var unterminated = false
  private var scratch: [UInt8] = []

  /// The bytes of a source that is never filled (a block's), when the caller holds them for the scanner's
  /// lifetime: rows are scanned from them, without the retain and release of the source's array on every row.
  private let fixedBytes: UnsafeBufferPointer<UInt8>?

  init(source: ByteSource, maxRowBytes: Int, fixedBytes: UnsafeBufferPointer<UInt8>? = nil) {
    self.source = source
    self.maxRowBytes = maxRowBytes
    self.fixedBytes = fixedBytes
  }

  /// Moves to the next row; false at the end of the input.
  func nextRow() throws(InputError) -> Bool {
    while true {
      if source.available == 0 {
        if source.atEOF { return false }
        try source.fill()
        continue
      }
      if let (next, newlines) = scan() {
        line = nextLine
        nextLine += newlines
        source.start = next
        return true
      }
      if source.available >= maxRowBytes {
        throw .rowTooLong(path: source.path, line: nextLine, limit: maxRowBytes)
      }
      try source.fill()
    }
  }

  /// Scans one row from `source.start`: the offset after it and the line breaks it spans, or nil when the bytes
  /// end before the row does and more may come.
  private func scan() -> (next: Int, newlines: Int)? {
    cells.removeAll()
    var unterminated = false
    defer { self.unterminated = unterminated }
    let atEOF = source.atEOF
    let end = source.start + source.available
    if let fixedBytes { return scan(fixedBytes, end: end, atEOF: atEOF, unterminated: &unterminated) }
    return source.buffer.withUnsafeBufferPointer { scan($0, end: end, atEOF: atEOF, unterminated: &unterminated) }
  }

  /// `scan()` on the source's bytes.
  @inline(__always)
  private func scan(_ p: UnsafeBufferPointer<UInt8>, end: Int, atEOF: Bool, unterminated: inout Bool) -> (Int, Int)? {
    var i = source.start
    if let k = CSVScanner.plainRow(p, from: i, to: end, into: cells) {
      return CSVScanner.rowEnd(p, at: k, end: end, atEOF: atEOF, newlines: 0)
    }
    var newlines = 0
    while true {
      let cellStart = i
      let isQuoted = i < end && p[i] == CSVScanner.quote
      if isQuoted {
        var inQuotes = true
        i += 1
        while i < end {
          let b = p[i]
          if inQuotes {
            if b == CSVScanner.quote {
              if i + 1 == end && !atEOF { return nil }
              if i + 1 < end && p[i + 1] == CSVScanner.quote {
                i += 2
                continue
              }
              inQuotes = false
            } else if b == CSVScanner.lf {
              newlines += 1
            }
          } else if b == CSVScanner.comma || b == CSVScanner.lf || b == CSVScanner.cr {
            break
          } else if b == CSVScanner.quote {
            inQuotes = true
          }
          i += 1
        }
        if i == end && inQuotes {
          guard atEOF else { return nil }
          unterminated = true
        }
      } else {
        i = CSVScanner.cellEnd(p, from: i, to: end)
      }
      cells.append(cellStart..<i, quoted: isQuoted)
      if i == end { return atEOF ? (end, newlines) : nil }
      if p[i] == CSVScanner.comma {
        i += 1
        continue
      }
      return CSVScanner.rowEnd(p, at: i, end: end, atEOF: atEOF, newlines: newlines)
    }
  }

  /// Where the next row starts, and the line breaks this one spans, for a row ending at the LF or CR at `k`.
  @inline(__always)
  private static func rowEnd(_ p: UnsafeBufferPointer<UInt8>, at k: Int, end: Int, atEOF: Bool, newlines: Int)
    -> (Int, Int)?
  {
    if p[k] == CSVScanner.lf { return (k + 1, newlines + 1) }
    // CR: CRLF, or a lone CR ending the row.
    if k + 1 < end { return (p[k + 1] == CSVScanner.lf ? k + 2 : k + 1, newlines + 1) }
    return atEOF ? (k + 1, newlines + 1) : nil
  }

  /// Scans a row whose cells do not begin with a quote, a word at a time, as most rows are: appends its cells
  /// and returns the offset of the LF or CR ending it. Nil, with no cells appended, for a row the general loop
  /// must scan: a cell beginning with a quote, or a row that runs to the end of the bytes.
  ///
  /// Bytes are flagged a word at a time (`belowComma`); a quote inside a cell is literal, and other flagged bytes
  /// (a space, a parenthesis, a `-` after a flagged byte) are passed over.
  ///
  /// Where the processor has AVX2 the row is scanned 32 bytes at a time (`comply_plain_row`, ComplySIMD), else by
  /// `plainRowInSwift`.
  @inline(__always)
  static func plainRow(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into cells: CellRanges) -> Int? {
    guard let base = p.baseAddress else { return nil }
    if CSVScanner.vectors {
      var rowEnd = -1
      let scanned = cells.fill { bounds, capacity in
        var count = 0
        rowEnd = comply_plain_row(base, start, end, bounds, capacity, &count)
        return rowEnd < 0 ? nil : count
      }
      if scanned { return rowEnd }
      if rowEnd != -2 { return nil }
      // More cells than the ranges have room for: the Swift scan makes room.
    }
    return plainRowInSwift(p, from: start, to: end, into: cells)
  }

  /// Whether `comply_plain_row` has its vector path here (when it does not, it declines every row).
  private static let vectors = comply_simd_available() != 0

  /// `plainRow` a word at a time: the path without vector instructions, and the reference the tests compare
  /// the vector path with.
  static func plainRowInSwift(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into cells: CellRanges)
    -> Int?
  {
    guard let base = p.baseAddress, start < end, base[start] != CSVScanner.quote else { return nil }
    let raw = UnsafeRawPointer(base)
    var cellStart = start
    var i = start
    words: while i < end {
      var below: UInt64
      if i + 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        below = CSVScanner.belowComma(word)
      } else {
        below = base[i] < 0x2D ? 0x80 : 0  // the last bytes, one at a time
      }
      while below != 0 {
        let k = i + below.trailingZeroBitCount >> 3
        below &= below &- 1
        let b = base[k]
        if b == CSVScanner.comma {
          cells.append(cellStart..<k, quoted: false)
          cellStart = k + 1
          if cellStart < end && base[cellStart] == CSVScanner.quote { break words }  // a quoted cell
        } else if b == CSVScanner.lf || b == CSVScanner.cr {
          cells.append(cellStart..<k, quoted: false)
          return k
        }
      }
      i += i + 8 <= end ? 8 : 1
    }
    cells.removeAll()
    return nil
  }

  /// The high bit of each byte of `word` below 0x2D, where comma, LF, CR and quote all lie (`x - 0x2D… & ~x &
  /// 0x80…`): never missing one, though a borrow may flag a `-` just after one, so each flagged byte is then looked
  /// at. Other bytes below 0x2D (space, parentheses) are rare in a register.
  @inline(__always)
  static func belowComma(_ word: UInt64) -> UInt64 {
    (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
  }

  /// The first comma, LF or CR at or after `start` (or `end`): eight bytes at a time (`belowComma`), then byte by
  /// byte.
  @inline(__always)
  static func cellEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var i = start
    if let base = p.baseAddress {
      let raw = UnsafeRawPointer(base)
      while i + 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        var below = CSVScanner.belowComma(word)
        while below != 0 {
          let k = i + below.trailingZeroBitCount >> 3
          let b = base[k]
          if b == CSVScanner.comma || b == CSVScanner.lf || b == CSVScanner.cr { return k }
          below &= below &- 1
        }
        i += 8
      }
    }
    while i < end {
      let b = p[i]
      if b == CSVScanner.comma || b == CSVScanner.lf || b == CSVScanner.cr { break }
      i += 1
    }
    return i
  }

  /// Calls `body` with the bytes of cell `index`, unquoted and unescaped.
  func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let range = cells[index]
    return source.buffer.withUnsafeBufferPointer { p in
      let bytes = UnsafeBufferPointer(rebasing: p[range])
      guard cells.isQuoted(index) else { return body(bytes) }
      scratch.removeAll(keepingCapacity: true)
      var inQuotes = false
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b == CSVScanner.quote {
          if inQuotes && i + 1 < bytes.count && bytes[i + 1] == CSVScanner.quote {
            scratch.append(b)
            i += 2
            continue
          }
          inQuotes.toggle()
        } else {
          scratch.append(b)
        }
        i += 1
      }
      return scratch.withUnsafeBufferPointer(body)
    }
  }

  /// Whether cell `index` is blank: true for nothing but ASCII white space and quotes, false when it holds any
  /// other ASCII byte, nil when only decoding can tell (non-ASCII bytes, perhaps U+3000).
  func cellIsBlank(_ index: Int) -> Bool? {
    withBytes(cells[index]) { bytes in
      var onlyASCII = true
      for byte in bytes {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, CSVScanner.quote: continue
        case 0x80...: onlyASCII = false
        default: return false
        }
      }
      return onlyASCII ? true : nil
    }
  }

  /// The bytes of `range` of what is scanned: in place from the block when the scanner reads one (a slice of the
  /// source's array is a retain and a release, on every row).
  @inline(__always)
  func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let fixedBytes { return body(UnsafeBufferPointer(rebasing: fixedBytes[range])) }
    return source.buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }
}
