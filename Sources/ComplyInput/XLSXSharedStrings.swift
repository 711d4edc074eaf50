import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The shared string table (`sharedStrings.xml`): cells of type `s` hold an index into it.
///
/// A rich-text string is the concatenation of its runs' text; phonetic guides (`rPh`) are not part of the
/// displayed text and are left out.
enum XLSXSharedStrings {
  static func parse(_ data: Data, part: String, path: String) throws(InputError) -> [String] {
    let delegate = Collector()
    if let failure = parseXML(data, with: delegate) {
      throw .notWorkbook(path: path, reason: "its part \(part) is not well-formed XML (\(failure.message))")
    }
    return delegate.strings
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var text = ""
    private var capturing = false
    private var phoneticDepth = 0

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      switch localName(elementName) {
      case "si": text = ""
      case "rPh": phoneticDepth += 1
      case "t": capturing = phoneticDepth == 0
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if capturing { text += string }
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
      switch localName(elementName) {
      case "si": strings.append(OfficeText.unescape(text))
      case "rPh": phoneticDepth -= 1
      case "t": capturing = false
      default: break
      }
    }
  }
}
