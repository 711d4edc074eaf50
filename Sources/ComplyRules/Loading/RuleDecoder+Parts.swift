import ComplyExpression
import ComplyModel

extension RuleDecoder {
  func decodePenalty(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [PenaltyCase] {
    Decode.list(node, "penalty", &diagnostics).compactMap { item in
      guard var reader = MappingReader(item, "a penalty case", &diagnostics) else { return nil }
      defer { reader.finish(known: ["when", "basis", "min", "max", "note", "tiers"], &diagnostics) }
      let when = reader.optional("when").flatMap { compiler.program($0, expecting: .bool, &diagnostics) }
      let basis = reader.optional("basis").map { decodeBasis($0, &diagnostics) }
      let min = compiler.program(reader.required("min", &diagnostics), expecting: .number, &diagnostics)
      let max = compiler.program(reader.required("max", &diagnostics), expecting: .number, &diagnostics)
      let note = reader.optional("note").flatMap { Decode.localized($0, "note", &diagnostics) }
      let tiers = Decode.list(reader.optional("tiers"), "tiers", &diagnostics).compactMap { tier -> PenaltyTier? in
        guard var t = MappingReader(tier, "a penalty tier", &diagnostics) else { return nil }
        defer { t.finish(known: ["label", "min", "max"], &diagnostics) }
        guard let label = Decode.localized(t.required("label", &diagnostics), "label", &diagnostics),
          let min = compiler.program(t.required("min", &diagnostics), expecting: .number, &diagnostics),
          let max = compiler.program(t.required("max", &diagnostics), expecting: .number, &diagnostics)
        else { return nil }
        return PenaltyTier(label: label, min: min, max: max)
      }
      guard let min, let max else { return nil }
      return PenaltyCase(when: when, basis: basis, min: min, max: max, note: note, tiers: tiers)
    }
  }

  func decodeAnnotation(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> Annotation? {
    guard var reader = MappingReader(node, "an annotation", &diagnostics) else { return nil }
    defer { reader.finish(known: ["when", "text", "uncertain"], &diagnostics) }
    let when = compiler.program(reader.required("when", &diagnostics), expecting: .bool, &diagnostics)
    let text = Decode.localized(reader.required("text", &diagnostics), "text", &diagnostics)
    let uncertain = reader.optional("uncertain").flatMap { Decode.localized($0, "uncertain", &diagnostics) }
    guard let when, let text else { return nil }
    return Annotation(when: when, text: text, uncertain: uncertain)
  }

  func decodeExample(_ node: YAMLNode, _ ruleID: String, _ diagnostics: inout [Diagnostic]) -> RuleExample? {
    guard var reader = MappingReader(node, "an example", &diagnostics) else { return nil }
    defer {
      reader.finish(known: ["name", "expect", "as_of", "record", "message", "evidence", "fields"], &diagnostics)
    }
    let name = Decode.text(reader.required("name", &diagnostics), "name", &diagnostics)
    let expect: Verdict? = Decode.oneOf(reader.required("expect", &diagnostics), "expect", &diagnostics)
    let asOfNode = reader.optional("as_of")
    let asOf = Decode.day(asOfNode, "as_of", &diagnostics) ?? exampleAsOf
    if asOfNode == nil, exampleAsOf == nil {
      diagnostics.append(
        .error(.ruleExample, "the example has no as_of and the pack declares no example_as_of", at: node.location))
    }
    let schema = compiler.environment.schema
    var cells: [String: String] = [:]
    for (field, keyLocation, valueNode) in PackFileDecoder.keyedEntries(reader.required("record", &diagnostics), "record", &diagnostics) {
      guard schema.index(of: field) != nil else {
        let notes = Suggestion.closest(to: field, among: schema.fieldNames).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
        diagnostics.append(.error(.ruleExample, "unknown field '\(field)' in an example record", at: keyLocation, notes: notes))
        continue
      }
      cells[field] = Decode.text(valueNode, "a cell", &diagnostics)
    }
    let message = Decode.text(reader.optional("message"), "message", &diagnostics)
    var evidence: [String: String] = [:]
    for (key, value) in PackFileDecoder.mappingEntries(reader.optional("evidence"), "evidence", &diagnostics) {
      evidence[key] = Decode.text(value, "an evidence value", &diagnostics)
    }
    let fieldsNode = reader.optional("fields")
    let fields = fieldsNode.map { Decode.texts($0, "fields", &diagnostics) }
    for field in fields ?? [] where schema.index(of: field) == nil {
      diagnostics.append(.error(.ruleExample, "unknown field '\(field)' in fields", at: fieldsNode?.location))
    }
    guard let name, let expect, let asOf else { return nil }
    return RuleExample(
      ruleID: ruleID, name: name, expect: expect, asOf: asOf, cells: cells, location: node.location,
      expectedMessage: message, expectedEvidence: evidence, expectedFields: fields)
  }
}
