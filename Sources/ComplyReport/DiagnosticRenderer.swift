import ComplyModel
import Foundation

/// Renders diagnostics as `file:line:col: error: message [code]`, then the source line and a caret placed by
/// display width (so it sits under Chinese text too), then notes.
public struct DiagnosticRenderer {
  public var colour: Bool
  private var files: [String: [Substring]] = [:]

  public init(colour: Bool) { self.colour = colour }

  public mutating func render(_ diagnostic: Diagnostic) -> String {
    var out = ""
    let severity = diagnostic.severity.rawValue
    let painted = colour ? paint(severity, diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "33" : "36") : severity
    let prefix = diagnostic.location.map { "\($0): " } ?? ""
    out += "\(prefix)\(painted): \(diagnostic.message) [\(diagnostic.code)]\n"
    if let location = diagnostic.location, location.column > 0, let line = sourceLine(location) {
      let before = String(String.UnicodeScalarView(line.unicodeScalars.prefix(location.column - 1)))
      let pad = String(repeating: " ", count: DiagnosticRenderer.displayWidth(before.replacingOccurrences(of: "\t", with: " ")))
      out += "\(line)\n\(pad)\(colour ? paint("^", "32") : "^")\n"
    }
    for note in diagnostic.notes {
      let at = note.location.map { "\($0): " } ?? ""
      out += "\(at)note: \(note.message)\n"
    }
    return out
  }

  private mutating func sourceLine(_ location: Location) -> Substring? {
    if files[location.file] == nil {
      guard let data = FileManager.default.contents(atPath: location.file), data.count <= 16 << 20,
        let text = String(data: data, encoding: .utf8)
      else { return nil }
      files[location.file] = SourceText.lines(text)
    }
    guard let lines = files[location.file], location.line >= 1, location.line <= lines.count else { return nil }
    return lines[location.line - 1]
  }

  private func paint(_ text: String, _ code: String) -> String { "\u{1B}[\(code)m\(text)\u{1B}[0m" }

  /// Terminal columns: East Asian wide and full-width characters take two, combining marks none.
  public static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
  }

  static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
    if v == 0x200B || v == 0xFEFF { return 0 }
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    return wide.contains { $0.contains(v) } ? 2 : 1
  }
}
