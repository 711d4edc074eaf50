/// A streaming JSON reader for flat objects, counting lines so each record knows where it starts.
///
/// Scalars are kept as written: a number is its source text (`1200.50` stays `1200.50`), `true`/`false` their
/// words, and `null` a blank. Nested arrays and objects are skipped and reported as such, since a register cell
/// holds one value.
final class JSONScanner {
  enum Failure: Error {
    case io(InputError)
    case syntax(line: Int, message: String)
  }

  typealias Cell = KeyedRows.Cell

  /// One top-level value of the input: an object's members in order, or something else.
  enum Element {
    case object(line: Int, members: [(key: String, value: Cell)])
    case other(line: Int, kind: String)
  }

  private let source: ByteSource
  /// The 1-based line of the next byte.
  private(set) var line = 1
  private var bytes: [UInt8] = []

  init(source: ByteSource) { self.source = source }

  func peek() throws(Failure) -> UInt8? {
    if source.available == 0 {
      do throws(InputError) {
        guard try source.fill() else { return nil }
      } catch { throw .io(error) }
    }
    return source.buffer[source.start]
  }

  func advance() {
    if source.buffer[source.start] == 0x0A { line += 1 }
    source.start += 1
  }

  /// JSON Lines: a line feed ends the element, so a line left unfinished is malformed on its own and never
  /// swallows the next line's record. Blank lines between records are skipped with `newlines: true`.
  var lineFeedEndsElement = false

  /// Skips white space; with `newlines: false` (the default in JSON Lines), stops at a line feed.
  func skipWhitespace(newlines: Bool? = nil) throws(Failure) {
    let newlines = newlines ?? !lineFeedEndsElement
    while let b = try peek(), b == 0x20 || b == 0x09 || b == 0x0D || (newlines && b == 0x0A) { advance() }
  }

  /// Skips past the next line feed, to resume JSON Lines after a malformed line.
  func skipLine() throws(Failure) {
    while let b = try peek() {
      advance()
      if b == 0x0A { return }
    }
  }

  func expect(_ byte: UInt8, _ what: String) throws(Failure) {
    guard try peek() == byte else { throw syntax("expected \(what)") }
    advance()
  }

  func syntax(_ message: String) -> Failure {
    .syntax(line: line, message: message)
  }

  /// Reads one value; an object becomes its members, anything else its kind.
  func readElement() throws(Failure) -> Element {
    let start = line
    guard try peek() == UInt8(ascii: "{") else {
      switch try readValue() {
      case .text: return .other(line: start, kind: "a scalar")
      case .null: return .other(line: start, kind: "null")
      case .nested(let kind): return .other(line: start, kind: kind)
      }
    }
    advance()
    var members: [(key: String, value: Cell)] = []
    try skipWhitespace()
    if try peek() == UInt8(ascii: "}") {
      advance()
      return .object(line: start, members: members)
    }
    while true {
      try skipWhitespace()
      guard try peek() == UInt8(ascii: "\"") else { throw syntax("expected a key in quotes") }
      let key = try readString()
      try skipWhitespace()
      try expect(UInt8(ascii: ":"), "':' after a key")
      try skipWhitespace()
      members.append((key, try readValue()))
      try skipWhitespace()
      switch try peek() {
      case UInt8(ascii: ","): advance()
      case UInt8(ascii: "}"):
        advance()
        return .object(line: start, members: members)
      default: throw syntax("expected ',' or '}' in an object")
      }
    }
  }

  func readValue() throws(Failure) -> Cell {
    guard let b = try peek() else { throw syntax("unexpected end of input") }
    switch b {
    case UInt8(ascii: "\""): return .text(try readString())
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      try skipComposite()
      return .nested(b == UInt8(ascii: "{") ? "an object" : "an array")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .text(try readNumber())
    case UInt8(ascii: "a")...UInt8(ascii: "z"):
      var word: [UInt8] = []
      while let c = try peek(), c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
        word.append(c)
        advance()
      }
      switch String(decoding: word, as: UTF8.self) {
      case "true": return .text("true")
      case "false": return .text("false")
      case "null": return .null
      case let other: throw syntax("unknown word '\(other)'")
      }
    default:
      throw syntax("unexpected character '\(Unicode.Scalar(b))'")
    }
  }

  /// A number as written, checked against JSON's grammar.
  private func readNumber() throws(Failure) -> String {
    var text: [UInt8] = []
    while let c = try peek(), (c >= 0x30 && c <= 0x39) || [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains(c) {
      text.append(c)
      advance()
    }
    let string = String(decoding: text, as: UTF8.self)
    guard string.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil else {
      throw syntax("malformed number '\(string)'")
    }
    return string
  }

  /// A string, after its opening quote is peeked; escapes decoded, UTF-8 checked.
  func readString() throws(Failure) -> String {
    advance()
    bytes.removeAll(keepingCapacity: true)
    while true {
      guard let b = try peek() else { throw syntax("unterminated string") }
      if b < 0x20 { throw syntax("unescaped control character in a string") }
      advance()
      if b == UInt8(ascii: "\"") { break }
      if b != UInt8(ascii: "\\") {
        bytes.append(b)
        continue
      }
      guard let escape = try peek() else { throw syntax("unterminated string") }
      advance()
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
      case UInt8(ascii: "b"): bytes.append(0x08)
      case UInt8(ascii: "f"): bytes.append(0x0C)
      case UInt8(ascii: "n"): bytes.append(0x0A)
      case UInt8(ascii: "r"): bytes.append(0x0D)
      case UInt8(ascii: "t"): bytes.append(0x09)
      case UInt8(ascii: "u"): bytes.append(contentsOf: String(try readUnicodeEscape()).utf8)
      default: throw syntax("unknown escape '\\\(Unicode.Scalar(escape))'")
      }
    }
    guard let string = String(validating: bytes, as: UTF8.self) else { throw syntax("invalid UTF-8 in a string") }
    return string
  }

  /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
  private func readUnicodeEscape() throws(Failure) -> Unicode.Scalar {
    let high = try readHex4()
    if (0xD800..<0xDC00).contains(high) {
      guard try peek() == UInt8(ascii: "\\") else { throw syntax("unpaired surrogate in \\u escape") }
      advance()
      guard try peek() == UInt8(ascii: "u") else { throw syntax("unpaired surrogate in \\u escape") }
      advance()
      let low = try readHex4()
      guard (0xDC00..<0xE000).contains(low),
        let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      else { throw syntax("unpaired surrogate in \\u escape") }
      return scalar
    }
    guard let scalar = Unicode.Scalar(high) else { throw syntax("unpaired surrogate in \\u escape") }
    return scalar
  }

  private func readHex4() throws(Failure) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let c = try peek(), let digit = Character(Unicode.Scalar(c)).hexDigitValue else {
        throw syntax("malformed \\u escape")
      }
      value = value * 16 + UInt32(digit)
      advance()
    }
    return value
  }

  /// Skips a nested array or object, checking that its brackets match.
  private func skipComposite() throws(Failure) {
    var closers: [UInt8] = []
    repeat {
      guard let b = try peek() else { throw syntax("unexpected end of input") }
      switch b {
      case UInt8(ascii: "\""):
        _ = try readString()
        continue
      case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
      case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard closers.popLast() == b else { throw syntax("mismatched '\(Unicode.Scalar(b))'") }
      default: break
      }
      advance()
    } while !closers.isEmpty
  }
}
