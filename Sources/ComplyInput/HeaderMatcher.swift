import ComplyModel

/// Matches one normalized header against a schema's aliases, units and `--map` overrides.
struct HeaderMatcher {
  struct Match: Hashable {
    var field: Int
    /// Lower wins when two columns map to one field: -1 for `--map`, else the alias's position in the field's
    /// header list (the canonical name comes after every alias).
    var rank: Int
    var factor: Double
  }

  private let schema: Schema
  private var aliases: [String: (field: Int, rank: Int)] = [:]
  private var overrides: [String: Int] = [:]
  /// Per field: normalized unit name → factor into the field's unit.
  private var units: [[String: Double]]

  init(schema: Schema, overrides written: [String: String]) throws(InputError) {
    self.schema = schema
    units = schema.fields.map { spec in
      var table: [String: Double] = [:]
      for (unit, factor) in spec.unitFactors { table[TextNormalization.header(unit)] = factor }
      if let unit = spec.unit { table[TextNormalization.header(unit)] = 1 }
      return table
    }
    for (field, spec) in schema.fields.enumerated() {
      for (rank, alias) in (spec.headers + [spec.name]).enumerated() {
        let key = TextNormalization.header(alias)
        if aliases[key] == nil { aliases[key] = (field, rank) }
      }
    }
    for (header, name) in written {
      guard let field = schema.index(of: name) else { throw .unknownField(name: name, header: header) }
      overrides[TextNormalization.header(header)] = field
    }
  }

  /// The normalized headers `--map` names.
  var overrideHeaders: [String] { overrides.keys.sorted() }

  func match(_ header: String) -> Match? {
    if let field = overrides[header] { return Match(field: field, rank: -1, factor: 1) }
    if let alias = aliases[header] { return Match(field: alias.field, rank: alias.rank, factor: 1) }
    guard let (base, unit) = HeaderMatcher.splitUnit(header) else { return nil }
    if let field = overrides[base], let factor = units[field][unit] {
      return Match(field: field, rank: -1, factor: factor)
    }
    if let alias = aliases[base], let factor = units[alias.field][unit] {
      return Match(field: alias.field, rank: alias.rank, factor: factor)
    }
    return nil
  }

  /// `总投资(元)` → (`总投资`, `元`); nil when the header does not end in a bracket after some text.
  static func splitUnit(_ header: String) -> (base: String, unit: String)? {
    guard header.hasSuffix(")"), let open = header.lastIndex(of: "("), open > header.startIndex else { return nil }
    let unit = header[header.index(after: open)..<header.index(before: header.endIndex)]
    return (String(header[..<open]), String(unit))
  }

  /// Of `candidates` (normalized header, column), the one closest to an alias or the name of `field`, when it is
  /// close enough to be a likely typo or variant: at most one edit in three characters, and at least one.
  func closest(to field: Int, among candidates: [(header: String, column: Int)]) -> Int? {
    let spec = schema.fields[field]
    let targets = (spec.headers + [spec.name]).map { Array(TextNormalization.header($0)) }
    var best: (distance: Int, column: Int)?
    for candidate in candidates {
      var forms = [Array(candidate.header)]
      if let (base, _) = HeaderMatcher.splitUnit(candidate.header) { forms.append(Array(base)) }
      for target in targets {
        let limit = max(1, target.count / 3)
        for form in forms {
          let distance = Suggestion.distance(form, target)
          if distance <= limit, distance < best?.distance ?? Int.max { best = (distance, candidate.column) }
        }
      }
    }
    return best?.column
  }
}
