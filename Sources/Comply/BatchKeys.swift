import ComplyInput
import ComplyModel

/// Record keys across the files of a batch: a key already seen in an earlier file is a warning, since baselines
/// and ledgers then need the file's name to tell the two records apart. Used only with several inputs.
final class BatchKeys {
  private let firstFile = KeyTable()
  private let paths: [String]
  private let keyName: String

  init(paths: [String], keyName: String) {
    self.paths = paths
    self.keyName = keyName
  }

  /// The warning for a key of input `index` that an earlier input has too, or nil.
  func note(hash: UInt64, input index: Int, row: Int, line: Int, path: String, key: () -> String) -> Diagnostic? {
    guard let first = firstFile.insert(hash, row: index), first != index, first < paths.count else { return nil }
    return .warning(
      .inputKeyInSeveralFiles, "row \(row): \(keyName) '\(key())' is also in \(paths[first])",
      at: Location(file: path, line: line, column: 0))
  }
}
