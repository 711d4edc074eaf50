#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file or standard input read in chunks into one growing window of bytes.
///
/// Readers consume from `start`; `fill` makes a new window of what is left and reads into the rest of it, room for
/// a chunk. The window is larger only when one unconsumed piece (a row) is longer than a chunk: then it is twice
/// the piece, so that reading a long row costs time linear in its length, and memory stays near the chunk size
/// plus the longest row.
final class ByteSource {
  // Unchecked: read on every row and cell, and only ever changed by `fill` and `take` on the reading thread; a
  // checked access costs a runtime call each time.
  /// The window: every byte in it was read (its count is `end`).
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
    buffer = []
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
    let pending = end - start
    let target = pending < chunkSize ? chunkSize : 2 * pending
    var got = 0
    var failure: Int32 = 0
    // A new window: what is left moved to its front, then one read into the rest (no byte in it is left unwritten,
    // and a block handed the old window keeps it).
    let window = [UInt8](unsafeUninitializedCapacity: target) { room, initialized in
      guard let to = room.baseAddress else { return }
      buffer.withUnsafeBufferPointer { old in
        if pending > 0, let from = old.baseAddress { to.initialize(from: from + start, count: pending) }
      }
      repeat { got = read(fd, to + pending, target - pending) } while got < 0 && errno == EINTR
      if got < 0 { failure = errno }
      initialized = pending + max(got, 0)
    }
    (buffer, start, end) = (window, 0, window.count)
    if got > 0 { return true }
    if got == 0 {
      atEOF = true
      return false
    }
    errno = failure
    throw .unreadable(path: path, reason: ByteSource.errorText())
  }

  /// Consumes the next `count` bytes and returns them. When they start the window and little follows them, the
  /// window's own array is handed over, cut to `count`, and what follows becomes the window: a row's tail is copied
  /// instead of the bytes taken.
  func take(_ count: Int) -> [UInt8] {
    let tail = end - start - count
    guard start == 0, tail <= count / 4 else {
      start += count
      return Array(buffer[start - count..<start])
    }
    var taken = Array(buffer[count..<end])
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
