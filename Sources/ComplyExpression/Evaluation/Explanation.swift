import ComplyModel

/// `Explainer.explain` compiled for one expression: which nodes speak, their operands' programs and labels, and
/// their operators are settled once, so that explaining a record evaluates compiled programs and writes words,
/// with no walk over the checked tree (each step of which copied a node).
public struct Explanation: Sendable {
  /// Appends the facts that decided the expression, given its value.
  typealias Say = @Sendable (Bindings, Value, inout [LocalizedText]) -> Void

  let run: Program.Run
  let say: Say

  /// The facts that decided the expression's value for these bindings.
  public func explain(_ bindings: Bindings) -> [LocalizedText] { explain(bindings, value: run(bindings)) }

  /// The facts, for a value the caller has (a finding's violation is `true`).
  public func explain(_ bindings: Bindings, value: Value) -> [LocalizedText] {
    var facts: [LocalizedText] = []
    say(bindings, value, &facts)
    return facts
  }
}

extension Explainer {
  /// `expr` compiled for explaining.
  public func explanation(_ expr: CheckedExpr) -> Explanation {
    Explanation(run: Program.compile(expr), say: say(expr))
  }

  /// The facts of a node with a given value. An `and` is decided by a false side, an `or` by a true one: when a
  /// side decides, it alone is explained; otherwise both are, or only the unknown ones when the value is unknown.
  func say(_ expr: CheckedExpr) -> Explanation.Say {
    switch expr.kind {
    case .and(let a, let b), .or(let a, let b):
      let isAnd: Bool
      if case .and = expr.kind { isAnd = true } else { isAnd = false }
      let decisive = Value.bool(!isAnd)
      let (first, sayFirst) = (Program.compile(a), say(a))
      let (second, saySecond) = (Program.compile(b), say(b))
      return { bindings, value, facts in
        let x = first(bindings)
        if value == decisive && x == decisive { return sayFirst(bindings, x, &facts) }
        let y = second(bindings)
        if value == decisive && y == decisive { return saySecond(bindings, y, &facts) }
        if !value.isUnknown || x.isUnknown { sayFirst(bindings, x, &facts) }
        if !value.isUnknown || y.isUnknown { saySecond(bindings, y, &facts) }
      }
    case .not(let operand):
      let (run, sayOperand) = (Program.compile(operand), say(operand))
      return { bindings, _, facts in sayOperand(bindings, run(bindings), &facts) }
    case .definition(_, let body) where body.type == .bool:
      return say(body)
    case .call(let builtin, let arguments):
      if let hook = builtin.explain {
        let operands = arguments.map(describer)
        return { bindings, value, facts in
          let fact = hook(operands.map { $0(bindings) }, value)
          facts.append(text(fact.zh, fact.en))
        }
      }
      if arguments.count == 2, let symbols = Symbols(builtin.name) {
        // Written straight into one text per language: making each operand's text first, then joining them,
        // made and copied three strings for each.
        let (lhs, showLhs) = (Program.compile(arguments[0]), writer(arguments[0]))
        let (rhs, showRhs) = (Program.compile(arguments[1]), writer(arguments[1]))
        return { bindings, value, facts in
          let (a, b) = (lhs(bindings), rhs(bindings))
          let symbol = symbols.shown(value)
          facts.append(words { language, text in
            showLhs(a, language, &text)
            text += " "
            text += symbol
            text += " "
            showRhs(b, language, &text)
          })
        }
      }
      let show = writer(expr)
      return { _, value, facts in facts.append(words { show(value, $0, &$1) }) }
    default:
      let show = writer(expr)
      return { _, value, facts in facts.append(words { show(value, $0, &$1) }) }
    }
  }

  /// An operand evaluated and described.
  func describer(_ expr: CheckedExpr) -> @Sendable (Bindings) -> LocalizedText {
    let (run, show) = (Program.compile(expr), writer(expr))
    return { bindings in
      let value = run(bindings)
      return words { show(value, $0, &$1) }
    }
  }

  /// A text in `language` only, or in both, each written by `write` into one string.
  func words(_ write: (Language, inout String) -> Void) -> LocalizedText {
    func written(_ language: Language) -> String {
      var text = ""
      text.reserveCapacity(64)
      write(language, &text)
      return text
    }
    return text(written(.zh), written(.en))
  }

  /// How a node's value is written in a language: a literal as itself, a field or a definition with its title
  /// (`开工日期 2018-03-01`, or `环评批复日期（未填写）` when there is no value to show), `as_of` named, anything
  /// else with its source text.
  func writer(_ expr: CheckedExpr) -> @Sendable (Value, Language, inout String) -> Void {
    let title: LocalizedText
    switch expr.kind {
    case .constant:
      return { value, language, text in text += Explainer.render(value, in: language) }
    // A literal list (`["报告书", "报告表"]`) is shown as its value, like any literal.
    case .list(let items) where items.allSatisfy({ $0.constantValue != nil }):
      return { value, language, text in text += Explainer.render(value, in: language) }
    case .field(let index):
      title = schema.fields[index].title
    case .definition(let name, _):
      title = definitionTitles[name] ?? LocalizedText(zh: name, en: name)
    case .asOf:
      let names = LocalizedText(zh: "检查基准日 ", en: "as_of ")
      return { value, language, text in
        text += names[language]
        text += Explainer.render(value, in: language)
      }
    default:
      let source = expr.source + " = "
      return { value, language, text in
        text += source
        text += Explainer.render(value, in: language)
      }
    }
    return { value, language, text in
      text += title[language]
      switch (value, language) {
      case (.null, .zh), (.unknown, .zh): break
      default: text += " "
      }
      text += Explainer.render(value, in: language)
    }
  }
}
