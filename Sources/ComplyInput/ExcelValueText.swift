import ComplyModel

/// Turns a numeric cell into the text a register's CSV would hold: a date as `YYYY-MM-DD`, a month as `YYYY-MM`,
/// a number as its shortest form (`1200`, `0.5`).
enum ExcelValueText {
  /// Excel's largest serial, 9999-12-31.
  static let maxSerial = 2_958_465

  static func text(_ number: Double, display: CellDisplay, date1904: Bool) -> String {
    switch display {
    case .number:
      return shortest(number)
    case .zeroPadded(let width):
      let text = shortest(number)
      guard number >= 0, number == number.rounded(), text.count < width else { return text }
      return String(repeating: "0", count: width - text.count) + text
    case .date, .month:
      guard number.isFinite, number >= 0, number < Double(maxSerial + 1) else { return shortest(number) }
      let text = dateText(serial: Int(number.rounded(.down)), date1904: date1904)
      return display == .month ? String(text.prefix(7)) : text
    }
  }

  /// The day a serial number names. In the 1900 system Excel counts 1900-02-29, a day that never was (as Lotus
  /// 1-2-3 did): serial 60 is that day, shown as such (and then unreadable as a date), and serials below 60 are
  /// one day later than a plain count from 1899-12-31 would make them. Serial 0 is Excel's `1900-01-00`.
  static func dateText(serial: Int, date1904: Bool) -> String {
    if date1904 { return Day(number: epoch1904.number + serial).description }
    switch serial {
    case 0: return "1900-01-00"
    case 60: return "1900-02-29"
    case ..<60: return Day(number: epoch1900.number + serial).description
    default: return Day(number: epoch1900.number + serial - 1).description
    }
  }

  /// 1899-12-31: serial 1 is 1900-01-01.
  private static let epoch1900 = Day(year: 1899, month: 12, day: 31) ?? Day(number: 0)
  /// 1904-01-01: serial 0.
  private static let epoch1904 = Day(year: 1904, month: 1, day: 1) ?? Day(number: 0)

  /// The shortest text that reads back as the same number: integers without `.0`, others as Swift prints the
  /// shortest round-tripping decimal (`0.1` rather than `0.10000000000000001`).
  static func shortest(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    let text = "\(number)"
    guard text.contains("e") else { return text }
    // Plain decimals for the small and large magnitudes Swift prints with an exponent.
    return plainDecimal(text)
  }

  private static func plainDecimal(_ text: String) -> String {
    let parts = text.split(separator: "e")
    guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
    var mantissa = String(parts[0])
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa.removeFirst() }
    let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let whole = String(pieces[0])
    let fraction = pieces.count > 1 ? String(pieces[1]) : ""
    let digits = Array(whole + fraction)
    let point = whole.count + exponent
    var result: String
    if point <= 0 {
      result = "0." + String(repeating: "0", count: -point) + String(digits)
    } else if point >= digits.count {
      result = String(digits) + String(repeating: "0", count: point - digits.count)
    } else {
      result = String(digits[..<point]) + "." + String(digits[point...])
    }
    if result.contains("."), result.hasSuffix("0") {
      while result.hasSuffix("0") { result.removeLast() }
      if result.hasSuffix(".") { result.removeLast() }
    }
    return (negative ? "-" : "") + result
  }
}
