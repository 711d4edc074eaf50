/// Cells and values of a schema's fields, one into the other. A cell holds everything its value holds, except
/// for text fields, whose cells say only whether the text is there.
extension Schema {
  /// The value cell `cell` of field `field` stands for; nil for a set text field (its cell has no text).
  public func value(of cell: Cell, field: Int) -> Value? {
    switch cell.state {
    case .null: return .null
    case .unknown: return .unknown(FieldSet(field))
    case .value: break
    }
    switch fields[field].type {
    case .date: return .date(DateSpan(first: Day(number: cell.first), last: Day(number: cell.last)))
    case .number: return .number(cell.number)
    case .bool: return .bool(cell.first != 0)
    case .enumeration:
      let values = fields[field].values
      return cell.first >= 0 && cell.first < values.count ? .text(values[cell.first].canonical) : nil
    case .text: return nil
    }
  }

  /// The cell for `value` of field `field`; nil when the value does not have the field's type, or is an enum
  /// text that is none of the field's canonical values.
  public func cell(of value: Value, field: Int) -> Cell? {
    switch (value, fields[field].type) {
    case (.null, _): return .null
    case (.unknown, _): return .unknown
    case (.date(let span), .date): return .date(span.first.number, span.last.number)
    case (.number(let x), .number): return .number(x)
    case (.bool(let b), .bool): return .bool(b)
    case (.text, .text): return Cell(state: .value)
    case (.text(let text), .enumeration):
      return byteTables.canonical[field].firstIndex { $0.elementsEqual(text.utf8) }.map { Cell(state: .value, first: $0) }
    default: return nil
    }
  }

  /// A cell read as the block reader reads it: blank becomes `.null`, unreadable text `.unknown` with the reason.
  public enum CellReading: Sendable, Equatable {
    case cell(Cell)
    case unreadable(String)
  }

  /// `cell(of:field:)` for a reference reading.
  public func cell(of parsed: ParsedCell, field: Int) -> CellReading? {
    switch parsed {
    case .blank: return .cell(.null)
    case .value(let value): return cell(of: value, field: field).map(CellReading.cell)
    case .unreadable(let reason): return .unreadable(reason)
    }
  }
}
