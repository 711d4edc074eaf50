/// A file's text as lines, for diagnostics that show the line they point at.
public enum SourceText {
  /// The text's lines, cut where YAML breaks lines (LF, CRLF or a lone CR), without the breaks. Cut at bytes:
  /// split by characters, a CRLF file was one line (CR LF is a single character), so rule files saved on Windows
  /// lost their source lines, and every expression in them looked as if it spanned lines.
  public static func lines(_ text: String) -> [Substring] {
    let (lf, cr) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
    let utf8 = text.utf8
    var lines: [Substring] = []
    var start = utf8.startIndex
    var i = start
    while i < utf8.endIndex {
      let byte = utf8[i]
      guard byte == lf || byte == cr else {
        i = utf8.index(after: i)
        continue
      }
      lines.append(text[start..<i])
      i = utf8.index(after: i)
      if byte == cr, i < utf8.endIndex, utf8[i] == lf { i = utf8.index(after: i) }
      start = i
    }
    lines.append(text[start...])
    return lines
  }
}
