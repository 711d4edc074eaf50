import Foundation

/// Where the CLI writes, and whether it may colour its output.
enum Terminal {
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
  static func colour(for fd: Int32) -> Bool {
    ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(fd) == 1
  }
}
