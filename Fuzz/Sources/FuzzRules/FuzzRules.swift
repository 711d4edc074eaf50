import Foundation
import FuzzSupport

/// The rule loader on bytes: YAML parsing, the pack and rule decoders, expression compilation, examples.
///
/// The input is one rule file, loaded beside the bundled EIA pack.yaml; or, when it holds a line `#---`, a
/// pack.yaml followed by rule files, one per `#---` part. Rule files are named after their `id:` line, so that
/// well-formed rules load and their examples run.
let eiaPackFile = FileManager.default.contents(atPath: Fuzz.rules("eia") + "/pack.yaml") ?? Data()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let parts = Fuzz.split(Array(UnsafeBufferPointer(start: data, count: size)), on: "\n#---\n")
  let folder = Fuzz.scratch + "/pack"
  try? FileManager.default.removeItem(atPath: folder)
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let packFile = parts.count > 1 ? Data(parts[0]) : eiaPackFile
  _ = Fuzz.write(packFile, to: "pack/pack.yaml")
  for (i, rule) in parts.dropFirst(parts.count > 1 ? 1 : 0).enumerated() {
    _ = Fuzz.write(rule, to: "pack/\(ruleName(rule) ?? "rule-\(i)").yaml")
  }
  let (pack, diagnostics) = PackLoader.loadPack(folder)
  Fuzz.require(pack != nil || diagnostics.contains { $0.severity == .error }, "no pack, yet no error")
  if let pack { Fuzz.exercise(pack) }
  return 0
}

/// The value of a line `id: NAME`, when NAME is a plain file name.
func ruleName(_ bytes: ArraySlice<UInt8>) -> String? {
  let text = String(decoding: bytes, as: UTF8.self)
  for line in text.split(separator: "\n") where line.hasPrefix("id:") {
    let name = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
    let plain = !name.isEmpty && name.count < 64 && name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
    }
    return plain && name != "pack" ? name : nil
  }
  return nil
}

@_cdecl("FuzzRules_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { Fuzz.main(argc, argv) }
