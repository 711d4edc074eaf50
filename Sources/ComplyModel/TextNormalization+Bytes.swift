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
    text.utf8.withContiguousStorageIfAvailable(hasNothingToTrim) ?? hasNothingToTrim(Array(text.utf8))
  }

  private static func hasNothingToTrim<C: RandomAccessCollection>(_ utf8: C) -> Bool
  where C.Element == UInt8, C.Index == Int {
    guard let first = utf8.first, let last = utf8.last else { return true }
    if first < 0x80 {
      if first <= 0x20 { return false }
    } else if isTrimmableLead(first) {
      return false
    }
    if last < 0x80 { return last > 0x20 }
    // A multibyte scalar at the end: look at its lead byte.
    var index = utf8.endIndex - 1
    while index > utf8.startIndex, index > utf8.endIndex - 4, utf8[index] & 0xC0 == 0x80 { index -= 1 }
    return !isTrimmableLead(utf8[index])
  }

  /// The lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000 and U+FEFF (and of other scalars).
  private static func isTrimmableLead(_ byte: UInt8) -> Bool {
    byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 || byte == 0xEF
  }

  /// Whether NFKC certainly leaves `text` unchanged: ASCII and CJK unified ideographs (U+3400–U+4DBF,
  /// U+4E00–U+9FFF) only, which is most of a Chinese register. Foundation's NFKC costs microseconds a call.
  /// Whether NFKC leaves `text` unchanged because it is only ASCII and CJK ideographs (a quick, partial test).
  public static func isNFKCStable(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { isNFKCStable($0) }
  }

  static func isNFKCStable<S: StringProtocol>(_ text: S) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(isNFKCStable) ?? isNFKCStable(Array(text.utf8))
  }

  private static func isNFKCStable<C: Collection<UInt8>>(_ utf8: C) -> Bool {
    var iterator = utf8.makeIterator()
    while let byte = iterator.next() {
      if byte < 0x80 { continue }
      guard byte & 0xF0 == 0xE0, let b1 = iterator.next(), let b2 = iterator.next() else { return false }
      let scalar = UInt32(byte & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
      guard (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar) else { return false }
    }
    return true
  }
}
