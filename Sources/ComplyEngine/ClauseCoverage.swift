import ComplyExpression
import ComplyModel
import ComplyRules

/// Whether each clause of a rule's conditions was seen both true and false across its examples: a clause never
/// seen false is one no example shows mattering.
public struct ClauseCoverage: Sendable {
  public struct Clause: Sendable {
    public var condition: String  // "scope" or "violation"
    public var source: String
    public var seenTrue: Bool
    public var seenFalse: Bool
    public var covered: Bool { seenTrue && seenFalse }
  }

  public var ruleID: String
  public var violationExamples: Int
  public var otherExamples: Int
  public var clauses: [Clause]
  public var uncovered: [Clause] { clauses.filter { !$0.covered } }

  public init(rule: Rule, pack: RulePack) {
    ruleID = rule.id
    violationExamples = rule.examples.filter { $0.expect == .violation }.count
    otherExamples = rule.examples.count - violationExamples
    let runner = ExampleRunner(pack: pack)
    var clauses: [Clause] = []
    for (name, program) in [("scope", rule.scope), ("violation", rule.violation)] {
      for atom in ClauseCoverage.atoms(program.checked) {
        var clause = Clause(condition: name, source: atom.source, seenTrue: false, seenFalse: false)
        for example in rule.examples {
          let bindings = Engine(pack: pack, rules: [rule], asOf: example.asOf).bindings(for: runner.record(for: example))
          switch Interpreter.evaluate(atom, bindings) {
          case .bool(true): clause.seenTrue = true
          case .bool(false): clause.seenFalse = true
          default: break
          }
        }
        clauses.append(clause)
      }
    }
    self.clauses = clauses
  }

  /// The leaves of the and/or/not tree: comparisons and calls that yield a truth value. A constant is no clause.
  static func atoms(_ expr: CheckedExpr) -> [CheckedExpr] {
    switch expr.kind {
    case .and(let a, let b), .or(let a, let b): atoms(a) + atoms(b)
    case .not(let a): atoms(a)
    case .definition(_, let body) where body.type == .bool: atoms(body)
    case .constant: []
    default: [expr]
    }
  }
}
