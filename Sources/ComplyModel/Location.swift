/// A position in a text file: a rule file, a register or a pack schema.
///
/// Lines and columns start at 1. Columns count Unicode scalars, like Yams' `Mark` and libyaml, so SARIF output
/// declares `"columnKind": "unicodeCodePoints"`. A column of 0 means "the whole line".
public struct Location: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (a: Location, b: Location) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }

  /// `file:line:col`, the form editors and CI problem matchers parse.
  public var description: String { column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)" }

  /// The same place moved `by` columns to the right on its line.
  public func advanced(by columns: Int) -> Location {
    Location(file: file, line: line, column: column + columns)
  }
}
