/// Spellings as UTF-8 bytes, built once per schema.
struct CellByteTables: Sendable {
  /// Per field: (spelling bytes, index of the canonical value) for enum fields; empty otherwise.
  var enumSpellings: [[([UInt8], Int)]]
  /// Per field: each canonical value's bytes, for enum fields; empty otherwise.
  var canonical: [[[UInt8]]]
  var blankTokens: [[UInt8]]
  /// Bit n set when some blank token is n bytes long (n < 64): most cells are ruled out by their length alone.
  var blankTokenLengths: UInt64 = 0
  var trueSpellings: [[UInt8]]
  var falseSpellings: [[UInt8]]
  /// Per field: the reference reading of a blank cell (the default text's, for a field that has one), with a unit
  /// factor of 1; nil where it has no cell.
  var blankReadings: [Schema.CellReading?] = []

  init(fields: [FieldSpec], blankTokens: Set<String>, trueSpellings: Set<String>, falseSpellings: Set<String>) {
    enumSpellings = fields.map { field in
      field.values.enumerated().flatMap { code, value in
        ([value.canonical] + value.spellings).map { (Array($0.utf8), code) }
      }
    }
    canonical = fields.map { field in field.values.map { Array($0.canonical.utf8) } }
    self.blankTokens = blankTokens.map { Array($0.utf8) }
    for token in self.blankTokens { blankTokenLengths |= token.count < 64 ? 1 << UInt64(token.count) : 1 << 63 }
    self.trueSpellings = trueSpellings.map { Array($0.utf8) }
    self.falseSpellings = falseSpellings.map { Array($0.utf8) }
  }
}

extension Schema {
  /// Reads a cell straight from UTF-8 bytes, without making a string, when the cell is plain: no white space
  /// other than ASCII around it, and a spelling, date or number that needs no normalization. Returns nil for
  /// anything else; the caller then reads it with `parseCell(_:field:unitFactor:)`, which is the reference.
  ///
  /// Text fields are not read here (a string must be made anyway); the caller decides whether it needs them.
  public func parseCell(utf8 cell: UnsafeBufferPointer<UInt8>, field: Int, unitFactor: Double) -> ParsedCell? {
    switch readCell(utf8: cell, field: field, unitFactor: unitFactor) {
    case nil: return nil
    case .unreadable(let reason): return .unreadable(reason)
    case .cell(let cell):
      if cell.state == .null { return .blank }
      return value(of: cell, field: field).map(ParsedCell.value)
    }
  }

  /// `parseCell(utf8:field:unitFactor:)` into a cell: an enum value is its canonical value's index, and a text
  /// cell only says whether it is set (nil when that takes decoding: short non-ASCII text, which normalization
  /// might turn into a blank token).
  public func readCell(utf8 cell: UnsafeBufferPointer<UInt8>, field: Int, unitFactor: Double) -> CellReading? {
    var read = Cell.null
    switch readCell(utf8: cell, field: field, unitFactor: unitFactor, into: &read) {
    case .read: return .cell(read)
    case .undecided: return nil
    case .unreadable:
      // Read again for the reason: a blank cell's default text, or a date no calendar has.
      let bytes = Schema.trimmedASCII(cell)
      if isBlank(bytes) { return blank(field, unitFactor) }
      if case .failure(let failure) = DateParsing.read(bytes: bytes) { return .unreadable(failure.reason) }
      return nil
    }
  }

  /// What reading a cell in place came to.
  public enum CellOutcome: UInt8, Sendable {
    /// The cell was written.
    case read
    /// Only the reference reading can tell (`parseCell(_:field:unitFactor:)`).
    case undecided
    /// The cell cannot be read as its field's type; `readCell(utf8:field:unitFactor:)` says why.
    case unreadable
  }

