import Foundation

/// Buffered output to standard output or to a file. A file is written under a temporary name beside it and
/// renamed into place by `close()`, so an interrupted run never leaves a half-written report. A path that is not a
/// file (`/dev/null`, a named pipe, a process substitution) is written to as it is: replacing it would remove it.
///
/// A write that fails (a full disk, a closed pipe) is remembered, later writes are dropped, and `close()` reports
/// it (removing the unfinished file): the report is never cut short without a word.
public final class FileSink: OutputSink {
  private let fd: Int32
  /// What the output is called in an error: its path, or standard output.
  private let name: String
  /// The file written under a temporary name and renamed to `name` on `close()`, if the output is one.
  private let temporaryPath: String?
  private var buffer: [UInt8] = []
  /// Why a write failed, if one did.
  private(set) var failure: String?
  /// Whether the sink closes `fd` (not standard output's), and has not yet.
  private var ownsDescriptor: Bool

  public static func standardOutput() -> FileSink { FileSink(descriptor: 1, name: "standard output") }

  /// Opens `path` for writing; throws a readable message when its folder is missing or not writable, or when it
  /// is a folder (which a report would have replaced, with everything in it).
  public static func file(_ path: String) throws(OutputError) -> FileSink {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw OutputError(message: "cannot write \(path): the folder \(folder) does not exist")
    }
    var info = stat()
    if stat(path, &info) == 0 {
      let kind = info.st_mode & S_IFMT
      if kind == S_IFDIR { throw OutputError(message: "cannot write \(path): it is a folder") }
      if kind != S_IFREG {
        let fd = open(path, O_WRONLY)
        guard fd >= 0 else { throw OutputError(message: "cannot write \(path): \(DescriptorWriter.reason(errno))") }
        return FileSink(descriptor: fd, name: path, owned: true)
      }
    }
    let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      throw OutputError(message: "cannot write \(path): \(DescriptorWriter.reason(errno))")
    }
    return FileSink(descriptor: fd, name: path, owned: true, temporaryPath: temporary)
  }

  /// A sink on an open descriptor, which it closes when `owned`; `temporaryPath` for a file renamed to `name` on
  /// `close()`.
  init(descriptor: Int32, name: String, owned: Bool = false, temporaryPath: String? = nil) {
    fd = descriptor
    self.name = name
    ownsDescriptor = owned
    self.temporaryPath = temporaryPath
    buffer.reserveCapacity(1 << 16)
  }

  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  public func write(bytes: ArraySlice<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { flush() }
  }

  public func fail(_ reason: String) {
    if failure == nil { failure = reason }
  }

  public func flush() {
    guard !buffer.isEmpty else { return }
    if failure == nil { failure = buffer.withUnsafeBytes { DescriptorWriter.write(fd, $0) } }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, and moves a file into place (`rename(2)`: at once, over the previous report); throws when a write
  /// failed (the unfinished file is removed).
  public func close() throws(OutputError) {
    flush()
    if let failure {
      discard()
      throw OutputError(message: "cannot write \(name): \(failure)")
    }
    closeDescriptor()
    guard let temporaryPath else { return }
    guard rename(temporaryPath, name) == 0 else {
      let reason = DescriptorWriter.reason(errno)
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw OutputError(message: "cannot write \(name): \(reason)")
    }
  }

  /// Removes an unfinished temporary file.
  public func discard() {
    closeDescriptor()
    guard let temporaryPath else { return }
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }

  private func closeDescriptor() {
    guard ownsDescriptor else { return }
    Foundation.close(fd)
    ownsDescriptor = false
  }
}

/// A report that cannot be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
