import ComplySIMD

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds where CSV rows end, by the quoting rules of `CSVScanner`: a quote opens a quoted cell only at the start
/// of a cell; inside one, `""` is a quote and `"` closes it; after the close, a quote opens quotes again. A row
/// ends at LF, CRLF or a lone CR outside quotes.
enum RowBoundaries {
  typealias Cut = (end: Int, rows: Int, lines: Int)

  /// The offset just past the last complete row in `bytes`, with how many rows and physical lines that is.
  /// With `atEOF`, the end of the bytes ends the last row. Nil when no row ends in the bytes.
  static func lastRowEnd(_ bytes: UnsafeBufferPointer<UInt8>, atEOF: Bool) -> Cut? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    // Lines that end in LF alone (the usual case) are cut by jumping from quote to quote.
    if memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil { return lastRowEndLF(bytes, atEOF: atEOF) }
    return lastRowEndByteByByte(bytes, atEOF: atEOF)
  }

  /// `lastRowEnd` for bytes without CR: `memchr` finds the quotes, and the line feeds between them are counted in
  /// a loop the compiler vectorizes.
  static func lastRowEndLF(_ bytes: UnsafeBufferPointer<UInt8>, atEOF: Bool) -> Cut? {
    let quote = UInt8(ascii: "\"")
    let lf = UInt8(ascii: "\n")
    let comma = UInt8(ascii: ",")
    let n = bytes.count
    var rows = 0
    var lines = 0
    var last: Cut?
    var i = 0
    // Whether the cell at `i` began quoted and has not ended: a quote there opens quotes again.
    var cellQuoted = false
    func find(_ byte: UInt8, from start: Int) -> Int {
      guard start < n, let base = bytes.baseAddress, let hit = memchr(base + start, Int32(byte), n - start) else { return n }
      return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
    // Rows ended by the line feeds in `start..<end`, which lies outside quotes.
    func rowEnds(_ start: Int, _ end: Int) {
      let count = countLF(bytes, start, end)
      guard count > 0 else { return }
      var lastLF = end - 1
      while bytes[lastLF] != lf { lastLF -= 1 }
      rows += count
      lines += count
      last = (lastLF + 1, rows, lines)
    }
    while i < n {
      let q = find(quote, from: i)
      if cellQuoted {
        var k = i
        while k < q && bytes[k] != comma && bytes[k] != lf { k += 1 }
        cellQuoted = k == q
      }
      rowEnds(i, q)
      if q == n { break }
      let opens = cellQuoted || q == 0 || bytes[q - 1] == comma || bytes[q - 1] == lf
      i = q + 1
      guard opens else { continue }
      // Inside quotes: to the closing quote, past `""` pairs; line feeds here are lines, not rows.
      var closed = false
      while true {
        let close = find(quote, from: i)
        lines += countLF(bytes, i, close)
        if close == n {
          i = n
          break
        }
        if close + 1 < n && bytes[close + 1] == quote {
          i = close + 2
          continue
        }
        if close + 1 == n && !atEOF { return last }  // `""` may be cut at the end: decide with more bytes
        i = close + 1
        closed = true
        break
      }
      if !closed { break }
      cellQuoted = true
    }
    if atEOF && (last?.end ?? -1) < n { return (n, rows + 1, lines + 1) }
    return last
  }

  /// The line feeds in `start..<end`: 32 bytes at a time where the processor has AVX2 (`comply_count_byte`),
  /// else `countLFInSwift`.
  @inline(__always)
  static func countLF(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    guard start < end, let base = bytes.baseAddress else { return 0 }
    let vector = comply_count_byte(base + start, end - start, UInt8(ascii: "\n"))
    return vector >= 0 ? vector : countLFInSwift(bytes, start, end)
  }

  /// The line feeds in `start..<end`, eight bytes at a time: a byte equal to LF becomes zero under the XOR, and
  /// `(x & 0x7F…) + 0x7F…` carries into the high bit of every byte that is not zero, exactly (no carry crosses
  /// bytes). The clear high bits, moved to the low bit, add up per byte lane: up to 255 words, then the lanes are
  /// summed (a population count is a long sequence on baseline x86-64, which has no POPCNT).
  static func countLFInSwift(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    guard start < end, let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var count = 0
    var k = start
    while k + 8 <= end {
      var lanes: UInt64 = 0
      var words = 0
      while words < 255 && k + 8 <= end {
        let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
        let nonzero = ((x & low7) &+ low7) | x
        lanes &+= (~nonzero & 0x8080_8080_8080_8080) >> 7
        k += 8
        words += 1
      }
      let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
      count &+= Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
    while k < end {
      count &+= bytes[k] == UInt8(ascii: "\n") ? 1 : 0
      k += 1
    }
    return count
  }

  /// `lastRowEnd` one byte at a time: any line ends.
  static func lastRowEndByteByByte(_ bytes: UnsafeBufferPointer<UInt8>, atEOF: Bool) -> Cut? {
    let quote = UInt8(ascii: "\"")
    let cr = UInt8(ascii: "\r")
    let lf = UInt8(ascii: "\n")
    var rows = 0
    var lines = 0
    var lastEnd = -1
    var lastLines = 0
    var lastRows = 0
    var atCellStart = true
    var cellQuoted = false
    var inQuotes = false
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if inQuotes {
        if b == quote {
          if i + 1 < n && bytes[i + 1] == quote {
            i += 2
            continue
          }
          if i + 1 == n && !atEOF { break }  // `""` may be cut at the end: decide with more bytes
          inQuotes = false
        } else if b == lf {
          lines += 1
        }
        i += 1
        continue
      }
      switch b {
      case quote:
        // Opens quotes at a cell's start, and again anywhere in a cell that began quoted; literal elsewhere.
        if atCellStart { cellQuoted = true }
        if cellQuoted { inQuotes = true }
        atCellStart = false
      case UInt8(ascii: ","):
        atCellStart = true
        cellQuoted = false
      case lf, cr:
        if b == cr {
          if i + 1 == n && !atEOF { return lastEnd < 0 ? nil : (lastEnd, lastRows, lastLines) }
          if i + 1 < n && bytes[i + 1] == lf { i += 1 }
        }
        rows += 1
        lines += 1
        lastEnd = i + 1
        lastRows = rows
        lastLines = lines
        atCellStart = true
        cellQuoted = false
      default:
        atCellStart = false
      }
      i += 1
    }
    if atEOF && lastEnd < n {
      return (n, rows + 1, lines + 1)
    }
    return lastEnd < 0 ? nil : (lastEnd, lastRows, lastLines)
  }
}
