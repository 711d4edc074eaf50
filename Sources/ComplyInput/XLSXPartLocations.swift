import Foundation
import ZIPFoundation

/// Where each part's compressed bytes lie in a package, read from its central directory, so that a compressed part
/// is inflated from exactly its own bytes.
///
/// ZIPFoundation (0.9.20) inflates a part by reading on from its start until the deflate stream ends. A damaged
/// stream that never ends reaches the end of the file, where every read is empty, and it loops there forever (found
/// by fuzzing). Parts this cannot place (ZIP64 sizes or offsets) are left to ZIPFoundation.
struct XLSXPartLocations {
  /// Why a part's bytes cannot be inflated; the message ends up in "its part … is damaged (…)".
  struct Damage: Error, CustomStringConvertible {
    var description: String
  }

  private let file: String
  /// Part path → the offset of its local header and its compressed size.
  private var parts: [String: (header: UInt64, size: UInt64)] = [:]

  init(file: String) {
    self.file = file
    guard let handle = FileHandle(forReadingAtPath: file), let end = try? handle.seekToEnd() else { return }
    defer { try? handle.close() }
    // The end-of-central-directory record: 22 bytes and a comment of at most 65,535.
    let tailStart = end > 65_557 ? end - 65_557 : 0
    guard (try? handle.seek(toOffset: tailStart)) != nil, let tail = (try? handle.readToEnd()).flatMap({ $0 }).map(Array.init),
      let record = stride(from: tail.count - 22, through: 0, by: -1).first(where: { u32(tail, $0) == 0x0605_4B50 })
    else { return }
    let count = u16(tail, record + 10)
    let size = u32(tail, record + 12)
    let offset = u32(tail, record + 16)
    guard offset != 0xFFFF_FFFF, size != 0xFFFF_FFFF, offset + size <= end, (try? handle.seek(toOffset: offset)) != nil,
      let directory = (try? handle.read(upToCount: Int(size))).flatMap({ $0 }).map(Array.init)
    else { return }
    var p = 0
    for _ in 0..<count {
      guard p + 46 <= directory.count, u32(directory, p) == 0x0201_4B50 else { return }
      let nameEnd = p + 46 + Int(u16(directory, p + 28))
      guard nameEnd <= directory.count else { return }
      let name = String(decoding: directory[(p + 46)..<nameEnd], as: UTF8.self)
      let compressed = u32(directory, p + 20)
      let header = u32(directory, p + 42)
      if compressed != 0xFFFF_FFFF, header != 0xFFFF_FFFF, parts[name] == nil { parts[name] = (header, compressed) }
      p = nameEnd + Int(u16(directory, p + 30)) + Int(u16(directory, p + 32))
    }
  }

  /// Inflates the part at `entryPath` into `consumer`, checking its CRC-32; false when the part cannot be placed
  /// here (the caller then extracts it with ZIPFoundation).
  func inflate(_ entryPath: String, checksum: CRC32, into consumer: (Data) throws -> Void) throws -> Bool {
    guard let part = parts[entryPath], let handle = FileHandle(forReadingAtPath: file) else { return false }
    defer { try? handle.close() }
    try handle.seek(toOffset: part.header)
    let header = Array(try handle.read(upToCount: 30) ?? Data())
    guard header.count == 30, u32(header, 0) == 0x0403_4B50 else { throw Damage(description: "no local header") }
    try handle.seek(toOffset: part.header + 30 + u16(header, 26) + u16(header, 28))
    var remaining = part.size
    let crc = try Data.decompress(
      size: Int64(part.size), bufferSize: 1 << 16, skipCRC32: false,
      provider: { _, size in
        // The inflater loops on an empty chunk, so the stream must end within the part's own bytes; and it takes
        // every chunk to be `size` bytes long, so a short last one is padded with zeros (the CRC-32 catches
        // anything they add).
        var chunk = remaining == 0 ? Data() : try handle.read(upToCount: Int(min(UInt64(size), remaining))) ?? Data()
        guard !chunk.isEmpty else { throw Damage(description: "its compressed data ends before its deflate stream") }
        remaining -= UInt64(chunk.count)
        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
        return chunk
      }, consumer: consumer)
    guard crc == checksum else { throw Damage(description: "CRC-32 mismatch") }
    return true
  }
}

/// Little-endian numbers in ZIP records; 0 past the end.
private func u16(_ bytes: [UInt8], _ i: Int) -> UInt64 {
  i >= 0 && i + 2 <= bytes.count ? UInt64(bytes[i]) | UInt64(bytes[i + 1]) << 8 : 0
}

private func u32(_ bytes: [UInt8], _ i: Int) -> UInt64 {
  u16(bytes, i) | u16(bytes, i + 2) << 16
}
