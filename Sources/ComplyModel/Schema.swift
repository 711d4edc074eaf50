/// The type of a register field, as a pack's schema declares it.
public enum FieldType: String, Sendable, Hashable, CaseIterable {
  case text
  case number
  case date
  case bool
  case enumeration = "enum"
}

/// One field of a pack's schema: how a register names it, how its cells are read.
public struct FieldSpec: Sendable, Hashable {
  public var name: String
  public var type: FieldType
  public var title: LocalizedText
  /// Register headers that mean this field, in order of preference (the first listed wins a tie).
  public var headers: [String]
  /// The unit values are stored in (`万元`), if any.
  public var unit: String?
  /// Other units a header may name in a trailing bracket, with the factor that converts to `unit`
  /// (`元` → 0.0001, `亿元` → 10000).
  public var unitFactors: [String: Double]
  /// For an enum: each canonical value with the spellings that mean it (the canonical value itself included).
  public var values: [EnumValue]
  /// The raw text a blank cell stands for (`否` for "a blank 重大变动 means 否"), or nil.
  public var defaultText: String?
  /// Where the field is declared in the pack's schema file.
  public var location: Location?

  public init(
    name: String, type: FieldType, title: LocalizedText, headers: [String] = [], unit: String? = nil,
    unitFactors: [String: Double] = [:], values: [EnumValue] = [], defaultText: String? = nil,
    location: Location? = nil
  ) {
    self.name = name
    self.type = type
    self.title = title
    self.headers = headers
    self.unit = unit
    self.unitFactors = unitFactors
    self.values = values
    self.defaultText = defaultText
    self.location = location
  }
}

/// A canonical enum value and the spellings a register may use for it.
public struct EnumValue: Sendable, Hashable {
  public var canonical: String
  public var spellings: [String]
  public init(canonical: String, spellings: [String]) {
    self.canonical = canonical
    self.spellings = spellings
  }
}

/// The record fields of a rule pack: names, types, header aliases and value spellings.
///
/// Fields are addressed by index (their declaration order) once an expression is compiled or a header is mapped,
/// so no record is ever searched by name.
public struct Schema: Sendable {
  public private(set) var fields: [FieldSpec]
  /// The index of the record key field (`project_id`).
  public var keyField: Int
  /// Fields that group records in reports (county, sector).
  public var groupFields: [Int]
  /// The field that names a record for people (the project name), if any.
  public var labelField: Int?
  /// Cell texts that mean "blank" (`/`, `-`, `—`, `无`), compared after trimming and NFKC.
  public var blankTokens: Set<String>
  /// Spellings of true and false, compared after NFKC and ASCII case folding.
  public var trueSpellings: Set<String>
  public var falseSpellings: Set<String>

  private var indexByName: [String: Int]
  /// Spellings as UTF-8 bytes, for reading cells without making strings (`parseCell(utf8:)`).
  private(set) var byteTables: CellByteTables

  public init(
    fields: [FieldSpec], keyField: Int, groupFields: [Int] = [], labelField: Int? = nil, blankTokens: Set<String> = [],
    trueSpellings: Set<String> = ["是", "y", "true", "1"], falseSpellings: Set<String> = ["否", "n", "false", "0"]
  ) {
    self.fields = fields
    self.keyField = keyField
    self.groupFields = groupFields
    self.labelField = labelField
    self.blankTokens = blankTokens
    self.trueSpellings = Set(trueSpellings.map(TextNormalization.foldedValue))
    self.falseSpellings = Set(falseSpellings.map(TextNormalization.foldedValue))
    var index: [String: Int] = [:]
    for (i, field) in fields.enumerated() where index[field.name] == nil { index[field.name] = i }
    indexByName = index
    byteTables = CellByteTables(
      fields: fields, blankTokens: blankTokens, trueSpellings: self.trueSpellings, falseSpellings: self.falseSpellings)
    // What a blank cell reads as, by the reference (a field's default text in its place), made once.
    let blanks = fields.indices.map { cell(of: parseCell("", field: $0), field: $0) }
    byteTables.blankReadings = blanks
  }

  public func index(of name: String) -> Int? { indexByName[name] }

  public subscript(name: String) -> FieldSpec? { index(of: name).map { fields[$0] } }

  public var fieldNames: [String] { fields.map(\.name) }
}
