import ComplyModel

extension TypeChecker {
  mutating func call(_ name: String, _ arguments: [Expr], _ expr: Expr) -> CheckedExpr {
    guard let builtin = Builtins.named(name) else {
      let notes = Suggestion.closest(to: name, among: Builtins.functionNames).map { ["did you mean '\($0)'?"] } ?? []
      return fail(.exprUnknownFunction, "unknown function '\(name)'", at: expr, notes: notes)
    }
    guard builtin.arity.contains(arguments.count) else {
      let expected =
        builtin.arity.count == 1 ? "\(builtin.arity.lowerBound)"
        : builtin.arity.upperBound > 32 ? "at least \(builtin.arity.lowerBound)"
        : "\(builtin.arity.lowerBound) to \(builtin.arity.upperBound)"
      return fail(.exprArity, "'\(name)' takes \(expected) argument(s), found \(arguments.count)", at: expr)
    }
    let checked = arguments.map { check($0) }
    let fields = checked.reduce(FieldSet()) { $0.union($1.fields) }
    let resultType: ExprType
    switch builtin.signature(checked.map(\.type)) {
    case .returns(let type): resultType = type
    case .mismatch(let i, let message):
      // `in` and unary minus (`neg`) are operators, written as a word or a symbol.
      let what =
        Builtins.functionNames.contains(name) ? "argument \(i + 1) of '\(name)'" : "operand of '\(name == "-x" ? "-" : name)'"
      return fail(.exprType, "\(what): \(message)", at: arguments[min(i, arguments.count - 1)])
    }
    checkEnumLiterals(name, checked, arguments)
    var resolved = builtin
    if let specialize = builtin.specialize {
      switch specialize(checked.map(\.constantValue)) {
      case .success(let implementation): resolved.implementation = implementation
      case .failure(let error):
        let argument = arguments[min(error.argument, arguments.count - 1)]
        var position = argument.position
        if error.offset > 0, !argument.source.contains("\n") { position.column += 1 + error.offset }
        errors.append(ExpressionError(.exprPattern, error.message, at: position))
      }
    }
    return CheckedExpr(.call(resolved, checked), type: resultType, fields: fields, position: expr.position, source: expr.source)
  }

  /// `eia_category = "报告书"` and `eia_category in [...]`: every literal must be a canonical value of the enum.
  private mutating func checkEnumLiterals(_ name: String, _ checked: [CheckedExpr], _ arguments: [Expr]) {
    guard ["=", "!=", "in"].contains(name), checked.count == 2 else { return }
    for (fieldSide, literalSide) in [(0, 1), (1, 0)] {
      guard case .field(let index) = checked[fieldSide].kind else { continue }
      let field = environment.schema.fields[index]
      guard field.type == .enumeration else { continue }
      let literals: [(Expr, String)]
      switch arguments[literalSide].kind {
      case .literal(.text(let t)): literals = [(arguments[literalSide], t)]
      case .list(let items):
        literals = items.compactMap { item in
          if case .literal(.text(let t)) = item.kind { return (item, t) }
          return nil
        }
      default: literals = []
      }
      for (literal, text) in literals where !field.values.contains(where: { $0.canonical == text }) {
        let canonical = field.values.map(\.canonical)
        var notes: [String] = []
        if let owner = field.values.first(where: { $0.spellings.contains(text) }) {
          notes.append("'\(text)' is a spelling of '\(owner.canonical)'; conditions use canonical values")
        } else if let close = Suggestion.closest(to: text, among: canonical) {
          notes.append("did you mean '\(close)'?")
        }
        let list = canonical.joined(separator: ", ")
        errors.append(
          ExpressionError(.exprLiteral, "'\(text)' is not a value of \(field.name) (\(list))", at: literal.position, notes: notes))
      }
    }
  }
}
