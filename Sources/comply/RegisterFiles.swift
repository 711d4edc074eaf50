import Foundation

/// Inputs as given on the command line, with each folder replaced by the registers in it.
enum RegisterFiles {
  static let extensions: Set<String> = ["csv", "txt", "xlsx", "json", "jsonl", "ndjson", "yaml", "yml"]

  /// A folder becomes its register files (by extension, not hidden, in name order, not recursive); anything else
  /// is kept as given, so a missing file is still reported as one, and so is a folder with no register in it.
  static func expand(_ inputs: [String]) -> [String] {
    inputs.flatMap { input -> [String] in
      var isDirectory: ObjCBool = false
      guard input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue
      else { return [input] }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
      let registers = names.filter {
        !$0.hasPrefix(".") && extensions.contains(($0 as NSString).pathExtension.lowercased())
      }.sorted().map { (input as NSString).appendingPathComponent($0) }
      // A folder with no register in it is kept as given, so that it is reported as unreadable, never passed over.
      return registers.isEmpty ? [input] : registers
    }
  }
}
