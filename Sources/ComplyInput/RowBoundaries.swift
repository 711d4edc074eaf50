/// Finds where CSV rows end, by the quoting rules of `CSVScanner`: a quote opens a quoted cell only at the start
/// of a cell; inside one, `""` is a quote and `"` closes it; after the close, a quote opens quotes again. A row
/// ends at LF, CRLF or a lone CR outside quotes.
enum RowBoundaries {
  /// The offset just past the last complete row in `bytes`, with how many rows and physical lines that is.
  /// With `atEOF`, the end of the bytes ends the last row. Nil when no row ends in the bytes.
  static func lastRowEnd(_ bytes: UnsafeBufferPointer<UInt8>, atEOF: Bool) -> (end: Int, rows: Int, lines: Int)? {
    let quote = UInt8(ascii: "\"")
    let cr = UInt8(ascii: "\r")
    let lf = UInt8(ascii: "\n")
    // Most registers quote nothing and end lines with LF: every LF ends a row.
    if !bytes.contains(quote) && !bytes.contains(cr) {
      var rows = 0
      var last = -1
      for i in bytes.indices where bytes[i] == lf {
        rows += 1
        last = i
      }
      if atEOF && last != bytes.count - 1 { return (bytes.count, rows + 1, rows + 1) }
      return last < 0 ? nil : (last + 1, rows, rows)
    }
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
