/// Lowercase hexadecimal, as `sha256sum` prints a digest.
public enum Hex {
  /// Two digits per byte, without `String(format:)` (which goes through C varargs and dynamic casts per byte).
  public static func lowercase<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
