import ComplyExpression
import ComplyModel
import ComplyRules

/// Judges records against a pack's compiled rules for one audit date.
///
/// The hot path evaluates each rule's compiled scope and violation programs; only findings (and `explain`) pay
/// for messages, evidence, penalties and explanations.
public struct Engine: Sendable {
  public let pack: RulePack
  public let rules: [Rule]
  public let asOf: Day
  /// The pack's grouping fields in name order, as findings list them.
  let groupFields: [(name: String, field: Int)]
  /// Each rule's violation compiled for explaining, for its findings' `decided_by`.
  let explanations: [Explanation]
  /// Each rule's evidence items, with their labels made once.
  let evidencePlans: [[EvidenceStep]]
  /// The one language findings' messages and explanations are written in (the other left empty), for a run
  /// that reports in one language; nil writes both.
  public let language: Language?
  /// Every rule in force on `asOf`, chained into one closure: true when all are compliant or not applicable.
  /// A closure captured by another is called without being retained, unlike one loaded from an array or an
  /// object on every row.
  private let allClean: @Sendable (Bindings) -> Bool
  /// The same test over unboxed cells: rules whose conditions compile to `CellProgram`s run on cells, the others
  /// on values; `cellReader` fills the cells they read.
  private let cleanCells: @Sendable (CellRow, () -> [Value]) -> Bool
  private let cellReader: CellReader
  private let deciders: [Decider]
  /// Each rule's verdict on cells where they settle it (`Decider.settle`), written to `out[i]` for rule i (nil
  /// where the values must decide). A chain, as `allClean` is: reading each rule's programs from an array copied
  /// them, four retains and releases per rule of each judged record on objects every worker shares.
  private let settleAll: @Sendable (CellRow, UnsafeMutablePointer<Verdict?>) -> Void
  /// The rules in force compiled for batches of rows (scope, violation, scope, …), when every one of them has
  /// cell programs: the clean-row test a loop per operation, for the CSV reader's batches.
  private let batchClean: CellBatchProgram?

  public init(pack: RulePack, rules: [Rule]? = nil, asOf: Day, language: Language? = nil) {
    self.pack = pack
    self.rules = rules ?? pack.rules
    self.asOf = asOf
    self.language = language
    groupFields = pack.schema.groupFields.map { (name: pack.schema.fields[$0].name, field: $0) }
      .sorted { $0.name < $1.name }
    let explainer = pack.explainer(language: language)
    explanations = self.rules.map { explainer.explanation($0.violation.checked) }
    evidencePlans = self.rules.map { $0.evidence.map(EvidenceStep.init) }
    let cells = self.rules.map { rule -> (scope: CellProgram, violation: CellProgram)? in
      guard let scope = CellProgram(rule.scope.checked, schema: pack.schema),
        let violation = CellProgram(rule.violation.checked, schema: pack.schema)
      else { return nil }
      return (scope, violation)
    }
    deciders = self.rules.map { Decider($0, asOf: asOf) }
    settleAll = Engine.chainSettle(zip(self.rules, cells).map { ($0.isInForce(on: asOf), $1) })
    let inForce = self.rules.filter { $0.isInForce(on: asOf) }
    allClean = Engine.chain(inForce)
    let inForceCells = zip(self.rules, cells).filter { $0.0.isInForce(on: asOf) }
    (cellReader, cleanCells) = Engine.chainCells(inForceCells, schema: pack.schema)
    batchClean =
      inForceCells.allSatisfy { $0.1 != nil }
      ? CellBatchProgram(inForce.flatMap { [$0.scope.checked, $0.violation.checked] }, schema: pack.schema) : nil
  }

  /// Whether `screen` tests batches of rows (every rule in force has cell programs).
  public var screensBatches: Bool { batchClean != nil }

  /// `isClean(cells:values:)` for each row of `rows`, written to `clean`; false, writing nothing, when some rule in
  /// force has no cell program (each row is then tested alone). Rows are typed as for `isClean(cells:values:)`.
  public func screen(_ rows: CellRows, into clean: UnsafeMutablePointer<Bool>) -> Bool {
    guard let batchClean else { return false }
    batchClean.settle(rows, asOf: asOf.number, into: clean)
    return true
  }

