import ComplyModel

/// Which register column became which schema field, and which fields no column provides.
///
/// Headers and aliases are compared after `TextNormalization.header` (NFKC, white space removed). A header maps
/// to a field when, in this order: `--map` names it; it equals one of the field's aliases or its canonical name;
/// or it equals an alias followed by a bracket naming a unit of that field (`总投资(元)`, with the factor that
/// converts 元 to 万元). The exact header is tried before the bracket is stripped, so an alias such as `县(区)`
/// keeps its bracket.
public struct HeaderMapping: Sendable {
  /// One register column.
  public struct Column: Sendable, Hashable {
    /// The header as the register writes it, trimmed.
    public var header: String
    /// The schema field it provides, or nil for a column the schema does not know (kept, never an error).
    public var field: Int?
    /// Multiplies the column's numbers into the field's unit: 1, or 0.0001 for `(元)` under a `万元` field.
    public var unitFactor: Double
  }

  public private(set) var columns: [Column]
  /// Schema fields no column provides, in schema order. Their values are unknown in every record.
  public private(set) var missingFields: [Int]
  /// For a missing field, the unknown column whose header is closest to one of its aliases ("did you mean").
  public private(set) var suggestions: [Int: String]
  /// The column providing each schema field, by field index.
  public private(set) var fieldColumns: [Int?]
  /// Warnings found while mapping (duplicate fields, missing columns, unused `--map` entries), reported once per
  /// file by the reader before its first row.
  public internal(set) var diagnostics: [Diagnostic] = []
  /// Columns that lost a tie for a field to another column.
  private var duplicateColumns: Set<Int> = []

  /// The column that provides `field`, if any.
  public func column(for field: Int) -> Int? { fieldColumns[field] }

  /// The header of the column that provides `field`, if any.
  public func header(for field: Int) -> String? { fieldColumns[field].map { columns[$0].header } }

  /// Maps `headers` (one per column, in order) to `schema`'s fields.
  ///
  /// - Throws: `InputError.duplicateHeader` when the very same header names two columns that map to a field,
  ///   `InputError.missingKeyColumn` when no column provides the record key (every row would be rejected), and
  ///   `InputError.unknownField` when `overrides` names a field the schema lacks.
  /// The most columns a header may have: as many as Excel allows (XFD).
  public static let maxColumns = 16_384

  init(
    headers: [String], schema: Schema, overrides: [String: String], path: String, headerLine: Int
  ) throws(InputError) {
    guard headers.count <= HeaderMapping.maxColumns else {
      throw .limit(
        path: path, line: headerLine,
        message: "the header has \(headers.count) columns, more than \(HeaderMapping.maxColumns) (Excel's widest sheet)")
    }
    let matcher = try HeaderMatcher(schema: schema, overrides: overrides)
    let normalized = headers.map(TextNormalization.header)
    let matches = normalized.map(matcher.match)
    columns = zip(headers, matches).map {
      Column(header: String(TextNormalization.trimmed($0)), field: $1?.field, unitFactor: $1?.factor ?? 1)
    }
    fieldColumns = Array(repeating: nil, count: schema.fields.count)
    missingFields = []
    suggestions = [:]
    let location = Location(file: path, line: headerLine, column: 0)

    var firstMappedColumn: [String: Int] = [:]
    for (j, match) in matches.enumerated() where match != nil {
      if let earlier = firstMappedColumn[normalized[j]] {
        throw .duplicateHeader(path: path, header: columns[j].header, columns: [earlier + 1, j + 1])
      }
      firstMappedColumn[normalized[j]] = j
    }

    var winningRank: [Int] = Array(repeating: Int.max, count: schema.fields.count)
    for (j, match) in matches.enumerated() {
      guard let match else { continue }
      guard let other = fieldColumns[match.field] else {
        fieldColumns[match.field] = j
        winningRank[match.field] = match.rank
        continue
      }
      // The alias listed first wins; on a tie, the leftmost column.
      let (winner, loser) = match.rank < winningRank[match.field] ? (j, other) : (other, j)
      fieldColumns[match.field] = winner
      winningRank[match.field] = min(match.rank, winningRank[match.field])
      columns[loser].field = nil
      duplicateColumns.insert(loser)
      diagnostics.append(
        .warning(
          .inputDuplicateField,
          "columns '\(columns[winner].header)' (column \(winner + 1)) and '\(columns[loser].header)' (column "
            + "\(loser + 1)) both map to \(schema.fields[match.field].name); using '\(columns[winner].header)'",
          at: location))
    }

    let usedOverrides = Set(
      zip(normalized, matches).compactMap { header, match in
        match?.rank == -1 ? (HeaderMatcher.splitUnit(header).map { [header, $0.base] } ?? [header]) : nil
      }.joined())
    for header in matcher.overrideHeaders where !usedOverrides.contains(header) {
      let written = overrides.keys.first { TextNormalization.header($0) == header } ?? header
      diagnostics.append(.warning(.inputMissingColumn, "--map '\(written)' matches no column", at: location))
    }

    if fieldColumns[schema.keyField] == nil {
      let key = schema.fields[schema.keyField]
      throw .missingKeyColumn(path: path, field: key.name, header: key.headers.first ?? key.name)
    }

    let unknown = columns.indices.filter { matches[$0] == nil }
    for field in schema.fields.indices where fieldColumns[field] == nil {
      missingFields.append(field)
      let spec = schema.fields[field]
      var notes: [Diagnostic.Note] = []
      if let j = matcher.closest(to: field, among: unknown.map { (normalized[$0], $0) }) {
        suggestions[field] = columns[j].header
        notes.append(Diagnostic.Note("did you mean '\(columns[j].header)'?"))
      }
      let alias = spec.headers.first.map { " (\($0))" } ?? ""
      diagnostics.append(
        .warning(.inputMissingColumn, "no column for \(spec.name)\(alias)", at: location, notes: notes))
    }
  }

  /// A mapping for an input with no header at all (an empty JSON array): every field is missing, silently.
  init(emptyFor schema: Schema) {
    columns = []
    fieldColumns = Array(repeating: nil, count: schema.fields.count)
    missingFields = Array(schema.fields.indices)
    suggestions = [:]
  }

  /// The mapping as lines for `--show-mapping`: each column with its field, then the missing fields.
  public func describe(in schema: Schema) -> [String] {
    var lines: [String] = []
    for (j, column) in columns.enumerated() {
      let target: String
      if let field = column.field {
        let factor = column.unitFactor == 1 ? "" : " (× \(Value.format(column.unitFactor)))"
        target = schema.fields[field].name + factor
      } else if duplicateColumns.contains(j) {
        target = "(duplicate, not used)"
      } else {
        target = "(unknown column, kept)"
      }
      lines.append("column \(j + 1) \(column.header) → \(target)")
    }
    for field in missingFields {
      let spec = schema.fields[field]
      let alias = spec.headers.first.map { " (\($0))" } ?? ""
      let hint = suggestions[field].map { "; did you mean '\($0)'?" } ?? ""
      lines.append("missing: \(spec.name)\(alias)\(hint)")
    }
    return lines
  }
}
