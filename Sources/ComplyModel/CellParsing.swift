/// A register cell read against its field's type.
public enum ParsedCell: Sendable, Hashable {
  /// Empty, white space only, or a blank token (`/`, `-`, `—`, `无`), and the field has no default.
  case blank
  case value(Value)
  /// The text cannot be read as the field's type. The reason is English, one line, no final period.
  case unreadable(String)
}

extension Schema {
  /// Reads one cell of field `field` (an index into `fields`).
  ///
  /// The text is trimmed of Unicode white space and U+FEFF. A blank cell is `.blank`, unless the field declares a
  /// `defaultText`, which is then read in its place. `unitFactor` multiplies numbers: it converts the unit a
  /// header names (`总投资(元)`) into the field's unit (`万元`).
  public func parseCell<S: StringProtocol>(_ text: S, field: Int, unitFactor: Double = 1) -> ParsedCell {
    parseCell(Substring(text), field: field, unitFactor: unitFactor)
  }

  /// `parseCell` for a `String`. Generic code called from another module runs unspecialized, through witness
  /// tables, several times slower; the readers call these concrete overloads.
  public func parseCell(_ text: String, field: Int, unitFactor: Double = 1) -> ParsedCell {
    let trimmed = TextNormalization.trimmed(text)
    // An untrimmed text cell keeps the caller's string rather than a copy of it.
    let whole = trimmed.startIndex == text.startIndex && trimmed.endIndex == text.endIndex
    return parseTrimmed(trimmed, original: whole ? text : nil, field: field, unitFactor: unitFactor)
  }

  /// `parseCell` for a `Substring`.
  public func parseCell(_ text: Substring, field: Int, unitFactor: Double = 1) -> ParsedCell {
    parseTrimmed(TextNormalization.trimmed(text), original: nil, field: field, unitFactor: unitFactor)
  }

  /// `original`, when given, is `trimmed` as a `String`.
  private func parseTrimmed(_ trimmed: Substring, original: String?, field: Int, unitFactor: Double) -> ParsedCell {
    if isBlank(trimmed) {
      guard let defaultText = fields[field].defaultText else { return .blank }
      let fallback = TextNormalization.trimmed(defaultText)
      if isBlank(fallback) { return .blank }
      return parse(fallback, nil, field, unitFactor)
    }
    return parse(trimmed, original, field, unitFactor)
  }

  /// Whether a trimmed cell means "not set". Blank tokens are compared after NFKC, which is the identity on ASCII.
  private func isBlank(_ trimmed: Substring) -> Bool {
    if trimmed.isEmpty { return true }
    guard !blankTokens.isEmpty, trimmed.utf8.count <= 16 else { return false }
    // Tokens are few: comparing bytes beats hashing, which normalizes every string it hashes.
    let count = trimmed.utf8.count
    for token in blankTokens where token.utf8.count == count && token.utf8.elementsEqual(trimmed.utf8) {
      return true
    }
    guard !TextNormalization.isNFKCStable(trimmed) else { return false }
    return blankTokens.contains(TextNormalization.nfkc(String(trimmed)))
  }

  // The field is passed by index: copying a FieldSpec out of the array costs a retain per property, per cell.
  private func parse(_ text: Substring, _ original: String?, _ field: Int, _ unitFactor: Double) -> ParsedCell {
    switch fields[field].type {
    case .text:
      return .value(.text(original ?? String(text)))
    case .date:
      switch DateParsing.read(text) {
      case .success(let span): return .value(.date(span))
      case .failure(let failure): return .unreadable(failure.reason)
      }
    case .number:
      guard let number = NumberParsing.parse(text) else { return .unreadable("not a number") }
      return .value(.number(Schema.convert(number, by: unitFactor)))
    case .bool:
      let folded = Schema.fold(text)
      if trueSpellings.contains(folded) { return .value(.bool(true)) }
      if falseSpellings.contains(folded) { return .value(.bool(false)) }
      return .unreadable("not a yes/no value")
    case .enumeration:
      if let value = Schema.enumValue(text, in: fields[field].values) { return .value(.text(value)) }
      let names = fields[field].values.map(\.canonical).joined(separator: ", ")
      return .unreadable("not one of \(names)")
    }
  }

  /// The canonical value a spelling stands for. The exact spelling is tried first, so the usual cell never pays
  /// for normalization.
  private static func enumValue(_ text: Substring, in values: [EnumValue]) -> String? {
    for value in values where value.spellings.contains(where: { $0 == text }) || value.canonical == text {
      return value.canonical
    }
    let folded = fold(text)
    for value in values {
      if TextNormalization.foldedValue(value.canonical) == folded { return value.canonical }
      for spelling in value.spellings where TextNormalization.foldedValue(spelling) == folded {
        return value.canonical
      }
    }
    return nil
  }

  /// `TextNormalization.foldedValue` of a trimmed text, skipping NFKC where it changes nothing.
  private static func fold(_ text: Substring) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
    if TextNormalization.isNFKCStable(text) { return String(text) }
    return TextNormalization.foldedValue(String(text))
  }

  /// Multiplies by a unit factor, dividing instead when the factor is the reciprocal of a whole number (`元` →
  /// `万元` is 1/10,000), so that 1,200 元 becomes exactly the double nearest 0.12 万元.
  static func convert(_ value: Double, by factor: Double) -> Double {
    if factor == 1 { return value }
    if factor > 0 && factor < 1 {
      let inverse = (1 / factor).rounded()
      if abs(inverse * factor - 1) < 1e-12 { return value / inverse }
    }
    return value * factor
  }
}

extension Record {
  /// A record from cell texts by field name, each read exactly as a register cell is (`Schema.parseCell`).
  /// Fields not given are blank cells of a column that is present. Rule examples and tests are built this way.
  public init(cells: [String: String], schema: Schema, source: RecordSource, headers: [String?]) {
    var values: [Value] = []
    var raw: [String?] = []
    for (i, field) in schema.fields.enumerated() {
      let text = cells[field.name] ?? ""
      switch schema.parseCell(text, field: i) {
      case .blank: values.append(.null)
      case .value(let value): values.append(value)
      case .unreadable: values.append(.unknown(FieldSet(i)))
      }
      raw.append(text)
    }
    self.init(source: source, values: values, raw: raw, headers: headers)
  }
}
