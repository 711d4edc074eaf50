import Foundation
import ZIPFoundation

/// Where each part's compressed bytes lie in a package, read from its central directory, so that a compressed part
/// is inflated from exactly its own bytes.
///
/// ZIPFoundation (0.9.20) inflates a part by reading on from its start until the deflate stream ends. A damaged
/// stream that never ends reaches the end of the file, where every read is empty, and it loops there forever (found
/// by fuzzing). Sizes and offsets too large for the classic records are read from their ZIP64 forms; a part this
/// cannot place is left to ZIPFoundation.
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
    var count = u16(tail, record + 10)
    var size = u32(tail, record + 12)
    var offset = u32(tail, record + 16)
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
      // ZIP64: a locator just before the record gives where the ZIP64 end-of-central-directory record lies.
      guard record >= 20, u32(tail, record - 20) == 0x0706_4B50, let zip64 = read(handle, at: u64(tail, record - 12), 56),
        u32(zip64, 0) == 0x0606_4B50
      else { return }
      (count, size, offset) = (u64(zip64, 32), u64(zip64, 40), u64(zip64, 48))
    }
    guard offset <= end, size <= end - offset, size < 1 << 31, let directory = read(handle, at: offset, Int(size)) else {
      return
    }
    var p = 0
    for _ in 0..<count {
      guard p + 46 <= directory.count, u32(directory, p) == 0x0201_4B50 else { return }
      let nameEnd = p + 46 + Int(u16(directory, p + 28))
      let extraEnd = nameEnd + Int(u16(directory, p + 30))
      guard extraEnd <= directory.count else { return }
      let name = String(decoding: directory[(p + 46)..<nameEnd], as: UTF8.self)
      var compressed = u32(directory, p + 20)
      var header = u32(directory, p + 42)
      if compressed == 0xFFFF_FFFF || header == 0xFFFF_FFFF || u32(directory, p + 24) == 0xFFFF_FFFF {
        guard let sizes = XLSXPartLocations.zip64(Array(directory[nameEnd..<extraEnd]), of: directory, at: p) else { return }
        (compressed, header) = (sizes.compressed ?? compressed, sizes.header ?? header)
      }
      if compressed != 0xFFFF_FFFF, header != 0xFFFF_FFFF, parts[name] == nil { parts[name] = (header, compressed) }
      p = extraEnd + Int(u16(directory, p + 32))
    }
  }

  /// The ZIP64 extended information in an entry's extra fields (tag 1): the 64-bit forms of those of its
  /// uncompressed size, compressed size and local header offset that its record marks 0xFFFFFFFF, in that order.
  private static func zip64(_ extra: [UInt8], of directory: [UInt8], at p: Int) -> (compressed: UInt64?, header: UInt64?)? {
    var i = 0
    while i + 4 <= extra.count {
      let (tag, length) = (u16(extra, i), Int(u16(extra, i + 2)))
      guard i + 4 + length <= extra.count else { return nil }
      if tag == 1 {
        var field = i + 4
        var compressed: UInt64?
        var header: UInt64?
        if u32(directory, p + 24) == 0xFFFF_FFFF { field += 8 }
        if u32(directory, p + 20) == 0xFFFF_FFFF {
          guard field + 8 <= i + 4 + length else { return nil }
          compressed = u64(extra, field)
          field += 8
        }
        if u32(directory, p + 42) == 0xFFFF_FFFF {
          guard field + 8 <= i + 4 + length else { return nil }
          header = u64(extra, field)
        }
        return (compressed, header)
      }
      i += 4 + length
    }
    return nil
  }

  private func read(_ handle: FileHandle, at offset: UInt64, _ count: Int) -> [UInt8]? {
    guard (try? handle.seek(toOffset: offset)) != nil, let data = (try? handle.read(upToCount: count)).flatMap({ $0 }),
      data.count == count
    else { return nil }
    return Array(data)
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
        try XLSXPartLocations.chunk(size, remaining: &remaining) { try handle.read(upToCount: $0) ?? Data() }
      }, consumer: consumer)
    guard crc == checksum else { throw Damage(description: "CRC-32 mismatch") }
    return true
  }

  /// The next `size` bytes of a part's compressed data for ZIPFoundation's inflater, `remaining` of them left to
  /// `read`. The inflater loops on an empty chunk, so the stream must end within the part's own bytes (Damage
  /// otherwise); and it takes every chunk to be `size` bytes long, reading past a shorter one, so a short last
  /// chunk is padded with zeros (the CRC-32 catches anything they add).
  static func chunk(_ size: Int, remaining: inout UInt64, read: (Int) throws -> Data) throws -> Data {
    var chunk = remaining == 0 ? Data() : try read(Int(min(UInt64(size), remaining)))
    guard !chunk.isEmpty else { throw Damage(description: "its compressed data ends before its deflate stream") }
    remaining -= UInt64(min(UInt64(chunk.count), remaining))
    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
    return chunk
  }
}

/// Little-endian numbers in ZIP records; 0 past the end.
private func u16(_ bytes: [UInt8], _ i: Int) -> UInt64 {
  i >= 0 && i + 2 <= bytes.count ? UInt64(bytes[i]) | UInt64(bytes[i + 1]) << 8 : 0
}

private func u32(_ bytes: [UInt8], _ i: Int) -> UInt64 {
  u16(bytes, i) | u16(bytes, i + 2) << 16
}

private func u64(_ bytes: [UInt8], _ i: Int) -> UInt64 {
  i >= 0 && i + 8 <= bytes.count ? u32(bytes, i) | u32(bytes, i + 4) << 32 : 0
}