  /// `readCell(utf8:field:unitFactor:)` writing the cell in place, for the CSV block parser's every typed cell:
  /// a reading returned as an enum with a text payload goes through memory, and cost as much as reading a date.
  public func readCell(
    utf8 cell: UnsafeBufferPointer<UInt8>, field: Int, unitFactor: Double, into out: UnsafeMutablePointer<Cell>
  ) -> CellOutcome {
    // The commonest typed cell, a `YYYY-MM-DD` date with nothing around it, before anything else: ten digits and
    // dashes are never white space, and no blank token has ten bytes (when one has, the general path decides).
    if cell.count == 10 && readsISODatesFirst && fields[field].type == .date,
      let day = Schema.isoDay(cell)
    {
      out.pointee = .date(day, day)
      return .read
    }
    let bytes = Schema.trimmedASCII(cell)
    if bytes.isEmpty { return blank(field, unitFactor, into: out) }
    if Schema.mayHaveUnicodeSpace(bytes) { return .undecided }
    if isBlank(bytes) { return blank(field, unitFactor, into: out) }
    switch fields[field].type {
    case .text:
      // Decoded first: short non-ASCII text (normalization might make it a blank token), and text that begins or
      // ends with a control byte (VT and FF are white space the reference trims).
      if bytes.count <= 16 && bytes.contains(where: { $0 >= 0x80 }) { return .undecided }
      if bytes[0] < 0x20 || bytes[bytes.count - 1] < 0x20 { return .undecided }
      out.pointee = Cell(state: .value)
    case .date:
      if let day = Schema.isoDay(bytes) {
        out.pointee = .date(day, day)
        return .read
      }
      switch DateParsing.read(bytes: bytes) {
      case .success(let span): out.pointee = .date(span.first.number, span.last.number)
      case .failure(.malformed): return .undecided  // perhaps full-width digits: the reference path folds them
      case .failure: return .unreadable
      }
    case .number:
      guard let number = Schema.plainNumber(bytes) else { return .undecided }
      out.pointee = .number(Schema.convert(number, by: unitFactor))
    case .bool:
      if bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return .undecided }  // ASCII upper case: fold first
      if byteTables.trueSpellings.contains(where: { Schema.same($0, bytes) }) {
        out.pointee = .true
      } else if byteTables.falseSpellings.contains(where: { Schema.same($0, bytes) }) {
        out.pointee = .false
      } else {
        return .undecided
      }
    case .enumeration:
      guard let code = byteTables.enumSpellings[field].first(where: { Schema.same($0.0, bytes) })?.1 else {
        return .undecided
      }
      out.pointee = Cell(state: .value, first: code)
    }
    return .read
  }

  /// Whether a ten-byte `YYYY-MM-DD` cell of a date field is read as that date before anything else, as
  /// `readCell(utf8:field:unitFactor:into:)` does: true unless some blank token has ten bytes.
  public var readsISODatesFirst: Bool { byteTables.blankTokenLengths & (1 << 10) == 0 }

  /// Whether a text field's cell, trimmed of ASCII white space and with no non-ASCII space at either end
  /// (`mayHaveUnicodeSpace` false), reads as blank: then exactly when it is empty or a blank token, byte for byte,
  /// if the field has no default text (else `readCell(utf8:field:unitFactor:into:)` decides). For record keys.
  public func isBlankText(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool { isBlank(bytes) }

  /// Whether trimmed bytes are blank: empty, or a blank token (most cells are ruled out by their length alone).
  @inline(__always)
  func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.isEmpty { return true }
    guard bytes.count >= 63 || byteTables.blankTokenLengths & (1 << UInt64(bytes.count)) != 0 else { return false }
    return byteTables.blankTokens.contains { Schema.same($0, bytes) }
  }

  /// The bytes without ASCII white space around them.
  @inline(__always)
  static func trimmedASCII(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = cell.count
    while start < end, Schema.isASCIISpace(cell[start]) { start += 1 }
    while end > start, Schema.isASCIISpace(cell[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: cell[start..<end])
  }

  @inline(__always)
  private func blank(_ field: Int, _ unitFactor: Double, into out: UnsafeMutablePointer<Cell>) -> CellOutcome {
    switch blank(field, unitFactor) {
    case .cell(let cell)?:
      out.pointee = cell
      return .read
    case .unreadable?: return .unreadable
    case nil: return .undecided
    }
  }

  /// A blank cell: null, or what the field's default text reads as (a number default with a unit factor other
  /// than 1 goes to the reference path).
  @inline(__always)
  private func blank(_ field: Int, _ unitFactor: Double) -> CellReading? {
    if fields[field].defaultText == nil { return .cell(.null) }
    guard unitFactor == 1 || fields[field].type != .number, field < byteTables.blankReadings.count else { return nil }
    return byteTables.blankReadings[field]
  }

  /// Whether two byte strings are equal: lengths first, then a word at a time (the generic `elementsEqual` goes
  /// a byte at a time through an iterator).
  @inline(__always)
  static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    return a.withUnsafeBytes { x in
      let y = UnsafeRawBufferPointer(b)
      var i = 0
      while i + 8 <= x.count {
        if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
          return false
        }
        i += 8
      }
      while i < x.count {
        if x[i] != y[i] { return false }
        i += 1
      }
      return true
    }
  }

  @inline(__always)
  public static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

  /// Whether the cell may begin or end with non-ASCII white space (U+00A0, U+3000, U+FEFF, U+2000…): lead
  /// bytes C2, E1, E2, E3 or EF. Conservative: CJK ideographs (E4–E9) never match.
  @inline(__always)
  public static func mayHaveUnicodeSpace(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    func suspicious(_ lead: UInt8) -> Bool { lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF }
    if suspicious(b[0]) { return true }
    let n = b.count
    if b[n - 1] < 0x80 { return false }
    if n >= 2, b[n - 2] == 0xC2 { return true }
    return n >= 3 && suspicious(b[n - 3])
  }

  /// An optional minus sign, digits and an optional fraction, with up to 15 significant digits: exact as a
  /// Double, and divided once by a power of ten, so correctly rounded. Anything else goes to the reference path.
  static func plainNumber(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    var negative = false
    if b[0] == UInt8(ascii: "-") {
      negative = true
      i = 1
    }
    var mantissa: Int64 = 0
    var digits = 0
    var fraction = -1
    while i < b.count {
      let c = b[i]
      if c >= 0x30 && c <= 0x39 {
        if digits == 15 { return nil }  // more than 15 digits: the reference path (and no Int64 overflow)
        mantissa = mantissa * 10 + Int64(c - 0x30)
        digits += 1
        if fraction >= 0 { fraction += 1 }
      } else if c == UInt8(ascii: "."), fraction < 0 {
        fraction = 0
      } else {
        return nil
      }
      i += 1
    }
    guard digits > 0, digits <= 15, fraction != 0 else { return nil }
    let scale = fraction > 0 ? powersOfTen[fraction] : 1
    let value = Double(mantissa) / scale
    return negative ? -value : value
  }

  private static let powersOfTen: [Double] = (0...15).map { p in (0..<p).reduce(1.0) { a, _ in a * 10 } }
}

extension Schema {
  /// `YYYY-MM-DD`, exactly ten bytes, as a day number: the form registers write most, read without the general
  /// date reader. Nil for anything else, a year outside `DateParsing.years` or a day no calendar has: the general
  /// reader then decides, and says why it cannot read the cell.
  @inline(__always)
  static func isoDay(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    // A byte below "0" wraps to a large value, so one comparison per byte checks it is a digit.
    let (y0, y1, y2, y3) = (b[0] &- 48, b[1] &- 48, b[2] &- 48, b[3] &- 48)
    let (m0, m1, d0, d1) = (b[5] &- 48, b[6] &- 48, b[8] &- 48, b[9] &- 48)
    guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10 else { return nil }
    let year = Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3)
    guard DateParsing.years.contains(year) else { return nil }
    return Day(year: year, month: Int(m0) * 10 + Int(m1), day: Int(d0) * 10 + Int(d1))?.number
  }
}
