import ComplyModel

/// One record's cells, and the audit date, as a `CellProgram` reads them.
public struct CellRow {
  public var cells: UnsafePointer<Cell>
  /// `as_of` as a day number.
  public var asOf: Int

  public init(cells: UnsafePointer<Cell>, asOf: Int) {
    self.cells = cells
    self.asOf = asOf
  }
}

/// Turns a record's values into cells for the fields a set of programs reads.
///
/// An enum value becomes the index of its canonical value, found by comparing bytes. Any value that does not
/// have its field's type (or an enum text that is not a canonical value) makes `read` fail, and the caller takes
/// the reference path for that record.
public struct CellReader: Sendable {
  enum Kind: Sendable {
    case date, number, bool, text
    case enumeration([[UInt8]])
  }

  private let reads: [(field: Int, kind: Kind)]
  /// How many cells a row needs: one per schema field.
  public let width: Int

  public init(schema: Schema, fields: FieldSet) {
    width = schema.fields.count
    reads = fields.filter { $0 < schema.fields.count }.map { i in
      let field = schema.fields[i]
      switch field.type {
      case .date: return (i, .date)
      case .number: return (i, .number)
      case .bool: return (i, .bool)
      case .text: return (i, .text)
      case .enumeration: return (i, .enumeration(field.values.map { Array($0.canonical.utf8) }))
      }
    }
  }

  /// Writes the cells of the fields read; false when a value is not what its field's type says.
  public func read(_ values: [Value], into cells: UnsafeMutablePointer<Cell>) -> Bool {
    guard values.count >= width else { return false }
    for (field, kind) in reads {
      let cell: Cell
      switch (values[field], kind) {
      case (.null, _): cell = .null
      case (.unknown, _): cell = .unknown
      case (.date(let span), .date): cell = .date(span.first.number, span.last.number)
      case (.number(let x), .number): cell = .number(x)
      case (.bool(let b), .bool): cell = .bool(b)
      case (.text, .text): cell = Cell(state: .value)
      case (.text(let text), .enumeration(let canonical)):
        guard let code = CellReader.code(text, canonical) else { return false }
        cell = Cell(state: .value, first: code)
      default: return false
      }
      cells[field] = cell
    }
    return true
  }

  private static func code(_ text: String, _ canonical: [[UInt8]]) -> Int? {
    var text = text
    return text.withUTF8 { bytes in
      canonical.firstIndex { $0.count == bytes.count && $0.elementsEqual(bytes) }
    }
  }
}
