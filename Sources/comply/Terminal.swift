import ComplyReport
import Foundation

/// Where the CLI writes, and whether it may colour its output.
enum Terminal {
  /// Writes to standard output; when it cannot take the text (a full disk, a closed pipe), says so on standard
  /// error and exits with status 3, as for a report that cannot be written.
  static func write(_ text: String) {
    var text = text
    guard let failure = text.withUTF8({ DescriptorWriter.write(1, UnsafeRawBufferPointer($0)) }) else { return }
    error("error: cannot write standard output: \(failure)\n")
    exit(ExitStatus.unreadableInput.rawValue)
  }

  /// Writes to standard error; nothing more can be said when that fails.
  static func error(_ text: String) {
    var text = text
    _ = text.withUTF8 { DescriptorWriter.write(2, UnsafeRawBufferPointer($0)) }
  }

  /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
  static func colour(for fd: Int32) -> Bool {
    ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(fd) == 1
  }
}
