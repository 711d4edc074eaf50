import Foundation
import FuzzSupport
import ZIPFoundation

/// The workbook reader on bytes. An input that starts with "PK" is an .xlsx file as it is. Any other input is
/// the text of a workbook's parts, separated by lines `<!--part-->`: the first sheet, shared strings, styles, the
/// workbook and its relationships (missing ones take a minimal default); the harness packs them, uncompressed,
/// so that mutations reach the XML reader rather than the inflater. Every row read is judged or rejected.
let engine = Engine(pack: Fuzz.eia, asOf: Fuzz.asOf)
let partNames = [
  "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
]
let defaults = [
  "", "", "",
  """
  <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
  xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
  <sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
  """,
  """
  <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
  Target="worksheets/sheet1.xml"/><Relationship Id="rId2" \
  Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
  <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
  Target="styles.xml"/></Relationships>
  """,
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let file = bytes.starts(with: Array("PK".utf8)) ? Data(bytes) : package(Fuzz.split(bytes, on: "\n<!--part-->\n"))
  else { return 0 }
  let path = Fuzz.write(file, to: "register.xlsx")
  let collector = Collector()
  // Small limits, so that a crafted part stops early instead of filling memory.
  let options = ReadOptions(sheet: size % 2 == 0 ? .first : .all, maxEntryBytes: 8 << 20)
  let counts = collector.read(path, engine: engine, options: options)
  Fuzz.require(counts.read >= counts.rejected, "read \(counts.read), rejected \(counts.rejected)")
  return 0
}

/// An uncompressed package of the parts, each missing or empty one but the sheet filled in with its default.
func package(_ parts: [ArraySlice<UInt8>]) -> Data? {
  guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
  let rootRels = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="xl/workbook.xml"/></Relationships>
    """
  var entries = [("_rels/.rels", Data(rootRels.utf8))]
  for (i, name) in partNames.enumerated() {
    let given = i < parts.count ? Data(parts[i]) : Data()
    let data = given.isEmpty && i > 0 ? Data(defaults[i].utf8) : given
    if !data.isEmpty || i == 0 { entries.append((name, data)) }
  }
  for (name, data) in entries {
    try? archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, count in
      data.subdata(in: Int(position)..<(Int(position) + count))
    }
  }
  return archive.data
}

@_cdecl("FuzzXLSX_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { Fuzz.main(argc, argv) }
