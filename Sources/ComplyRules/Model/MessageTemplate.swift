import ComplyExpression
import ComplyModel

/// A message with `{expression}` holes, per language. `{{` and `}}` are literal braces.
public struct MessageTemplate: Sendable {
  public enum Part: Sendable {
    case text(String)
    case value(Program)
  }

  public var zh: [Part]
  public var en: [Part]

  /// The message for one record in both languages, or in `only` (the other left empty).
  public func render(_ bindings: Bindings, only: Language? = nil) -> LocalizedText {
    LocalizedText(
      in: only, zh: MessageTemplate.render(zh, bindings, .zh), en: MessageTemplate.render(en, bindings, .en))
  }

  static func render(_ parts: [Part], _ bindings: Bindings, _ language: Language) -> String {
    // Room for a typical message at once: growing from empty reallocates several times per finding.
    var text = ""
    text.reserveCapacity(256)
    // By index: `for part in parts` copies each part, a retain of its program.
    for i in parts.indices {
      switch parts[i] {
      case .text(let t): text += t
      case .value(let program): text += Explainer.render(program.evaluate(bindings), in: language)
      }
    }
    return text
  }

  /// Splits a template into text and `{…}` holes; each hole's offset (in Unicode scalars) is returned for
  /// diagnostics. Nil with an offset when a brace is unbalanced.
  static func split(_ template: String) -> Result<[(hole: Bool, text: String, offset: Int)], UnbalancedBrace> {
    var parts: [(hole: Bool, text: String, offset: Int)] = []
    let scalars = Array(template.unicodeScalars)
    var current = String.UnicodeScalarView()
    var i = 0
    var holeStart = -1
    while i < scalars.count {
      let c = scalars[i]
      let next = i + 1 < scalars.count ? scalars[i + 1] : nil
      if holeStart < 0 {
        if c == "{" && next == "{" || c == "}" && next == "}" {
          current.append(c)
          i += 2
          continue
        }
        if c == "}" { return .failure(UnbalancedBrace(offset: i)) }
        if c == "{" {
          if !current.isEmpty { parts.append((false, String(current), 0)) }
          current = String.UnicodeScalarView()
          holeStart = i
        } else {
          current.append(c)
        }
      } else if c == "}" {
        parts.append((true, String(current), holeStart + 1))
        current = String.UnicodeScalarView()
        holeStart = -1
      } else {
        current.append(c)
      }
      i += 1
    }
    if holeStart >= 0 { return .failure(UnbalancedBrace(offset: holeStart)) }
    if !current.isEmpty { parts.append((false, String(current), 0)) }
    return .success(parts)
  }
}

/// An unbalanced `{` or `}` in a message, at an offset in Unicode scalars.
struct UnbalancedBrace: Error {
  var offset: Int
}
