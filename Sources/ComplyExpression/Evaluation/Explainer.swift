import ComplyModel

/// Says which values and comparisons decided a condition, in both languages:
/// `开工日期 2018-03-01 < 环评批复日期 2018-04-10`.
///
/// An expression is compiled once into an `Explanation` (nested closures over compiled programs, as a `Program`
/// is), which then speaks for any record: the engine compiles each rule's violation when it is made, and pays
/// for the words only when a rule fires.
public struct Explainer: Sendable {
  public var schema: Schema
  public var definitionTitles: [String: LocalizedText]
  /// The one language to write, the other left empty (a report is in one language); nil writes both.
  public var language: Language?

  public init(schema: Schema, definitionTitles: [String: LocalizedText] = [:], language: Language? = nil) {
    self.schema = schema
    self.definitionTitles = definitionTitles
    self.language = language
  }

  /// A text in `language` only, or in both languages.
  @inline(__always)
  func text(_ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> LocalizedText {
    LocalizedText(in: language, zh: zh(), en: en())
  }

  /// The facts that decided `expr`'s value for these bindings.
  public func explain(_ expr: CheckedExpr, _ bindings: Bindings) -> [LocalizedText] {
    explanation(expr).explain(bindings)
  }

  /// `explain` for an expression whose value the caller has (a finding's violation is `true`).
  public func explain(_ expr: CheckedExpr, _ bindings: Bindings, value: Value) -> [LocalizedText] {
    explanation(expr).explain(bindings, value: value)
  }

  /// An operand as a person reads it: its label and its value.
  public func describe(_ expr: CheckedExpr, _ bindings: Bindings) -> LocalizedText {
    describer(expr)(bindings)
  }

  /// A value as explanations and messages show it, in one language.
  public static func render(_ value: Value, in language: Language) -> String {
    switch (value, language) {
    case (.null, .zh): "（未填写）"
    case (.null, .en): "(not set)"
    case (.unknown, .zh): "（无法确定）"
    case (.unknown, .en): "(unknown)"
    case (.bool(let b), .zh): b ? "是" : "否"
    case (.bool(let b), .en): b ? "yes" : "no"
    default: value.description
    }
  }

  /// How a comparison's operator is shown: as written when it held, negated when it did not, marked when its
  /// value is unknown (`<`, `≥`, `?<`); nil for a builtin that is not a comparison.
  struct Symbols: Sendable {
    var held: String
    var failed: String
    var unknown: String

    init?(_ name: String) {
      // (as written, shown when true, shown when false)
      let forms: (String, String)
      switch name {
      case "<": forms = ("<", "≥")
      case ">": forms = (">", "≤")
      case "<=": forms = ("≤", ">")
      case ">=": forms = ("≥", "<")
      case "=": forms = ("=", "≠")
      case "!=": forms = ("≠", "=")
      case "in":
        (held, failed, unknown) = ("∈", "∉", "∈")
        return
      default: return nil
      }
      (held, failed, unknown) = (forms.0, forms.1, "?" + forms.0)
    }

    func shown(_ value: Value) -> String {
      switch value {
      case .bool(true): held
      case .bool(false): failed
      default: unknown
      }
    }
  }
}
