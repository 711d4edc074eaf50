import Foundation

/// Text a reporter must hold until the end of a run (the text report's findings, which follow its due-soon
/// section): kept in memory up to `limit` bytes, then in a temporary file, so that memory stays bounded however
/// many findings a batch has.
final class SpillBuffer {
  private let limit: Int
  private var memory: [UInt8] = []
  private var file: FileHandle?
  private var fileURL: URL?
  /// Bytes written whole to the file, and whether a write to it has failed.
  private var spilled: UInt64 = 0
  private var spillFailed = false

  init(limit: Int = 8 << 20) { self.limit = limit }

  deinit { discard() }

  func append(_ text: String) { append(Array(text.utf8)) }

  func append(_ bytes: [UInt8]) {
    memory.append(contentsOf: bytes)
    guard memory.count >= limit else { return }
    if file == nil {
      let url = FileManager.default.temporaryDirectory.appendingPathComponent("comply-report-\(UUID().uuidString)")
      if FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forUpdatingAtPath: url.path) {
        file = handle
        fileURL = url
        // Unlinked at once where the system allows it: the data lives as long as the handle.
        try? FileManager.default.removeItem(at: url)
      }
    }
    // Without a temporary file the text stays in memory: slower to hold, never lost. A file that cannot take
    // more (a full disk) is cut back to what it held whole, and the text stays in memory from there on.
    guard let file, !spillFailed else { return }
    do {
      try file.write(contentsOf: memory)
      spilled += UInt64(memory.count)
      memory.removeAll(keepingCapacity: true)
    } catch {
      spillFailed = true
      try? file.truncate(atOffset: spilled)
    }
  }

  /// Everything appended, in order, written to `sink` in chunks; the buffer is empty afterwards.
  func drain(into sink: any OutputSink) {
    var carry: [UInt8] = []
    if let file {
      // A read that fails is the sink's failure: ending the loop as at the end of the file lost the rest of the
      // findings without a word.
      do {
        try file.seek(toOffset: 0)
        while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty {
          // Cut before the last character's first byte, so that no chunk ends inside a UTF-8 sequence.
          let bytes = carry + chunk
          let cut = bytes.lastIndex { $0 & 0xC0 != 0x80 } ?? bytes.endIndex
          sink.write(bytes: bytes[..<cut])
          carry = Array(bytes[cut...])
        }
      } catch {
        sink.fail("the findings held in a temporary file could not be read back (\(error.localizedDescription))")
      }
    }
    sink.write(bytes: carry + memory)
    discard()
  }

  private func discard() {
    try? file?.close()
    if let fileURL { try? FileManager.default.removeItem(at: fileURL) }
    file = nil
    fileURL = nil
    memory = []
    spilled = 0
    spillFailed = false
  }
}