  /// What the rules see of a record (date fields are masked by `as_of` as they are read).
  public func bindings(for record: Record) -> Bindings { Bindings(values: record.values, asOf: asOf) }

  /// Whether every rule is compliant or not applicable: the common case, decided without building anything.
  /// Rows that are not clean go through `judge` for their findings and undetermined outcomes.
  public func isClean(_ values: [Value]) -> Bool {
    withUnsafeTemporaryAllocation(of: Cell.self, capacity: cellReader.width) { buffer in
      guard let base = buffer.baseAddress, cellReader.read(values, into: base) else { return isCleanOnValues(values) }
      return cleanCells(CellRow(cells: base, asOf: asOf.number)) { values }
    }
  }

  /// `isClean` for a row read as cells: one per schema field, every field a rule reads filled in (as the CSV
  /// block reader fills them). `values` makes the row's values, for rules that have no cell program.
  public func isClean(cells: UnsafePointer<Cell>, values: () -> [Value]) -> Bool {
    cleanCells(CellRow(cells: cells, asOf: asOf.number), values)
  }

  /// `isClean` on values only, the reference the cell path is tested against.
  func isCleanOnValues(_ values: [Value]) -> Bool { allClean(Bindings(values: values, asOf: asOf)) }

  /// The in-force rules chained, each with its conditions over cells when both compile (else over values).
  private static func chainCells(_ rules: [(Rule, (scope: CellProgram, violation: CellProgram)?)], schema: Schema)
    -> (CellReader, @Sendable (CellRow, () -> [Value]) -> Bool)
  {
    var fields = FieldSet()
    var next: @Sendable (CellRow, () -> [Value]) -> Bool = { _, _ in true }
    for (rule, cells) in rules.reversed() {
      let rest = next
      guard let (scope, violation) = cells else {
        let onValues = chain([rule])
        next = { row, values in onValues(Bindings(values: values(), asOf: Day(number: row.asOf))) && rest(row, values) }
        continue
      }
      fields = fields.union(scope.fields).union(violation.fields)
      let (inScope, violated) = (scope.run, violation.run)
      next = { row, values in Decider.settle(inScope, violated, row) != nil && rest(row, values) }
    }
    return (CellReader(schema: schema, fields: fields), next)
  }

  /// `settleAll` for rules in force or not, with their cell programs where both conditions have one.
  private static func chainSettle(_ rules: [(inForce: Bool, cells: (scope: CellProgram, violation: CellProgram)?)])
    -> @Sendable (CellRow, UnsafeMutablePointer<Verdict?>) -> Void
  {
    var next: @Sendable (CellRow, UnsafeMutablePointer<Verdict?>) -> Void = { _, _ in }
    for (i, rule) in rules.enumerated().reversed() {
      let rest = next
      guard rule.inForce, let (scope, violation) = rule.cells.map({ ($0.scope.run, $0.violation.run) }) else {
        let verdict: Verdict? = rule.inForce ? nil : .notApplicable
        next = { row, out in
          out[i] = verdict
          rest(row, out)
        }
        continue
      }
      next = { row, out in
        out[i] = Decider.settle(scope, violation, row)
        rest(row, out)
      }
    }
    return next
  }

  private static func chain(_ rules: [Rule]) -> @Sendable (Bindings) -> Bool {
    var next: @Sendable (Bindings) -> Bool = { _ in true }
    for rule in rules.reversed() {
      let scope = rule.scope.run
      let violation = rule.violation.run
      let rest = next
      next = { bindings in
        switch scope(bindings) {
        case .bool(false): break
        case .bool(true):
          guard case .bool(false) = violation(bindings) else { return false }
        default: return false
        }
        return rest(bindings)
      }
    }
    return next
  }

