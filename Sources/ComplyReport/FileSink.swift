import Foundation

/// Buffered output to standard output or to a file. A file is written under a temporary name beside it and
/// renamed into place by `close()`, so an interrupted run never leaves a half-written report.
///
/// A write that fails (a full disk, a closed pipe) is remembered, later writes are dropped, and `close()` reports
/// it (removing the unfinished file): the report is never cut short without a word.
public final class FileSink: OutputSink {
  private let fd: Int32
  /// What the output is called in an error: its path, or standard output.
  private let name: String
  private let finalPath: String?
  private let temporaryPath: String?
  private var buffer: [UInt8] = []
  /// Why a write failed, if one did.
  private(set) var failure: String?
  private var isOpen = true

  public static func standardOutput() -> FileSink {
    FileSink(descriptor: 1, name: "standard output", finalPath: nil, temporaryPath: nil)
  }

  /// Opens `path` for writing; throws a readable message when its folder is missing or not writable.
  public static func file(_ path: String) throws(OutputError) -> FileSink {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw OutputError(message: "cannot write \(path): the folder \(folder) does not exist")
    }
    let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      throw OutputError(message: "cannot write \(path): \(DescriptorWriter.reason(errno))")
    }
    return FileSink(descriptor: fd, name: path, finalPath: path, temporaryPath: temporary)
  }

  /// A sink on an open descriptor; `finalPath` and `temporaryPath` for a file renamed into place on `close()`.
  init(descriptor: Int32, name: String, finalPath: String?, temporaryPath: String?) {
    fd = descriptor
    self.name = name
    self.finalPath = finalPath
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

  public func flush() {
    guard !buffer.isEmpty else { return }
    if failure == nil { failure = buffer.withUnsafeBytes { DescriptorWriter.write(fd, $0) } }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, and moves a file into place; throws when a write failed (the unfinished file is removed).
  public func close() throws(OutputError) {
    flush()
    if let failure {
      discard()
      throw OutputError(message: "cannot write \(name): \(failure)")
    }
    guard let finalPath, let temporaryPath else { return }
    closeFile()
    do {
      if FileManager.default.fileExists(atPath: finalPath) { try FileManager.default.removeItem(atPath: finalPath) }
      try FileManager.default.moveItem(atPath: temporaryPath, toPath: finalPath)
    } catch {
      throw OutputError(message: "cannot write \(finalPath): \(error.localizedDescription)")
    }
  }

  /// Removes an unfinished temporary file.
  public func discard() {
    guard let temporaryPath else { return }
    closeFile()
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }

  /// Closes a file's descriptor, once (standard output stays open).
  private func closeFile() {
    guard isOpen, temporaryPath != nil else { return }
    Foundation.close(fd)
    isOpen = false
  }
}

/// A report that cannot be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
