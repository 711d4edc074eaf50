import Foundation
import ZIPFoundation

/// The ZIP package of an `.xlsx` workbook, read with limits against decompression bombs.
///
/// Each part is checked twice: its declared sizes before extraction, and the bytes actually inflated during it
/// (a crafted entry can understate its size).
struct XLSXPackage {
  private let archive: Archive
  private let locations: XLSXPartLocations
  let path: String
  private let maxEntryBytes: Int
  private let maxRatio: Int

  /// Entries up to this size are never held to the ratio limit: small parts (styles, an empty sheet) compress
  /// far better than 100:1 and are harmless.
  static let ratioExemptBytes = 1 << 20

  init(fileAt filePath: String, displayPath: String, options: ReadOptions) throws(InputError) {
    path = displayPath
    maxEntryBytes = options.maxEntryBytes
    maxRatio = options.maxCompressionRatio
    guard FileManager.default.isReadableFile(atPath: filePath) else {
      let reason = FileManager.default.fileExists(atPath: filePath) ? "Permission denied" : "No such file or directory"
      throw .unreadable(path: displayPath, reason: reason)
    }
    do {
      archive = try Archive(url: URL(fileURLWithPath: filePath), accessMode: .read)
    } catch {
      throw .notWorkbook(path: displayPath, reason: XLSXPackage.whatItIs(filePath))
    }
    locations = XLSXPartLocations(file: filePath)
  }

  /// Why a file that should be a workbook is not a ZIP package, from its first bytes.
  private static func whatItIs(_ filePath: String) -> String {
    let head = FileHandle(forReadingAtPath: filePath).flatMap { try? $0.read(upToCount: 8) } ?? Data()
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      return "it is an Excel 97–2003 (.xls) workbook; save it as .xlsx or CSV"
    }
    if head.isEmpty { return "the file is empty" }
    return "it is not a ZIP package, which every .xlsx file is (a CSV or text file with an .xlsx name?)"
  }

  /// Whether the package has a part at `entryPath`.
  func contains(_ entryPath: String) -> Bool { archive[entryPath] != nil }

  /// The bytes of the part at `entryPath`, or nil when the package has no such part.
  func read(_ entryPath: String) throws(InputError) -> Data? {
    guard let entry = archive[entryPath] else { return nil }
    let declared = entry.uncompressedSize
    let compressed = max(entry.compressedSize, 1)
    try check(entryPath, bytes: declared, compressed: compressed)
    var data = Data()
    var limitHit: InputError?
    let consume = { (chunk: Data) throws -> Void in
      data.append(chunk)
      do throws(InputError) {
        try self.check(entryPath, bytes: UInt64(data.count), compressed: compressed)
      } catch {
        limitHit = error
        throw error
      }
    }
    do {
      // Compressed parts are inflated from their own bytes only (see XLSXPartLocations).
      let inflated = try entry.isCompressed && locations.inflate(entryPath, checksum: entry.checksum, into: consume)
      if !inflated { _ = try archive.extract(entry, skipCRC32: false, consumer: consume) }
    } catch {
      if let limitHit { throw limitHit }
      throw .notWorkbook(path: path, reason: "its part \(entryPath) is damaged (\(error))")
    }
    return data
  }

  private func check(_ entryPath: String, bytes: UInt64, compressed: UInt64) throws(InputError) {
    if bytes > UInt64(maxEntryBytes) {
      throw .workbookLimit(
        path: path, part: entryPath,
        reason: "inflates to more than \(XLSXPackage.mebibytes(maxEntryBytes)) (a decompression bomb?)")
    }
    if bytes > UInt64(XLSXPackage.ratioExemptBytes), bytes / compressed > UInt64(maxRatio) {
      throw .workbookLimit(
        path: path, part: entryPath,
        reason: "inflates more than \(maxRatio) times its compressed size (a decompression bomb?)")
    }
  }

  private static func mebibytes(_ bytes: Int) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }
}
