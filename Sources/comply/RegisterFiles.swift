import Foundation

/// Inputs as given on the command line, with each folder replaced by the registers in it.
enum RegisterFiles {
  static let extensions: Set<String> = ["csv", "txt", "xlsx", "json", "jsonl", "ndjson", "yaml", "yml"]

  /// A folder becomes its register files (by extension, not hidden, in name order, not recursive); anything else
  /// is kept as given, so a missing file is still reported as one.
  static func expand(_ inputs: [String]) -> [String] {
    inputs.flatMap { input -> [String] in
      var isDirectory: ObjCBool = false
      guard input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue
      else { return [input] }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
      return names.filter { !$0.hasPrefix(".") && extensions.contains(($0 as NSString).pathExtension.lowercased()) }
        .sorted().map { (input as NSString).appendingPathComponent($0) }
    }
  }
}
