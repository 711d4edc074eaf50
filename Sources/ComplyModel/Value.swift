/// A value in the condition language, and a typed register cell.
///
/// `.null` is a value that is not set: a blank cell, a blank token such as `/`, or a date after `as_of`.
/// `.unknown` is a value that cannot be known: an unreadable cell, a column the register lacks, or a comparison a
/// month-only date cannot decide. It names the fields that made it so, and propagates through expressions under
/// three-valued (Kleene) logic.
public enum Value: Hashable, Sendable {
  case null
  case unknown(FieldSet)
  case bool(Bool)
  case number(Double)
  case text(String)
  case date(DateSpan)
  case list([Value])

  public static let unknownValue = Value.unknown(FieldSet())

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  public var isUnknown: Bool {
    if case .unknown = self { return true }
    return false
  }
}

extension Value: CustomStringConvertible {
  /// The value as a report shows it: dates in ISO form, numbers without a needless `.0`.
  public var description: String {
    switch self {
    case .null: return ""
    case .unknown: return "?"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return Value.format(n)
    case .text(let s): return s
    case .date(let d): return d.description
    case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// Formats a number the way a register writes it: `1200`, `0.5`, never `1200.0` or `1.2e3`.
  public static func format(_ n: Double) -> String {
    if n.isNaN || n.isInfinite { return String(n) }
    if n == n.rounded() { return abs(n) < 0x1p63 ? String(Int64(n)) : String(wholeDigits: n) }
    var text = String(format6: n)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

extension String {
  /// A fixed six-decimal rendering without Foundation, of a number with a fraction (so below 2^52 in magnitude).
  fileprivate init(format6 n: Double) {
    let negative = n < 0
    var whole: Int64
    var fraction: Int64
    if abs(n) < 1e12 {
      let scaled = (abs(n) * 1_000_000).rounded()
      whole = Int64(scaled / 1_000_000)
      fraction = Int64(scaled) - whole * 1_000_000
    } else {
      // Scaled by a million, the value would not fit in Int64: take the whole part off first (exactly).
      let truncated = abs(n).rounded(.towardZero)
      whole = Int64(truncated)
      fraction = Int64(((abs(n) - truncated) * 1_000_000).rounded())
      if fraction == 1_000_000 {
        whole += 1
        fraction = 0
      }
    }
    let digits = String(fraction)
    self = (negative ? "-" : "") + String(whole) + "." + String(repeating: "0", count: 6 - digits.count) + digits
  }

  /// The exact decimal digits of a whole number of 2^63 or more (`n` = significand × 2^exponent), no exponent.
  fileprivate init(wholeDigits n: Double) {
    var digits: [UInt8] = Array(String(n.significandBitPattern | (1 << 52)).utf8).map { $0 - 48 }.reversed()
    for _ in 0..<(Int(n.exponent) - 52) {
      var carry: UInt8 = 0
      for i in digits.indices {
        let doubled = digits[i] * 2 + carry
        digits[i] = doubled % 10
        carry = doubled / 10
      }
      if carry > 0 { digits.append(carry) }
    }
    self = (n < 0 ? "-" : "") + String(decoding: digits.reversed().map { $0 + 48 }, as: UTF8.self)
  }
}
