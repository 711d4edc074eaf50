import ComplyEngine
import ComplyModel
import ComplyRules
import Foundation

/// The parts of a SARIF 2.1.0 log, built as `JSON` values with their keys in the order the specification
/// lists them. `SARIFReporter` streams them; `DiagnosticReport` uses them for rule-file diagnostics.
enum SARIFLog {
  static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

  /// SARIF's three result levels: a notice is a `note`.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .notice: "note"
    }
  }

  /// A BCP 47 tag for `run.language`.
  static func languageTag(_ language: Language) -> String { language == .zh ? "zh-CN" : "en-US" }

  /// A path as a URI reference: relative paths stay relative (percent-encoded), absolute ones become `file://`.
  static func uri(_ path: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: ";")
    let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    return path.hasPrefix("/") ? "file://" + encoded : encoded
  }

  static func message(_ text: String) -> JSON { .object([("text", .string(text))]) }

  /// `construction-before-approval` → `ConstructionBeforeApproval`, SARIF's suggested form of a rule name.
  static func pascalCase(_ id: String) -> String {
    id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  static func driver(name: String, version: String, rules: [JSON]) -> JSON {
    .object([
      ("name", .string(name)), ("version", .string(version)), ("semanticVersion", .string(version)),
      ("rules", .array(rules)),
    ])
  }

  /// A `reportingDescriptor` for a rule: names in both languages, legal basis and penalty under `properties`.
  static func descriptor(_ rule: Rule, pack: RulePack, language: Language) -> JSON {
    let basis: [JSON] = rule.basis.map { b in
      .object([
        ("law", .string(b.law)), ("article", .string(b.article)), ("paragraph", .optional(b.paragraph)),
        ("zh", .string(b.text.zh)), ("en", .string(b.text.en)),
      ])
    }
    let penalty = RuleText.penalty(rule, pack: pack)
    return .object([
      ("id", .string(rule.id)), ("name", .string(pascalCase(rule.id))),
      ("shortDescription", message(rule.title[language])),
      ("fullDescription", message(RuleText.fullDescription(rule)[language])),
      ("help", message(rule.remedy[language])),
      ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
      ("properties", .object([
        ("nameZh", .string(rule.title.zh)), ("nameEn", .string(rule.title.en)),
        ("severity", .string(rule.severity.rawValue)), ("confidence", .string(rule.confidence.rawValue)),
        ("legalBasis", .array(basis)),
        ("penalty", rule.penalty.isEmpty ? .null : .object([("zh", .string(penalty.zh)), ("en", .string(penalty.en))])),
        ("remedy", .object([("zh", .string(rule.remedy.zh)), ("en", .string(rule.remedy.en))])),
      ])),
    ])
  }

  /// A `physicalLocation`; the region only when the line is known (SARIF lines are 1-based).
  static func physicalLocation(path: String, line: Int?, column: Int? = nil) -> JSON {
    var location: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(uri(path)))]))]
    if let line, line >= 1 {
      var region: [(String, JSON)] = [("startLine", .int(line))]
      if let column, column >= 1 { region.append(("startColumn", .int(column))) }
      location.append(("region", .object(region)))
    }
    return .object(location)
  }

  /// A finding as a `result`: at the register file and the row's physical line, named by project id.
  static func result(_ f: Finding, ruleIndex: Int?, language: Language) -> JSON {
    var object: [(String, JSON)] = [("ruleId", .string(f.ruleID))]
    if let ruleIndex { object.append(("ruleIndex", .int(ruleIndex))) }
    object.append(("level", .string(level(f.severity))))
    if let state = f.baseline { object.append(("baselineState", .string(state == .new ? "new" : "unchanged"))) }
    object.append(("message", message(f.message[language])))
    object.append(("locations", .array([.object([
      ("physicalLocation", physicalLocation(path: f.source.path, line: f.source.line)),
      ("logicalLocations", .array([.object([("name", .string(f.recordKey)), ("kind", .string("object"))])])),
    ])])))
    object.append(("properties", .object([
      ("row", .int(f.source.row)), ("label", .string(f.label)),
      ("groups", .object(f.groups.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) })),
      ("confidence", .string(f.confidence.rawValue)),
      ("evidence", JSONReporter.encode(f.evidence, language)),
      ("decidedBy", .array(f.decidedBy.map { .string($0[language]) })),
      ("basis", .array(f.basis.map { .string($0.text[language]) })),
      ("penalty", f.penalty.map { JSONReporter.encode($0, language) } ?? .null),
      ("remedy", .string(f.remedy[language])),
      ("annotations", .array(f.annotations.map { .string($0[language]) })),
    ] + (f.ledger.map { [("ledger", LedgerText.json($0, language))] } ?? []))))
    if let mark = f.ledger, mark.status == .closed || mark.status == .waived {
      // Closed (销号) and waived findings are suppressed by the ledger, an external record, with its reason.
      object.append(("suppressions", .array([.object([
        ("kind", .string("external")), ("status", .string("accepted")),
        ("justification", .string(LedgerText.status(mark, language))),
      ])])))
    }
    return .object(object)
  }

  /// A diagnostic as a `notification` (input problems in a check) or a `result` (rule-file problems).
  static func diagnostic(_ d: Diagnostic, asResult: Bool) -> JSON {
    var object: [(String, JSON)] = asResult ? [("ruleId", .string(d.code.rawValue))] : []
    if !asResult { object.append(("descriptor", .object([("id", .string(d.code.rawValue))]))) }
    object.append(("level", .string(level(d.severity))))
    object.append(("message", message(d.message)))
    if let location = d.location {
      object.append(("locations", .array([.object([
        ("physicalLocation", physicalLocation(path: location.file, line: location.line, column: location.column))
      ])])))
    }
    if !d.notes.isEmpty {
      object.append(("properties", .object([("notes", .array(d.notes.map { note in
        .string(note.location.map { "\($0): \(note.message)" } ?? note.message)
      }))])))
    }
    return .object(object)
  }
}
