#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file or standard input read in chunks into one growing window of bytes.
///
/// Readers consume from `start`; `fill` moves what is left to the front and reads until the window holds a chunk.
/// The window grows only when one unconsumed piece (a row) is longer than a chunk, so memory stays near the chunk
/// size plus the longest row.
final class ByteSource {
  // Unchecked: read on every row and cell, and only ever changed by `fill` on the reading thread; a checked
  // access costs a runtime call each time.
  @exclusivity(unchecked) private(set) var buffer: [UInt8]
  /// The first byte not yet consumed.
  var start = 0
  /// One past the last byte read.
  private(set) var end = 0
  private(set) var atEOF = false
  private let fd: Int32
  private let ownsFD: Bool
  private let chunkSize: Int
  let path: String

  /// Opens `path` ("-" is standard input).
  init(path: String, displayPath: String, chunkSize: Int) throws(InputError) {
    self.path = displayPath
    self.chunkSize = chunkSize
    buffer = [UInt8](repeating: 0, count: chunkSize)
    if path == "-" {
      fd = 0
      ownsFD = false
    } else {
      let opened = open(path, O_RDONLY)
      guard opened >= 0 else { throw .unreadable(path: displayPath, reason: ByteSource.errorText()) }
      fd = opened
      ownsFD = true
    }
  }

  /// Bytes already in memory, for tests and for transcoded input.
  init(bytes: [UInt8], displayPath: String) {
    path = displayPath
    chunkSize = max(bytes.count, 1)
    buffer = bytes
    end = bytes.count
    atEOF = true
    fd = -1
    ownsFD = false
  }

  deinit {
    if ownsFD { close(fd) }
  }

  var available: Int { end - start }

  /// Reads at least one more byte unless at end of file. Returns false at end of file.
  @discardableResult
  func fill() throws(InputError) -> Bool {
    if atEOF { return false }
    if start > 0 {
      let pending = end - start
      if pending > 0 {
        buffer.withUnsafeMutableBufferPointer { p in
          guard let base = p.baseAddress else { return }
          base.update(from: base + start, count: pending)
        }
      }
      start = 0
      end = pending
    }
    // Up to a chunk's worth of bytes in the window; half a chunk more when one piece is longer (a long row), the
    // window doubling when it must grow.
    let target = end < chunkSize ? chunkSize : end + max(chunkSize / 2, 1)
    if buffer.count < target { buffer.append(contentsOf: repeatElement(0, count: max(target - buffer.count, buffer.count))) }
    while true {
      let count = buffer.withUnsafeMutableBufferPointer { p -> Int in
        guard let base = p.baseAddress else { return 0 }
        return read(fd, base + end, target - end)
      }
      if count > 0 {
        end += count
        return true
      }
      if count == 0 {
        atEOF = true
        return false
      }
      if errno == EINTR { continue }
      throw .unreadable(path: path, reason: ByteSource.errorText())
    }
  }

  /// Consumes the next `count` bytes and returns them. When they start the window and little follows them, the
  /// window's own array is handed over, cut to `count`, and what follows moves to a new window: a row's tail is
  /// copied instead of the bytes taken.
  func take(_ count: Int) -> [UInt8] {
    let tail = end - start - count
    guard start == 0, tail <= count / 4 else {
      start += count
      return Array(buffer[start - count..<start])
    }
    // Left unwritten: only bytes `read` or this copy put before `end` are ever read.
    var taken = [UInt8](unsafeUninitializedCapacity: max(chunkSize, tail + chunkSize / 2)) { _, initialized in
      initialized = max(chunkSize, tail + chunkSize / 2)
    }
    taken.withUnsafeMutableBufferPointer { window in
      buffer.withUnsafeBufferPointer { old in
        guard let to = window.baseAddress, let from = old.baseAddress, tail > 0 else { return }
        to.update(from: from + count, count: tail)
      }
    }
    swap(&taken, &buffer)
    taken.removeSubrange(count...)
    (start, end) = (0, tail)
    return taken
  }

  /// Reads the rest of the input and returns it all (JSON and YAML that must be transcoded or composed whole),
  /// refusing more than `limit` bytes.
  func readAll(limit: Int) throws(InputError) -> [UInt8] {
    repeat {
      guard available <= limit else {
        throw .limit(
          path: path, line: 1,
          message: "\(path) is over \(limit) bytes, and this format is read whole: write it as CSV or UTF-8 JSON "
            + "(read as it streams) instead")
      }
    } while try fill()
    return Array(buffer[start..<end])
  }

  private static func errorText() -> String {
    // Folders given as inputs stand for their registers; one that reaches here has none.
    if errno == EISDIR {
      return "a folder with no register in it (.csv, .txt, .xlsx, .json, .jsonl, .ndjson, .yaml, .yml)"
    }
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(cString: text)
  }
}
