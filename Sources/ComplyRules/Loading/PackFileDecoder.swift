import ComplyModel

/// What `pack.yaml` declares, before its definitions are checked.
struct PackFile {
  var name = ""
  var version = ""
  var formatVersion = 1
  var title = LocalizedText(zh: "", en: "")
  var schema: Schema?
  var laws: [String: LocalizedText] = [:]
  var definitions: [(name: String, title: LocalizedText?, node: YAMLNode, location: Location)] = []
  var exampleAsOf: Day?
}

/// Decodes `pack.yaml`: metadata, the schema of record fields, laws and definitions.
enum PackFileDecoder {
  static let supportedFormat = 1
  static let keys = [
    "format", "pack", "version", "title", "key", "label", "group_by", "example_as_of", "blank_tokens", "booleans", "laws",
    "fields", "definitions",
  ]
  static let fieldKeys = ["type", "title", "headers", "unit", "units", "values", "default"]

  static func decode(_ document: YAMLDocument, _ diagnostics: inout [Diagnostic]) -> PackFile? {
    guard let root = document.root, var reader = MappingReader(root, "the pack file", &diagnostics) else { return nil }
    var pack = PackFile()
    if let node = reader.required("format", &diagnostics), let text = Decode.text(node, "format", &diagnostics) {
      if Int(text) != supportedFormat {
        diagnostics.append(
          .error(.packFormat, "unsupported pack format '\(text)' (this comply reads format \(supportedFormat))", at: node.location))
      }
    }
    pack.name = Decode.text(reader.required("pack", &diagnostics), "pack", &diagnostics) ?? ""
    pack.version = Decode.text(reader.required("version", &diagnostics), "version", &diagnostics) ?? ""
    pack.title = Decode.localized(reader.required("title", &diagnostics), "title", &diagnostics) ?? pack.title
    pack.exampleAsOf = Decode.day(reader.optional("example_as_of"), "example_as_of", &diagnostics)
    for (id, node) in mappingEntries(reader.optional("laws"), "laws", &diagnostics) {
      if let title = Decode.localized(node, "law '\(id)'", &diagnostics) { pack.laws[id] = title }
    }
    let fields = decodeFields(reader.required("fields", &diagnostics), &diagnostics)
    let blank = Set(Decode.texts(reader.optional("blank_tokens"), "blank_tokens", &diagnostics).map(TextNormalization.nfkc))
    var trueSpellings: [String] = ["是", "y", "true", "1"]
    var falseSpellings: [String] = ["否", "n", "false", "0"]
    if let node = reader.optional("booleans"), var booleans = MappingReader(node, "booleans", &diagnostics) {
      trueSpellings = Decode.texts(booleans.required("true", &diagnostics), "booleans.true", &diagnostics)
      falseSpellings = Decode.texts(booleans.required("false", &diagnostics), "booleans.false", &diagnostics)
      booleans.finish(known: ["true", "false"], &diagnostics)
    }
    let names = fields.map(\.name)
    func fieldIndex(_ node: YAMLNode, _ what: String) -> Int? {
      guard let name = Decode.text(node, what, &diagnostics) else { return nil }
      if let index = names.firstIndex(of: name) { return index }
      let notes = Suggestion.closest(to: name, among: names).map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? []
      diagnostics.append(.error(.packSchema, "\(what) names unknown field '\(name)'", at: node.location, notes: notes))
      return nil
    }
    let key = reader.required("key", &diagnostics).flatMap { fieldIndex($0, "key") }
    let label = reader.optional("label").flatMap { fieldIndex($0, "label") }
    let groups = Decode.list(reader.optional("group_by"), "group_by", &diagnostics).compactMap { fieldIndex($0, "group_by") }
    if let key {
      pack.schema = Schema(
        fields: fields, keyField: key, groupFields: groups, labelField: label, blankTokens: blank, trueSpellings: Set(trueSpellings),
        falseSpellings: Set(falseSpellings))
    }
    for (name, keyLocation, node) in keyedEntries(reader.optional("definitions"), "definitions", &diagnostics) {
      guard var definition = MappingReader(node, "definition '\(name)'", &diagnostics) else { continue }
      let title = definition.optional("title").flatMap { Decode.localized($0, "title of '\(name)'", &diagnostics) }
      if let expr = definition.required("expr", &diagnostics) {
        pack.definitions.append((name, title, expr, keyLocation))
      }
      definition.finish(known: ["title", "expr"], &diagnostics)
    }
    reader.finish(known: keys, &diagnostics)
    return pack
  }

  /// The entries of a mapping whose keys are names (laws, fields, definitions), in file order.
  static func mappingEntries(_ node: YAMLNode?, _ what: String, _ diagnostics: inout [Diagnostic])
    -> [(String, YAMLNode)]
  {
    keyedEntries(node, what, &diagnostics).map { ($0.name, $0.value) }
  }

  /// `mappingEntries` with where each key is written, for diagnostics about the name itself.
  static func keyedEntries(_ node: YAMLNode?, _ what: String, _ diagnostics: inout [Diagnostic])
    -> [(name: String, key: Location, value: YAMLNode)]
  {
    guard let node, var reader = MappingReader(node, what, &diagnostics) else { return [] }
    return reader.keys.compactMap { key in
      reader.optional(key).map { (key, reader.keyLocation(key) ?? $0.location, $0) }
    }
  }

  static func decodeFields(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> [FieldSpec] {
    var fields: [FieldSpec] = []
    for (name, node) in mappingEntries(node, "fields", &diagnostics) {
      guard var reader = MappingReader(node, "field '\(name)'", &diagnostics) else { continue }
      let type: FieldType? = Decode.oneOf(reader.required("type", &diagnostics), "type of '\(name)'", &diagnostics)
      let title = Decode.localized(reader.required("title", &diagnostics), "title of '\(name)'", &diagnostics)
      var spec = FieldSpec(
        name: name, type: type ?? .text, title: title ?? LocalizedText(zh: name, en: name),
        headers: Decode.texts(reader.optional("headers"), "headers of '\(name)'", &diagnostics),
        unit: Decode.text(reader.optional("unit"), "unit of '\(name)'", &diagnostics),
        defaultText: Decode.text(reader.optional("default"), "default of '\(name)'", &diagnostics), location: node.location)
      for (unit, factorNode) in mappingEntries(reader.optional("units"), "units of '\(name)'", &diagnostics) {
        guard let text = Decode.text(factorNode, "factor of \(unit)", &diagnostics) else { continue }
        guard let factor = Double(text), factor > 0 else {
          diagnostics.append(.error(.ruleBadValue, "a unit factor must be a positive number, found '\(text)'", at: factorNode.location))
          continue
        }
        spec.unitFactors[unit] = factor
      }
      for (canonical, spellings) in mappingEntries(reader.optional("values"), "values of '\(name)'", &diagnostics) {
        let others = spellings.scalar == "" ? [] : Decode.texts(spellings, "spellings of '\(canonical)'", &diagnostics)
        spec.values.append(EnumValue(canonical: canonical, spellings: [canonical] + others))
      }
      if spec.type == .enumeration && spec.values.isEmpty {
        diagnostics.append(.error(.packSchema, "enum field '\(name)' declares no values", at: node.location))
      }
      reader.finish(known: fieldKeys, &diagnostics)
      fields.append(spec)
    }
    return fields
  }
}
