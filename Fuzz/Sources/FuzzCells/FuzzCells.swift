import FuzzSupport

/// The cell parsers on bytes: `Schema.parseCell(utf8:)`, the fast path the block pipeline reads cells with,
/// must answer exactly as the reference `Schema.parseCell(_:)` whenever it answers; dates, numbers and ISO
/// dates are read too. The first byte picks the pack, the field and the unit factor; the rest is the cell.
let schemas = [Fuzz.eia.schema, Fuzz.pack("rectification").schema]
let unitFactors = [1, 0.0001, 10_000]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let choice = Int(data[0])
  let schema = schemas[choice % schemas.count]
  let field = (choice / schemas.count) % schema.fields.count
  let unitFactor = unitFactors[(choice / 7) % unitFactors.count]
  let cell = UnsafeBufferPointer(start: data + 1, count: size - 1)
  let fast = schema.parseCell(utf8: cell, field: field, unitFactor: unitFactor)
  guard let text = String(validating: cell, as: UTF8.self) else { return 0 }
  let reference = schema.parseCell(text, field: field, unitFactor: unitFactor)
  if let fast {
    Fuzz.require(fast == reference, "field \(schema.fields[field].name) \(text.debugDescription): fast \(fast), reference \(reference)")
  }
  Fuzz.require(schema.parseCell(Substring(text), field: field, unitFactor: unitFactor) == reference, "Substring and String differ")
  let date = DateParsing.read(text)
  Fuzz.require(DateParsing.parse(text) == (try? date.get()), "parse and read differ on \(text.debugDescription)")
  if case .success(let span) = date, let iso = DateParsing.parseISO(text) {
    Fuzz.require(iso == span, "ISO and register readings differ on \(text.debugDescription)")
  }
  if let number = NumberParsing.parse(text) {
    Fuzz.require(number.isFinite, "\(text.debugDescription) reads as \(number)")
  }
  return 0
}

@_cdecl("FuzzCells_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { Fuzz.main(argc, argv) }
