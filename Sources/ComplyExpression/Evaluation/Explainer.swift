import ComplyModel

/// Says which values and comparisons decided a condition, in both languages:
/// `开工日期 2018-03-01 < 环评批复日期 2018-04-10`.
///
/// It re-walks the checked expression with the `Interpreter` (a definition's value comes from its compiled program,
/// when the explainer was given the pack's definitions), so it costs nothing on the hot path: the engine calls it
/// for findings and `explain` only.
public struct Explainer: Sendable {
  public var schema: Schema
  public var definitionTitles: [String: LocalizedText]
  /// The one language to write, the other left empty (a report is in one language); nil writes both.
  public var language: Language?
  /// The definitions compiled, by name: a definition's value comes from its program, as the verdicts' do (the
  /// interpreter walked its whole body again for each finding).
  private let definitions: [String: Program]

  public init(
    schema: Schema, definitionTitles: [String: LocalizedText] = [:], definitions: [String: CheckedExpr] = [:],
    language: Language? = nil
  ) {
    self.schema = schema
    self.definitionTitles = definitionTitles
    self.definitions = definitions.mapValues(Program.init)
    self.language = language
  }

  /// An expression's value: a definition's through its program, anything else through the interpreter.
  func evaluate(_ expr: CheckedExpr, _ bindings: Bindings) -> Value {
    if case .definition(let name, _) = expr.kind, let program = definitions[name] { return program.evaluate(bindings) }
    return Interpreter.evaluate(expr, bindings)
  }

  /// A text in `language` only, or in both languages.
  @inline(__always)
  func text(_ zh: @autoclosure () -> String, _ en: @autoclosure () -> String) -> LocalizedText {
    LocalizedText(in: language, zh: zh(), en: en())
  }

  /// The facts that decided `expr`'s value for these bindings.
  public func explain(_ expr: CheckedExpr, _ bindings: Bindings) -> [LocalizedText] {
    explain(expr, bindings, value: evaluate(expr, bindings))
  }

  /// `explain` for an expression whose value the caller has (a finding's violation is `true`): each node is
  /// evaluated once on the way down (the walk had evaluated every node again at each level above it).
  public func explain(_ expr: CheckedExpr, _ bindings: Bindings, value: Value) -> [LocalizedText] {
    switch expr.kind {
    case .and(let a, let b), .or(let a, let b):
      let isAnd: Bool
      if case .and = expr.kind { isAnd = true } else { isAnd = false }
      let decisive = Value.bool(!isAnd)  // false decides an `and`, true an `or`
      let first = evaluate(a, bindings)
      if value == decisive && first == decisive { return explain(a, bindings, value: first) }
      let second = evaluate(b, bindings)
      if value == decisive && second == decisive { return explain(b, bindings, value: second) }
      let children = [(a, first), (b, second)]
      let relevant = value.isUnknown ? children.filter { $0.1.isUnknown } : children
      return relevant.flatMap { explain($0.0, bindings, value: $0.1) }
    case .not(let operand):
      return explain(operand, bindings)
    case .definition(_, let body) where body.type == .bool:
      return explain(body, bindings, value: value)
    case .call(let builtin, let arguments):
      let described = arguments.map { describe($0, bindings) }
      if let hook = builtin.explain {
        let fact = hook(described, value)
        return [text(fact.zh, fact.en)]
      }
      if arguments.count == 2, let symbol = Explainer.symbol(builtin.name, value) {
        return [text("\(described[0].zh) \(symbol) \(described[1].zh)", "\(described[0].en) \(symbol) \(described[1].en)")]
      }
      return [describe(expr, bindings, value: value)]
    default:
      return [describe(expr, bindings, value: value)]
    }
  }

  /// An operand as a person reads it: its label and its value.
  public func describe(_ expr: CheckedExpr, _ bindings: Bindings) -> LocalizedText {
    describe(expr, bindings, value: evaluate(expr, bindings))
  }

  private func describe(_ expr: CheckedExpr, _ bindings: Bindings, value: Value) -> LocalizedText {
    let shown = render(value)
    switch expr.kind {
    case .constant: return shown
    // A literal list (`["报告书", "报告表"]`) is shown as its value, like any literal.
    case .list(let items) where items.allSatisfy({ $0.constantValue != nil }): return shown
    case .field(let index):
      return label(schema.fields[index].title, shown, value)
    case .definition(let name, _):
      return label(definitionTitles[name] ?? LocalizedText(zh: name, en: name), shown, value)
    case .asOf:
      return text("检查基准日 \(shown.zh)", "as_of \(shown.en)")
    default:
      return text("\(expr.source) = \(shown.zh)", "\(expr.source) = \(shown.en)")
    }
  }

  /// `开工日期 2018-03-01`, or `环评批复日期（未填写）` when there is no value to show.
  func label(_ title: LocalizedText, _ shown: LocalizedText, _ value: Value) -> LocalizedText {
    switch value {
    case .null, .unknown: text("\(title.zh)\(shown.zh)", "\(title.en) \(shown.en)")
    default: text("\(title.zh) \(shown.zh)", "\(title.en) \(shown.en)")
    }
  }

  /// A value in an explanation, in `language` only or in both.
  func render(_ value: Value) -> LocalizedText {
    switch value {
    case .null, .unknown, .bool: return text(Explainer.render(value, in: .zh), Explainer.render(value, in: .en))
    default:
      // Dates and numbers read the same in both languages: made once.
      let shown = value.description
      return text(shown, shown)
    }
  }

  /// `render(_:)` in one language, for messages (which are made per language).
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

  /// The operator as it held: `<` when true, `≥` when false.
  static func symbol(_ name: String, _ value: Value) -> String? {
    // (as written, shown when true, shown when false)
    let forms: (String, String)
    switch name {
    case "<": forms = ("<", "≥")
    case ">": forms = (">", "≤")
    case "<=": forms = ("≤", ">")
    case ">=": forms = ("≥", "<")
    case "=": forms = ("=", "≠")
    case "!=": forms = ("≠", "=")
    case "in": return value == .bool(false) ? "∉" : "∈"
    default: return nil
    }
    switch value {
    case .bool(true): return forms.0
    case .bool(false): return forms.1
    default: return "?" + forms.0
    }
  }
}
