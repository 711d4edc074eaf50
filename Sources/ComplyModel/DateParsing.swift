/// Reads the date spellings registers use, byte by byte.
///
/// Accepted, after NFKC: `Y-M-D`, `Y/M/D`, `Y.M.D` (one kind of separator, 1–2 digit month and day), `YYYYMMDD`
/// and `Y年M月D日`, each optionally followed by one space and a time `H:MM` or `H:MM:SS` that is checked and then
/// ignored; and the month-only forms `Y-M`, `Y/M`, `Y.M`, `Y年M月`, read as the whole month. Years have four digits
/// and lie in 1950–2100. Impossible days (`2019-02-30`) are rejected, which Foundation's formatters do not do
/// (they also cost about 40 µs a date; this parser costs tens of nanoseconds).
public enum DateParsing {
  /// Why a text is not a date, for the one-line reason of an unreadable cell.
  public enum Failure: Error, Hashable, Sendable {
    /// Not one of the accepted spellings.
    case malformed
    /// A well-formed date whose year is outside 1950–2100.
    case yearOutOfRange(Int)
    /// A well-formed date naming a day or month that does not exist (`2019-02-30`, `2019-13-01`).
    case noSuchDay

    public var reason: String {
      switch self {
      case .malformed: "not a date"
      case .yearOutOfRange(let year): "year \(year) is outside 1950–2100"
      case .noSuchDay: "no such day"
      }
    }
  }

  /// The years a register date may name.
  public static let years = 1950...2100

  /// The date a text spells, or nil. The text is not trimmed.
  public static func parse<S: StringProtocol>(_ s: S) -> DateSpan? {
    try? read(s).get()
  }

  /// `parse` for a `String`, specialized (generic code called from another module runs unspecialized).
  public static func parse(_ s: String) -> DateSpan? {
    try? read(s).get()
  }

  /// `read` for a `String`, specialized.
  public static func read(_ s: String) -> Result<DateSpan, Failure> {
    read(Substring(s))
  }

  /// The date a text spells, or why it is not one. The text is not trimmed.
  public static func read<S: StringProtocol>(_ s: S) -> Result<DateSpan, Failure> {
    let direct = s.utf8.withContiguousStorageIfAvailable { read(bytes: $0) } ?? read(bytes: Array(s.utf8))
    if case .failure(.malformed) = direct, !s.utf8.allSatisfy({ $0 < 0x80 }) {
      // Full-width digits and separators (`２０１９－０３－０１`) become ASCII under NFKC; 年月日 are unchanged.
      let folded = TextNormalization.nfkc(String(s))
      return read(bytes: Array(folded.utf8))
    }
    return direct
  }

  /// Strict ISO 8601 calendar dates only: `YYYY-MM-DD` or the month `YYYY-MM`, any year 0000–9999. For dates
  /// written by people who know the format (`--as-of`), where `2019-3-1` is more likely a typo than a habit.
  public static func parseISO<S: StringProtocol>(_ s: S) -> DateSpan? {
    let bytes = Array(s.utf8)
    guard bytes.count == 10 || bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
    guard let year = number(bytes, 0, 4), let month = number(bytes, 5, 2) else { return nil }
    if bytes.count == 7 { return DateSpan(year: year, month: month) }
    guard bytes[7] == UInt8(ascii: "-"), let day = number(bytes, 8, 2),
      let d = Day(year: year, month: month, day: day)
    else { return nil }
    return DateSpan(d)
  }

