import Testing

@testable import ComplyModel

/// A record whose cell texts are one buffer of bytes reads as one built from strings: each field's text, a
/// missing column as nil, the key.
@Suite struct RecordTextsTests {
  @Test func textsFromBytesReadAsStrings() {
    let bytes = Array("P1,察布供水工程, 当雄县 ".utf8)
    // P1 at 0..<2, the name at 3..<21, the county (trimmed) at 23..<32; field 2 has no column.
    let bounds = [0, 2, 3, 21, -1, -1, 23, 32]
    let source = RecordSource(path: "r.csv", row: 2, line: 2)
    let values = [Value](repeating: .null, count: 4)
    let fromBytes = Record(source: source, values: values, texts: bytes, bounds: bounds, headers: [])
    let fromStrings = Record(source: source, values: values, raw: ["P1", "察布供水工程", nil, "当雄县"])
    #expect(fromBytes.raw == fromStrings.raw)
    for field in 0..<5 {
      #expect(fromBytes.text(field) == fromStrings.text(field))
      #expect(fromBytes.hasColumn(field) == fromStrings.hasColumn(field))
    }
    #expect(fromBytes.text(1) == "察布供水工程")
    #expect(!fromBytes.hasColumn(2) && fromBytes.text(2) == nil)
    var changed = fromBytes
    changed.raw[0] = "P2"
    #expect(changed.text(0) == "P2" && changed.text(1) == "察布供水工程")
  }
}
