import ComplySIMD
import Foundation

/// Turns register bytes into text, in the encoding detected from the start of the file.
///
/// CSV is split into cells on bytes and each cell decoded on its own. That is sound for GB18030 too: the bytes
/// `\n`, `\r`, `"` and `,` never occur inside its multibyte sequences (trail bytes are 0x30–0x39 or 0x40–0xFE
/// minus 0x7F). GBK and GB2312 files are GB18030 subsets and read the same way.
struct TextDecoder {
  enum Encoding: Hashable {
    case utf8
    case gb18030
  }

  /// Foundation's name for GB18030 (kCFStringEncodingGB_18030_2000).
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  /// How many bytes the detection looks at.
  static let prefixLength = 64 << 10

  let encoding: Encoding

  init(encoding: Encoding) { self.encoding = encoding }

  /// Chooses the encoding from the first bytes of a file, after any UTF-8 BOM. `complete` says these bytes are
  /// the whole file, so a multibyte sequence cut at the end is an error rather than an artefact of the prefix.
  init(detectingFrom prefix: ArraySlice<UInt8>, complete: Bool, requested: InputEncoding, path: String)
    throws(InputError)
  {
    if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) {
      throw .undecodable(path: path, reason: "UTF-16 is not supported; save the register as UTF-8 CSV")
    }
    let cuts = complete ? [prefix] : TextDecoder.cuts(of: prefix)
    switch requested {
    case .utf8:
      guard cuts.contains(where: TextDecoder.isUTF8) else {
        throw .undecodable(path: path, reason: "not valid UTF-8 (try --encoding gb18030)")
      }
      encoding = .utf8
    case .gb18030:
      guard cuts.contains(where: TextDecoder.isGB18030) else {
        throw .undecodable(path: path, reason: "not valid GB18030")
      }
      encoding = .gb18030
    case .auto:
      if cuts.contains(where: TextDecoder.isUTF8) {
        encoding = .utf8
      } else if cuts.contains(where: TextDecoder.isGB18030) {
        encoding = .gb18030
      } else {
        throw .undecodable(path: path, reason: "neither UTF-8 nor GB18030")
      }
    }
  }

  /// The prefix ending at its last line break (which no multibyte sequence contains), else the prefix less 0–3
  /// trailing bytes, so that a character cut by the prefix's end does not fail detection.
  private static func cuts(of prefix: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    if let newline = prefix.lastIndex(of: 0x0A) { return [prefix[...newline]] }
    return (0...min(3, prefix.count)).map { prefix.dropLast($0) }
  }

  private static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withContiguousStorageIfAvailable { String(validating: $0, as: UTF8.self) != nil }
      ?? (String(validating: Array(bytes), as: UTF8.self) != nil)
  }

  private static func isGB18030(_ bytes: ArraySlice<UInt8>) -> Bool {
    String(bytes: bytes, encoding: gb18030) != nil
  }

  /// The text of `bytes`, or nil when they are not valid in this encoding.
  func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    switch encoding {
    case .utf8:
      // `String(validating:)` is generic and looks up type metadata on every call; this costs a third as much.
      return TextDecoder.isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    case .gb18030:
      if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
      return String(bytes: bytes, encoding: TextDecoder.gb18030)
    }
  }

  /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or scalars past U+10FFFF): by table
  /// lookups 32 bytes at a time where the processor has AVX2 (`ComplySIMD`), else by `isValidUTF8InSwift`.
  @inline(__always)
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    switch comply_utf8_valid(base, bytes.count) {
    case 1: return true
    case 0: return false
    default: return isValidUTF8InSwift(bytes)
    }
  }

  /// `isValidUTF8` a word at a time: the path without vector instructions, and the reference the tests compare
  /// the vector path with.
  static func isValidUTF8InSwift(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    let raw = UnsafeRawBufferPointer(bytes)
    while i < n {
      // Eight ASCII bytes at a time; a word with a byte above ASCII skips the ASCII bytes before it at once.
      if i + 8 <= n {
        let high = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080
        if high == 0 {
          i += 8
          continue
        }
        i += high.trailingZeroBitCount >> 3
      }
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      // The commonest sequence in a Chinese register: a three-byte character led by E1–EC (no range limits
      // beyond continuation bytes), checked with one mask; two of them in a row with one word.
      if i + 8 <= n {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let (first, second) = (UInt8(truncatingIfNeeded: word), UInt8(truncatingIfNeeded: word >> 24))
        if first &- 0xE1 <= 0x0B && second &- 0xE1 <= 0x0B
          && word & 0x0000_C0C0_00C0_C000 == 0x0000_8080_0080_8000
        {
          i += 6
          continue
        }
      }
      if lead >= 0xE1 && lead <= 0xEC && i + 3 <= n
        && (UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i + 2])) & 0xC0C0 == 0x8080
      {
        i += 3
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: (length, low) = (3, 0xA0)
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: (length, high) = (3, 0x9F)
      case 0xF0: (length, low) = (4, 0x90)
      case 0xF1...0xF3: length = 4
      case 0xF4: (length, high) = (4, 0x8F)
      default: return false
      }
      guard i + length <= n, (low...high).contains(bytes[i + 1]) else { return false }
      for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return false }
      i += length
    }
    return true
  }

  /// The whole input as UTF-8 bytes, for the formats that are parsed whole or byte by byte as UTF-8 (JSON, YAML).
  func utf8Bytes(_ bytes: [UInt8], path: String) throws(InputError) -> [UInt8] {
    switch encoding {
    case .utf8:
      guard String(validating: bytes, as: UTF8.self) != nil else {
        throw .undecodable(path: path, reason: "not valid UTF-8 past the start of the file")
      }
      return bytes
    case .gb18030:
      guard let text = String(bytes: bytes, encoding: TextDecoder.gb18030) else {
        throw .undecodable(path: path, reason: "not valid GB18030 past the start of the file")
      }
      return Array(text.utf8)
    }
  }
}