  private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for i in start..<start + count {
      let digit = Int(bytes[i]) - 48
      guard (0...9).contains(digit) else { return nil }
      value = value * 10 + digit
    }
    return value
  }

  // UTF-8 of 年, 月, 日.
  private static let nian: (UInt8, UInt8, UInt8) = (0xE5, 0xB9, 0xB4)
  private static let yue: (UInt8, UInt8, UInt8) = (0xE6, 0x9C, 0x88)
  private static let ri: (UInt8, UInt8, UInt8) = (0xE6, 0x97, 0xA5)

  static func read<C: RandomAccessCollection>(bytes: C) -> Result<DateSpan, Failure>
  where C.Element == UInt8, C.Index == Int {
    var scanner = ByteScanner(bytes: bytes)
    guard let year = scanner.digits(min: 4, max: 4) else { return .failure(.malformed) }
    let month: Int
    let day: Int
    if let m = scanner.digits(min: 2, max: 2) {
      // YYYYMMDD: exactly eight digits.
      guard let d = scanner.digits(min: 2, max: 2), scanner.atEnd || scanner.peek == 0x20 else {
        return .failure(.malformed)
      }
      (month, day) = (m, d)
    } else if scanner.skip(nian) {
      guard let m = scanner.digits(min: 1, max: 2), scanner.skip(yue) else { return .failure(.malformed) }
      if scanner.atEnd { return wholeMonth(year, m) }
      guard let d = scanner.digits(min: 1, max: 2), scanner.skip(ri) else { return .failure(.malformed) }
      (month, day) = (m, d)
    } else if let separator = scanner.peek,
      separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".")
    {
      scanner.advance()
      guard let m = scanner.digits(min: 1, max: 2) else { return .failure(.malformed) }
      if scanner.atEnd { return wholeMonth(year, m) }
      guard scanner.skip(separator), let d = scanner.digits(min: 1, max: 2) else { return .failure(.malformed) }
      (month, day) = (m, d)
    } else {
      return .failure(.malformed)
    }
    guard scanner.atEnd || scanner.skipTime() else { return .failure(.malformed) }
    guard years.contains(year) else { return .failure(.yearOutOfRange(year)) }
    guard let result = Day(year: year, month: month, day: day) else { return .failure(.noSuchDay) }
    return .success(DateSpan(result))
  }

  private static func wholeMonth(_ year: Int, _ month: Int) -> Result<DateSpan, Failure> {
    guard years.contains(year) else { return .failure(.yearOutOfRange(year)) }
    guard let span = DateSpan(year: year, month: month) else { return .failure(.noSuchDay) }
    return .success(span)
  }
}

/// A cursor over UTF-8 bytes for the date parser.
private struct ByteScanner<C: RandomAccessCollection> where C.Element == UInt8, C.Index == Int {
  let bytes: C
  var index: Int

  init(bytes: C) {
    self.bytes = bytes
    index = bytes.startIndex
  }

  var atEnd: Bool { index == bytes.endIndex }
  var peek: UInt8? { atEnd ? nil : bytes[index] }
  mutating func advance() { index += 1 }

  /// Reads `min`…`max` ASCII digits, or nothing (returning nil) when there are fewer than `min`.
  mutating func digits(min: Int, max: Int) -> Int? {
    var value = 0
    var count = 0
    while count < max, index + count < bytes.endIndex {
      let digit = Int(bytes[index + count]) &- 48
      guard digit >= 0 && digit <= 9 else { break }
      value = value * 10 + digit
      count += 1
    }
    guard count >= min else { return nil }
    index += count
    return value
  }

  mutating func skip(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    index += 1
    return true
  }

  mutating func skip(_ seq: (UInt8, UInt8, UInt8)) -> Bool {
    guard bytes.endIndex - index >= 3, bytes[index] == seq.0, bytes[index + 1] == seq.1,
      bytes[index + 2] == seq.2
    else { return false }
    index += 3
    return true
  }

  /// ` H:MM` or ` H:MM:SS` up to the end, with hours 0–23 and minutes and seconds 0–59.
  mutating func skipTime() -> Bool {
    guard skip(0x20), let hour = digits(min: 1, max: 2), hour < 24, skip(UInt8(ascii: ":")),
      let minute = digits(min: 2, max: 2), minute < 60
    else { return false }
    if atEnd { return true }
    guard skip(UInt8(ascii: ":")), let second = digits(min: 2, max: 2), second < 60 else { return false }
    return atEnd
  }
}
