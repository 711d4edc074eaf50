/// Reads the decimal numbers registers use: an optional sign, digits with optional thousands separators
/// (`1,200.5`), and an optional fraction. Full-width digits are read through NFKC.
///
/// Exponents, `inf`, `nan` and hexadecimal, which `Double(String)` would accept, are not register spellings and
/// are rejected. Thousands separators must group by three (`1,200`, never `1,2`), because a comma between other
/// digit counts more likely stands for a decimal point or a list than for thousands.
public enum NumberParsing {
  /// The number a text spells, or nil. The text is not trimmed.
  public static func parse<S: StringProtocol>(_ s: S) -> Double? {
    if let value = parseASCII(s) { return value }
    guard !s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    return parseASCII(TextNormalization.nfkc(String(s)))
  }

  private static func parseASCII<S: StringProtocol>(_ s: S) -> Double? {
    var digits: [UInt8] = []
    digits.reserveCapacity(s.utf8.count)
    var sawDigit = false
    var sawComma = false
    var sawPoint = false
    var groupLength = 0  // digits since the last comma, or since the start
    var index = s.utf8.startIndex
    let end = s.utf8.endIndex
    if index < end, s.utf8[index] == UInt8(ascii: "-") || s.utf8[index] == UInt8(ascii: "+") {
      digits.append(s.utf8[index])
      index = s.utf8.index(after: index)
    }
    while index < end {
      let byte = s.utf8[index]
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits.append(byte)
        sawDigit = true
        groupLength += 1
      case UInt8(ascii: ","):
        // A comma follows a first group of 1–3 digits or a full group of 3, in the integer part only.
        guard !sawPoint, groupLength >= 1, groupLength <= 3, !sawComma || groupLength == 3 else { return nil }
        sawComma = true
        groupLength = 0
      case UInt8(ascii: "."):
        guard !sawPoint, !sawComma || groupLength == 3 else { return nil }
        sawPoint = true
        digits.append(byte)
        groupLength = -1_000  // no comma may follow
      default:
        return nil
      }
      index = s.utf8.index(after: index)
    }
    guard sawDigit, !sawComma || sawPoint || groupLength == 3 else { return nil }
    return Double(String(decoding: digits, as: UTF8.self))
  }
}
