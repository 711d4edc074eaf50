import Foundation

/// How a numeric cell is shown, as far as comply cares: a date, a month, an integer padded with zeros, or a plain
/// number.
enum CellDisplay: Hashable, Sendable {
  case number
  case date
  /// A year-month format (`yyyy-mm`, `yyyy"年"m"月"`): the cell is a month-only date.
  case month
  /// A format of zeros only (`000000`): an id shown with leading zeros.
  case zeroPadded(width: Int)
}

/// The number formats of a workbook's cell styles (`styles.xml`), by style index (a cell's `s` attribute).
struct XLSXStyles: Sendable {
  private var displays: [CellDisplay] = []

  init() {}

  init(_ list: XMLElementList) {
    var custom: [Int: String] = [:]
    for element in list.elements where element.name == "numFmt" {
      if let id = element.attribute("numFmtId").flatMap({ Int($0) }), let code = element.attribute("formatCode") {
        custom[id] = code
      }
    }
    for element in list.elements where element.name == "xf" && element.ancestors.last == "cellXfs" {
      let id = element.attribute("numFmtId").flatMap { Int($0) } ?? 0
      displays.append(custom[id].map(XLSXStyles.classify) ?? XLSXStyles.builtIn(id))
    }
  }

  func display(forStyle index: Int) -> CellDisplay {
    displays.indices.contains(index) ? displays[index] : .number
  }

  /// Built-in formats: 14–22 and 45–47 are dates and times (17 is `mmm-yy`, a month); 27–36 and 50–58 are the
  /// East Asian ones a Chinese Excel uses (`yyyy"年"m"月"` is 27, 36, 50, 52 and 57; 32–35, 55, 56 are times).
  static func builtIn(_ id: Int) -> CellDisplay {
    switch id {
    case 17, 27, 36, 50, 52, 57: .month
    case 14...22, 28...35, 45...47, 51, 53...56, 58: .date
    default: .number
    }
  }

  /// A custom format code's display: a date when its first section has a year or day token (`m` alone may be
  /// minutes), a month when it has a year and a month but no day (`General` is not a token). Quoted text, `[...]` (colours, locales,
  /// elapsed hours), `\x` escapes and `_x`/`*x` padding are not tokens.
  static func classify(_ code: String) -> CellDisplay {
    var tokens = ""
    var iterator = code.makeIterator()
    var inQuote = false
    var inBracket = false
    while let c = iterator.next() {
      if inQuote {
        if c == "\"" { inQuote = false }
        continue
      }
      if inBracket {
        if c == "]" { inBracket = false }
        continue
      }
      switch c {
      case "\"": inQuote = true
      case "[": inBracket = true
      case "\\", "_", "*": _ = iterator.next()
      case ";": return XLSXStyles.display(tokens: tokens)
      default: tokens.append(c)
      }
    }
    return XLSXStyles.display(tokens: tokens)
  }

  private static func display(tokens: String) -> CellDisplay {
    let lower = tokens.lowercased().replacingOccurrences(of: "general", with: "")
    let year = lower.contains("y")
    let day = lower.contains("d")
    if year || day {
      return year && !day && lower.contains("m") ? .month : .date
    }
    if !tokens.isEmpty, tokens.allSatisfy({ $0 == "0" }) { return .zeroPadded(width: tokens.count) }
    return .number
  }
}
