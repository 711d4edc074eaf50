import Foundation

/// How register text is compared with a schema: headers, enum spellings, booleans and blank tokens.
public enum TextNormalization {
  /// Unicode NFKC: full-width brackets and digits become half-width.
  public static func nfkc(_ text: String) -> String {
    if isNFKCStable(text) { return text }
    return text.precomposedStringWithCompatibilityMapping
  }

  /// A cell trimmed of Unicode white space (U+3000 and U+00A0 included) and U+FEFF.
  public static func trimmed<S: StringProtocol>(_ text: S) -> Substring {
    let s = Substring(text)
    if hasNothingToTrim(s) { return s }
    var start = s.unicodeScalars.startIndex
    var end = s.unicodeScalars.endIndex
    while start < end, isTrimmable(s.unicodeScalars[start]) { start = s.unicodeScalars.index(after: start) }
    while end > start {
      let before = s.unicodeScalars.index(before: end)
      if !isTrimmable(s.unicodeScalars[before]) { break }
      end = before
    }
    return Substring(s.unicodeScalars[start..<end])
  }

  /// Unicode's White_Space property, spelled out (the property lookup costs more than the whole rest of reading a
  /// cell), plus U+FEFF.
  static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
      true
    default: false
    }
  }

  /// A value compared with spellings: trimmed, NFKC, ASCII letters lower-cased.
  public static func foldedValue(_ text: String) -> String {
    String(nfkc(String(trimmed(text))).map { $0.isASCII ? Character($0.lowercased()) : $0 })
  }

  /// A header compared with aliases: NFKC, with every white space and line break removed.
  public static func header(_ text: String) -> String {
    String(nfkc(text).unicodeScalars.filter { !isTrimmable($0) }.map(Character.init))
  }
}
