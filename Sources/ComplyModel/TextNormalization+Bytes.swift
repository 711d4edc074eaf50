/// Byte-level shortcuts for the text checks every cell goes through. Walking `unicodeScalars` costs more than
/// the rest of reading a typical cell, and almost every cell takes the shortcut.
extension TextNormalization {
  /// `trimmed` for a `String`, specialized: generic code called from another module runs unspecialized.
  public static func trimmed(_ text: String) -> Substring {
    trimmed(Substring(text))
  }

  /// Whether `text` has nothing to trim: it neither starts nor ends with white space or U+FEFF. False means
  /// "maybe", and the caller trims scalar by scalar.
  static func hasNothingToTrim(_ text: Substring) -> Bool {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last else { return true }
    if first < 0x80 {
      if first <= 0x20 { return false }
    } else if first == 0xC2 || first == 0xE1 || first == 0xE2 || first == 0xE3 || first == 0xEF {
      return false  // the lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000 and U+FEFF
    }
    if last < 0x80 { return last > 0x20 }
    // A multibyte scalar at the end: look at its lead byte.
    var index = utf8.index(before: utf8.endIndex)
    var steps = 0
    while steps < 3, index > utf8.startIndex, utf8[index] & 0xC0 == 0x80 {
      index = utf8.index(before: index)
      steps += 1
    }
    let lead = utf8[index]
    return !(lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF)
  }

  /// Whether NFKC certainly leaves `text` unchanged: ASCII and CJK unified ideographs (U+3400–U+4DBF,
  /// U+4E00–U+9FFF) only, which is most of a Chinese register. Foundation's NFKC costs microseconds a call.
  static func isNFKCStable<S: StringProtocol>(_ text: S) -> Bool {
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      if byte < 0x80 { continue }
      guard byte & 0xF0 == 0xE0, let b1 = iterator.next(), let b2 = iterator.next() else { return false }
      let scalar = UInt32(byte & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
      guard (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) else { return false }
    }
    return true
  }
}
