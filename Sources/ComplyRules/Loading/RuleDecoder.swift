import ComplyExpression
import ComplyModel

/// Decodes, checks and compiles one rule file.
struct RuleDecoder {
  static let keys = [
    "id", "title", "severity", "confidence", "effective_from", "effective_until", "basis", "scope", "violation",
    "message", "evidence", "remedy", "penalty", "annotations", "due", "examples",
  ]

  let document: YAMLDocument
  let compiler: ExpressionCompiler
  let laws: [String: LocalizedText]
  let definitionTitles: [String: LocalizedText]
  let exampleAsOf: Day?

  func decode(expectedID: String, _ diagnostics: inout [Diagnostic]) -> Rule? {
    guard let root = document.root, var reader = MappingReader(root, "the rule", &diagnostics) else { return nil }
    let before = diagnostics.count
    let idNode = reader.required("id", &diagnostics)
    let id = Decode.text(idNode, "id", &diagnostics) ?? expectedID
    if let idNode {
      if !RuleDecoder.isKebabCase(id) {
        diagnostics.append(.error(.ruleBadValue, "rule id '\(id)' must be kebab-case (a-z, 0-9 and '-')", at: idNode.location))
      } else if id != expectedID {
        diagnostics.append(.error(.ruleIdMismatch, "rule id '\(id)' differs from its file name '\(expectedID).yaml'", at: idNode.location))
      }
    }
    let title = Decode.localized(reader.required("title", &diagnostics), "title", &diagnostics)
    let severity: Severity? = Decode.oneOf(reader.required("severity", &diagnostics), "severity", &diagnostics)
    let confidenceNode = reader.optional("confidence")
    let confidence: Rule.Confidence = Decode.oneOf(confidenceNode, "confidence", &diagnostics) ?? .confirmed
    if confidence == .unconfirmed, severity == .error, let confidenceNode {
      diagnostics.append(.error(.ruleBadValue, "an unconfirmed rule has severity warning at most", at: confidenceNode.location))
    }
    let from = Decode.day(reader.optional("effective_from"), "effective_from", &diagnostics)
    let until = Decode.day(reader.optional("effective_until"), "effective_until", &diagnostics)
    let basis = decodeBasis(reader.required("basis", &diagnostics), &diagnostics)
    let scope = compiler.program(reader.required("scope", &diagnostics), expecting: .bool, &diagnostics)
    let violation = compiler.program(reader.required("violation", &diagnostics), expecting: .bool, &diagnostics)
    let message = decodeMessage(reader.required("message", &diagnostics), &diagnostics)
    let evidence = decodeEvidence(reader.optional("evidence"), &diagnostics)
    let remedy = Decode.localized(reader.required("remedy", &diagnostics), "remedy", &diagnostics)
    let penalty = reader.optional("penalty").map { decodePenalty($0, &diagnostics) } ?? []
    let annotations = Decode.list(reader.optional("annotations"), "annotations", &diagnostics).compactMap {
      decodeAnnotation($0, &diagnostics)
    }
    let due = compiler.program(reader.optional("due"), expecting: .date, &diagnostics)
    let examplesNode = reader.optional("examples")
    let examples = Decode.list(examplesNode, "examples", &diagnostics).compactMap { decodeExample($0, id, &diagnostics) }
    if !examples.contains(where: { $0.expect == .violation }) || !examples.contains(where: { $0.expect != .violation }) {
      diagnostics.append(
        .error(
          .ruleMissingExamples, "a rule needs at least one violation example and one that is not",
          at: reader.keyLocation("examples") ?? root.location))
    }
    reader.finish(known: RuleDecoder.keys, &diagnostics)
    guard diagnostics[before...].allSatisfy({ $0.severity != .error }), let title, let severity, let scope,
      let violation, let message, let remedy
    else { return nil }
    var fields = scope.checked.fields.union(violation.checked.fields)
    for item in evidence { fields = fields.union(item.program.checked.fields) }
    for c in penalty {
      for p in [c.when, c.min, c.max].compactMap({ $0 }) + c.tiers.flatMap({ [$0.min, $0.max] }) { fields = fields.union(p.checked.fields) }
    }
    for a in annotations { fields = fields.union(a.when.checked.fields) }
    if let due { fields = fields.union(due.checked.fields) }
    return Rule(
      id: id, title: title, severity: severity, confidence: confidence, effectiveFrom: from, effectiveUntil: until,
      basis: basis, scope: scope, violation: violation, message: message, evidence: evidence, remedy: remedy,
      penalty: penalty, annotations: annotations, due: due, examples: examples, location: idNode?.location ?? root.location,
      fields: fields)
  }

  static func isKebabCase(_ id: String) -> Bool {
    !id.isEmpty && id.first != "-" && id.last != "-" && !id.contains("--")
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  func decodeBasis(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> [LawReference] {
    Decode.list(node, "basis", &diagnostics).compactMap { item in
      guard var reader = MappingReader(item, "a basis", &diagnostics) else { return nil }
      defer { reader.finish(known: ["law", "article", "paragraph"], &diagnostics) }
      let lawNode = reader.required("law", &diagnostics)
      guard let law = Decode.text(lawNode, "law", &diagnostics),
        let article = Decode.text(reader.required("article", &diagnostics), "article", &diagnostics)
      else { return nil }
      let paragraph = Decode.text(reader.optional("paragraph"), "paragraph", &diagnostics)
      guard let title = laws[law] else {
        let notes = Suggestion.closest(to: law, among: laws.keys).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
        diagnostics.append(
          .error(.ruleBadValue, "unknown law '\(law)' (declare it under 'laws' in pack.yaml)", at: lawNode?.location ?? item.location, notes: notes))
        return nil
      }
      return LawReference(law: law, lawTitle: title, article: article, paragraph: paragraph)
    }
  }

  func decodeMessage(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> MessageTemplate? {
    guard let node, var reader = MappingReader(node, "message", &diagnostics) else { return nil }
    defer { reader.finish(known: ["zh", "en"], &diagnostics) }
    var parts: [Language: [MessageTemplate.Part]] = [:]
    for language in Language.allCases {
      guard let text = reader.optional(language.rawValue) else {
        diagnostics.append(.error(.ruleMissingTranslation, "message has no \(language == .zh ? "Chinese (zh)" : "English (en)") text", at: node.location))
        continue
      }
      parts[language] = compiler.template(text, &diagnostics)
    }
    guard let zh = parts[.zh], let en = parts[.en] else { return nil }
    return MessageTemplate(zh: zh, en: en)
  }

  func decodeEvidence(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> [EvidenceItem] {
    Decode.list(node, "evidence", &diagnostics).compactMap { item in
      guard let name = Decode.text(item, "an evidence item", &diagnostics),
        let checked = compiler.check(item, expecting: nil, &diagnostics)
      else { return nil }
      let schema = compiler.environment.schema
      let field = schema.index(of: name)
      let title = field.map { schema.fields[$0].title } ?? definitionTitles[name] ?? LocalizedText(zh: name, en: name)
      return EvidenceItem(name: name, title: title, field: field, program: Program(checked))
    }
  }
}
