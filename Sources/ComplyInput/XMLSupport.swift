import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The element name without its namespace prefix (`x:row` → `row`). Workbooks from some writers prefix every
/// element; the parsers compare local names only.
func localName(_ qualified: String) -> String {
  // Called for every element of a sheet: scan bytes, not characters.
  guard let colon = qualified.utf8.lastIndex(of: UInt8(ascii: ":")) else { return qualified }
  return String(qualified[qualified.utf8.index(after: colon)...])
}

/// Every start element of a small XML part (workbook, relationships, styles), with the names of its ancestors.
///
/// These parts are small and read whole; only the sheet itself is streamed (`XLSXSheetChunks`).
struct XMLElementList {
  struct Element {
    /// Local names of the enclosing elements, outermost first.
    var ancestors: [String]
    var name: String
    var attributes: [String: String]

    /// An attribute by local name (`r:id` is found as `id`), the unprefixed one preferred.
    func attribute(_ name: String) -> String? {
      if let value = attributes[name] { return value }
      return attributes.first { localName($0.key) == name }?.value
    }
  }

  private(set) var elements: [Element] = []

  /// Parses `data`; nil with the parser's message when it is not well-formed XML.
  static func parse(_ data: Data) -> Result<XMLElementList, XMLFailure> {
    let delegate = Collector()
    if let failure = parseXML(data, with: delegate) { return .failure(failure) }
    return .success(XMLElementList(elements: delegate.elements))
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var elements: [Element] = []
    var stack: [String] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let name = localName(elementName)
      elements.append(Element(ancestors: stack, name: name, attributes: attributes))
      stack.append(name)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
      stack.removeLast()
    }
  }
}

/// Why an XML part could not be parsed.
struct XMLFailure: Error {
  var message: String
}

/// Runs `delegate` over the XML in `data`; the failure when it is not well-formed.
///
/// Parts that are not UTF-8 are refused first: libxml2 hands a name with bytes that are not UTF-8 on as they are,
/// and Foundation's parser on Linux then traps (found by fuzzing). Office parts are UTF-8 or UTF-16; UTF-16 ones,
/// which start with a byte order mark or a `<` and a zero byte, are left to the parser, which converts them.
func parseXML(_ data: Data, with delegate: some XMLParserDelegate) -> XMLFailure? {
  let utf16 = [[0xFE, 0xFF], [0xFF, 0xFE], [0x3C, 0x00], [0x00, 0x3C]].contains { data.starts(with: $0) }
  if !utf16, !isUTF8(data) { return XMLFailure(message: "not UTF-8 text") }
  let parser = XMLParser(data: data)
  parser.delegate = delegate
  guard parser.parse() else {
    return XMLFailure(message: parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML")
  }
  return nil
}

private func isUTF8(_ data: Data) -> Bool {
  data.withUnsafeBytes { raw in
    var bytes = raw.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while true {
      switch parser.parseScalar(from: &bytes) {
      case .valid: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }
}

/// Text as an Office part stores it: `_xHHHH_` escapes a character XML cannot carry (`_x000D_` is a carriage
/// return), and `_x005F_` escapes an underscore that would otherwise start one.
enum OfficeText {
  static func unescape(_ text: String) -> String {
    // Most cells have no underscore at all; a byte scan avoids Foundation's substring search.
    guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
    var result = ""
    var scalars = Substring(text).unicodeScalars[...]
    while let first = scalars.first {
      if first == "_", scalars.count >= 7 {
        let candidate = scalars.prefix(7)
        let hex = String(String.UnicodeScalarView(candidate.dropFirst(2).prefix(4)))
        if candidate.dropFirst().first == "x", candidate.last == "_", hex.count == 4,
          let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code)
        {
          result.unicodeScalars.append(scalar)
          scalars = scalars.dropFirst(7)
          continue
        }
      }
      result.unicodeScalars.append(first)
      scalars = scalars.dropFirst()
    }
    return result
  }
}
