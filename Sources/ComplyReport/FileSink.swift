import Foundation

/// Buffered output to standard output or to a file. A file is written under a temporary name beside it and
/// renamed into place by `close()`, so an interrupted run never leaves a half-written report.
public final class FileSink: OutputSink {
  private let handle: FileHandle
  private let finalPath: String?
  private let temporaryPath: String?
  private var buffer: [UInt8] = []

  public static func standardOutput() -> FileSink { FileSink(handle: .standardOutput, finalPath: nil, temporaryPath: nil) }

  /// Opens `path` for writing; throws a readable message when its folder is missing or not writable.
  public static func file(_ path: String) throws(OutputError) -> FileSink {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw OutputError(message: "cannot write \(path): the folder \(folder) does not exist")
    }
    let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else { throw OutputError(message: "cannot write \(path): permission denied") }
    return FileSink(handle: handle, finalPath: path, temporaryPath: temporary)
  }

  private init(handle: FileHandle, finalPath: String?, temporaryPath: String?) {
    self.handle = handle
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
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, and moves a file into place.
  public func close() throws(OutputError) {
    flush()
    guard let finalPath, let temporaryPath else { return }
    try? handle.close()
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
    try? handle.close()
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }
}

/// A report that cannot be written.
public struct OutputError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
