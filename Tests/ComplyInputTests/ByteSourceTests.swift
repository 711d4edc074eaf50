import Foundation
import Testing

@testable import ComplyInput

/// The reading window: `take` hands the window itself over when the bytes taken start it and little follows, and
/// copies otherwise; either way every byte comes out once, in order. A piece longer than a chunk is read whole.
@Suite struct ByteSourceTests {
  func source(_ bytes: [UInt8], chunkSize: Int) throws -> (ByteSource, URL) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("comply-bytes-\(UUID().uuidString)")
    try Data(bytes).write(to: url)
    return (try ByteSource(path: url.path, displayPath: "t", chunkSize: chunkSize), url)
  }

  @Test func takeHandsOverTheWindowOrCopiesIt() throws {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
    let (source, url) = try source(bytes, chunkSize: 100)
    defer { try? FileManager.default.removeItem(at: url) }
    var out: [UInt8] = []
    try source.fill()
    #expect(source.available == 100)
    // 90 bytes from the window's start with 10 after them: the window is handed over, and its tail is the window.
    out += source.take(90)
    #expect(source.start == 0 && source.available == 10 && source.buffer.count == 10)
    // 5 of those 10, with 5 after them: copied, and the window stays.
    out += source.take(5)
    #expect(source.start == 5 && source.buffer.count == 10)
    while true {
      if source.available == 0, try !source.fill() { break }
      out += source.take(min(source.available, 30))
    }
    #expect(out == bytes)
  }

  @Test func aPieceLongerThanAChunkIsReadWhole() throws {
    let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 13) }
    let (source, url) = try source(bytes, chunkSize: 16)
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(try source.readAll(limit: 20_000) == bytes)
    #expect(throws: InputError.self) {
      let (again, url) = try self.source(bytes, chunkSize: 16)
      defer { try? FileManager.default.removeItem(at: url) }
      _ = try again.readAll(limit: 5_000)
    }
  }
}
