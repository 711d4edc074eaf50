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
  static func result(
    _ f: Finding, ruleIndex: Int?, language: Language, rules: RuleTexts = RuleTexts(), into out: inout JSONBytes
  ) {
    out.openObject()
    out.field("ruleId", f.ruleID)
    if let ruleIndex { out.field("ruleIndex", ruleIndex) }
    out.field("level", level(f.severity))
    if let state = f.baseline { out.field("baselineState", state == .new ? "new" : "unchanged") }
    out.key("message")
    out.openObject()
    out.field("text", f.message[language])
    out.closeObject()
    out.key("locations")
    out.openArray()
    out.openObject()
    out.key("physicalLocation")
    out.raw(physicalLocation(path: f.source.path, line: f.source.line))
    out.key("logicalLocations")
    out.openArray()
    out.openObject()
    out.field("name", f.recordKey)
    out.field("kind", "object")
    out.closeObject()
    out.closeArray()
    out.closeObject()
    out.closeArray()
    out.key("properties")
    properties(f, language, rules.rule(f.ruleID, language), into: &out)
    if let mark = f.ledger, mark.status == .closed || mark.status == .waived {
      // Closed (销号) and waived findings are suppressed by the ledger, an external record, with its reason.
      out.key("suppressions")
      out.openArray()
      out.openObject()
      out.field("kind", "external")
      out.field("status", "accepted")
      out.field("justification", LedgerText.status(mark, language))
      out.closeObject()
      out.closeArray()
    }
    out.closeObject()
  }

  /// A result's properties: the finding's parts SARIF has no place for, as the JSON report writes them.
  private static func properties(
    _ f: Finding, _ language: Language, _ rule: RuleTexts.Rule?, into out: inout JSONBytes
  ) {
    out.openObject()
    out.field("row", f.source.row)
    out.field("label", f.label)
    out.key("groups")
    out.groups(f.groups)
    out.field("confidence", f.confidence.rawValue)
    out.key("evidence")
    out.evidence(f.evidence, language, names: rule?.evidence)
    out.key("decidedBy")
    out.strings(f.decidedBy.lazy.map { $0[language] })
    out.key("basis")
    out.basis(f.basis, language, rule)
    out.key("penalty")
    out.penalty(f.penalty, language, rule)
    out.key("remedy")
    out.string(f.remedy[language], known: rule?.remedy)
    out.key("annotations")
    out.strings(f.annotations.lazy.map { $0[language] })
    if let mark = f.ledger {
      out.key("ledger")
      out.ledger(mark, language)
    }
    out.closeObject()
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