  /// Every rule's verdict for the record, and the findings and undetermined outcomes among them.
  ///
  /// `cells`, when given, are the record's cells as the CSV block reader typed them (as for
  /// `isClean(cells:values:)`): a rule whose conditions run on cells is decided on them, and only a violation or
  /// an undetermined outcome is decided again on values, for its finding or the fields in doubt.
  public func judge(_ record: Record, cells: UnsafePointer<Cell>? = nil) -> Judgement {
    let bindings = bindings(for: record)
    let key = record.key(in: pack.schema)
    var judgement = Judgement(source: record.source, recordKey: key, verdicts: [], findings: [], undetermined: [])
    judgement.verdicts.reserveCapacity(rules.count)
    // The verdicts the cells settle, on the stack (a heap allocation per judged record before).
    withUnsafeTemporaryAllocation(of: Verdict?.self, capacity: max(deciders.count, 1)) { buffer in
      guard let settled = buffer.baseAddress else { return }
      if let cells {
        settleAll(CellRow(cells: cells, asOf: asOf.number), settled)
      } else {
        settled.initialize(repeating: nil, count: deciders.count)
      }
      for i in deciders.indices {
        if let verdict = settled[i] {
          judgement.verdicts.append(verdict)
          continue
        }
        let (verdict, unknown) = deciders[i].decide(bindings)
        judgement.verdicts.append(verdict)
        switch verdict {
        case .violation:
          judgement.findings.append(finding(i, record, bindings, key))
        case .undetermined:
          judgement.undetermined.append(undetermined(i, record, bindings, key, unknown))
        case .compliant, .notApplicable:
          break
        }
      }
    }
    return judgement
  }

  /// The verdict, and the unknown value behind an undetermined one.
  public func decide(_ rule: Rule, _ bindings: Bindings) -> (Verdict, Value?) {
    Decider(rule, asOf: asOf).decide(bindings)
  }

  /// What deciding a rule's verdict needs, apart from the rule: reading `rules[i]` copies the whole rule, a
  /// retain per member, for each rule of each judged record.
  struct Decider: Sendable {
    let inForce: Bool
    let scope: Program.Run
    let violation: Program.Run
    init(_ rule: Rule, asOf: Day) {
      inForce = rule.isInForce(on: asOf)
      scope = rule.scope.run
      violation = rule.violation.run
    }

    /// Not applicable (the scope is false) or compliant (the scope true and the violation false) on cells; nil
    /// otherwise. The clean-row test is this for every rule in force.
    @inline(__always)
    static func settle(_ scope: CellProgram.Run, _ violation: CellProgram.Run, _ row: CellRow) -> Verdict? {
      settle(scope(row)) { violation(row) }
    }

    /// `settle` on the scope's value, and the violation's when it is needed.
    @inline(__always)
    static func settle(_ applies: Cell, _ violated: () -> Cell) -> Verdict? {
      if applies.isFalse { return .notApplicable }
      guard applies.isTrue, violated().isFalse else { return nil }
      return .compliant
    }

    func decide(_ bindings: Bindings) -> (Verdict, Value?) {
      guard inForce else { return (.notApplicable, nil) }
      switch scope(bindings) {
      case .bool(false): return (.notApplicable, nil)
      case .bool(true):
        switch violation(bindings) {
        case .bool(true): return (.violation, nil)
        case .bool(false): return (.compliant, nil)
        case let other: return (.undetermined, other)
        }
      case let other: return (.undetermined, other)
      }
    }
  }

  private func seen(_ field: Int, _ bindings: Bindings) -> Value {
    Logic.visible(bindings.values[field], field: field, asOf: asOf)
  }

  /// Rule `r`'s undetermined outcome, the rule read in place (as `finding` does).
  private func undetermined(_ r: Int, _ record: Record, _ bindings: Bindings, _ key: String, _ unknown: Value?)
    -> Undetermined
  {
    var fields = FieldSet()
    if case .unknown(let named)? = unknown { fields = named }
    if fields.isEmpty {
      // Name whatever the rule reads that is not known.
      fields = FieldSet(rules[r].fields.filter { seen($0, bindings).isUnknown || seen($0, bindings).isNull })
    }
    // A computed value names every field it reads; keep those that are actually in doubt (unreadable, missing,
    // or a month-only date), when there are any.
    let doubtful = fields.filter { i in
      switch seen(i, bindings) {
      case .unknown: return true
      case .date(let span): return !span.isFullDate
      default: return false
      }
    }
    let indexes = doubtful.isEmpty ? Array(fields) : doubtful
    return Undetermined(
      ruleID: rules[r].id, recordKey: key, source: record.source, fields: indexes.map { pack.schema.fields[$0].name },
      onlyMissingColumns: !indexes.isEmpty && indexes.allSatisfy { !record.hasColumn($0) })
  }
}
