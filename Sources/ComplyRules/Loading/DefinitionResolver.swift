import ComplyExpression
import ComplyModel

/// Checks a pack's definitions in dependency order, so that each can use the ones it names, and reports a
/// definition that refers to itself, directly or through others.
enum DefinitionResolver {
  static func resolve(_ pack: PackFile, schema: Schema, document: YAMLDocument, _ diagnostics: inout [Diagnostic])
    -> [String: CheckedExpr]
  {
    var parsed: [String: (Expr, ExpressionSource)] = [:]
    for definition in pack.definitions {
      if schema.index(of: definition.name) != nil || definition.name == "as_of" {
        diagnostics.append(
          .error(.packSchema, "definition '\(definition.name)' has the name of a field", at: definition.location))
        continue
      }
      switch ExpressionSource.make(definition.node, in: document) {
      case .failure(let diagnostic): diagnostics.append(diagnostic)
      case .success(let source):
        switch Parser.parse(source.text) {
        case .failure(let error): diagnostics.append(source.diagnostic(for: error))
        case .success(let expr): parsed[definition.name] = (expr, source)
        }
      }
    }
    var checked: [String: CheckedExpr] = [:]
    var state: [String: Bool] = [:]  // false: in progress, true: done
    func visit(_ name: String, _ chain: [String]) {
      guard let (expr, source) = parsed[name], state[name] != true else { return }
      if state[name] == false {
        let cycle = (chain.drop { $0 != name } + [name]).joined(separator: " → ")
        diagnostics.append(.error(.packCycle, "definition '\(name)' refers to itself: \(cycle)", at: source.location(of: expr.position)))
        return
      }
      state[name] = false
      let dependencies = names(in: expr).filter { parsed[$0] != nil }
      for dependency in dependencies { visit(dependency, chain + [name]) }
      state[name] = true
      // A dependency in a cycle or with its own error is reported already; checking this one would only add
      // "unknown field" for it.
      guard dependencies.allSatisfy({ checked[$0] != nil }) else { return }
      switch TypeChecker.check(expr, in: Environment(schema: schema, definitions: checked)) {
      case .success(let result): checked[name] = result
      case .failure(let errors): diagnostics += errors.errors.map(source.diagnostic(for:))
      }
    }
    for definition in pack.definitions { visit(definition.name, []) }
    return checked
  }

  static func names(in expr: Expr) -> [String] {
    switch expr.kind {
    case .literal: []
    case .name(let name): [name]
    case .list(let items): items.flatMap(names(in:))
    case .not(let a): names(in: a)
    case .and(let a, let b), .or(let a, let b): names(in: a) + names(in: b)
    case .call(_, let arguments): arguments.flatMap(names(in:))
    }
  }
}
