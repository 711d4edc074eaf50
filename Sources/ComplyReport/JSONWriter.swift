/// A small JSON value with ordered keys, rendered compactly or indented. Reports build these instead of
/// `[String: Any]`, so key order is the documented order and output is deterministic.
public indirect enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.render() == b.render() }

  public static func int(_ value: Int) -> JSON { .int(Int64(value)) }

  public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

  /// Compact when `indent` is nil; otherwise pretty, with the given indentation prefix for nested lines.
  public func render(indent: String? = nil) -> String {
    var out = ""
    write(into: &out, indent: indent, level: 0)
    return out
  }

  func write(into out: inout String, indent: String?, level: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let n): out += n.isFinite ? (n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)) : "null"
    case .string(let s): JSON.escape(s, into: &out)
    case .array(let items):
      guard !items.isEmpty else { out += "[]"; return }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        newline(&out, indent, level + 1)
        item.write(into: &out, indent: indent, level: level + 1)
      }
      newline(&out, indent, level)
      out += "]"
    case .object(let pairs):
      guard !pairs.isEmpty else { out += "{}"; return }
      out += "{"
      for (i, (key, value)) in pairs.enumerated() {
        if i > 0 { out += "," }
        newline(&out, indent, level + 1)
        JSON.escape(key, into: &out)
        out += indent == nil ? ":" : ": "
        value.write(into: &out, indent: indent, level: level + 1)
      }
      newline(&out, indent, level)
      out += "}"
    }
  }

  private func newline(_ out: inout String, _ indent: String?, _ level: Int) {
    guard let indent else { return }
    out += "\n" + String(repeating: indent, count: level)
  }

  /// JSON string escaping per RFC 8259.
  public static func escape(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
