import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One worksheet row: its number as Excel shows it and the displayed text of each cell by column (0-based), ""
/// for an empty or absent cell.
struct SheetRow: Equatable {
  var number: Int
  var cells: [String]
}

/// What a cell's raw value means: shared strings, the styles' number formats and the date system.
struct XLSXCellContext: Sendable {
  var sharedStrings: [String]
  var styles: XLSXStyles
  var date1904: Bool

  /// `text` without ASCII spaces and tabs around it (a value element rarely has any: the common case copies
  /// nothing and avoids Foundation's bridging).
  static func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last else { return text }
    guard first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return text }
    return String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }

  /// The text a cell shows, from its type (`t`), style (`s`), cached value (`<v>`) and inline text (`<is>`).
  func text(type: String?, style: Int, value: String, inline: String?) -> String {
    switch type {
    case "s":
      guard let index = Int(XLSXCellContext.trimmed(value)), sharedStrings.indices.contains(index)
      else { return value }
      return sharedStrings[index]
    case "inlineStr": return OfficeText.unescape(inline ?? value)
    case "str": return OfficeText.unescape(value)
    case "e": return value
    case "b":
      switch XLSXCellContext.trimmed(value) {
      case "1": return "TRUE"
      case "0": return "FALSE"
      default: return value
      }
    // An ISO 8601 date cell (written by some programs instead of a serial number): the date part.
    case "d": return String(value.prefix { $0 != "T" })
    default:
      let trimmed = XLSXCellContext.trimmed(value)
      guard let number = Double(trimmed) else { return value }
      return ExcelValueText.text(number, display: styles.display(forStyle: style), date1904: date1904)
    }
  }
}

/// Parses one piece of a sheet (see `XLSXSheetChunks`) into rows.
struct XLSXSheetParser {
  static let maxRow = 1 << 20
  let context: XLSXCellContext
  /// The number of the last row parsed, for rows that do not state their `r`.
  private(set) var lastRow = 0

  init(context: XLSXCellContext) { self.context = context }

  mutating func rows(in piece: Data) -> Result<[SheetRow], XMLFailure> {
    let delegate = Collector(context: context, lastRow: lastRow)
    if let failure = parseXML(piece, with: delegate) { return .failure(failure) }
    lastRow = delegate.lastRow
    return .success(delegate.rows)
  }

  /// `AB12` → column 27 (0-based) and row 12; nil parts when the reference lacks them.
  static func reference(_ text: String) -> (column: Int?, row: Int?) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A where digits == 0: column = column * 26 + Int(scalar.value - 0x40); letters += 1
      case 0x61...0x7A where digits == 0: column = column * 26 + Int(scalar.value - 0x60); letters += 1
      case 0x30...0x39: row = row * 10 + Int(scalar.value - 0x30); digits += 1
      case 0x24: continue
      default: return (nil, nil)
      }
      if letters > 3 || digits > 7 { return (nil, nil) }
    }
    return (letters > 0 ? column - 1 : nil, digits > 0 ? row : nil)
  }

  private final class Collector: NSObject, XMLParserDelegate {
    let context: XLSXCellContext
    var rows: [SheetRow] = []
    var lastRow: Int
    private var cells: [String] = []
    private var column = -1
    private var type: String?
    private var style = 0
    private var value = ""
    private var inline: String?
    private enum Capture { case none, value, inline }
    private var capture = Capture.none
    private var phoneticDepth = 0

    init(context: XLSXCellContext, lastRow: Int) {
      self.context = context
      self.lastRow = lastRow
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      switch localName(elementName) {
      case "row":
        // A number Excel cannot have (it has 1,048,576 rows) counts as none: `Int.max` would overflow the next row's.
        if let r = attributes["r"].flatMap({ Int($0) }), (1...XLSXSheetParser.maxRow).contains(r) {
          lastRow = r
        } else {
          lastRow += 1
        }
        cells = []
        column = -1
      case "c":
        column = attributes["r"].flatMap { XLSXSheetParser.reference($0).column } ?? column + 1
        type = attributes["t"]
        style = attributes["s"].flatMap { Int($0) } ?? 0
        value = ""
        inline = nil
      case "v": capture = .value
      case "is": inline = ""
      case "rPh": phoneticDepth += 1
      case "t" where inline != nil && phoneticDepth == 0: capture = .inline
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      switch capture {
      case .none: break
      case .value: value += string
      case .inline: inline? += string
      }
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
      switch localName(elementName) {
      case "v", "t": capture = .none
      case "rPh": phoneticDepth -= 1
      case "c":
        let text = context.text(type: type, style: style, value: value, inline: inline)
        guard !text.isEmpty, column >= 0, column < 16_384 else { return }
        if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
        cells[column] = text
      case "row":
        rows.append(SheetRow(number: lastRow, cells: cells))
      default: break
      }
    }
  }
}
