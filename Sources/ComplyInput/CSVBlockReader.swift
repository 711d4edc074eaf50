import ComplyModel

/// A run of complete CSV data rows cut from a register, for one worker to read.
public struct CSVBlock: Sendable {
  /// The block's place in the file, from 0.
  public var index: Int
  public var bytes: [UInt8]
  /// The spreadsheet row and the physical line of the block's first row.
  public var firstRow: Int
  public var firstLine: Int
  /// How many rows the block holds.
  public var rows: Int
}

/// Reads a CSV register as blocks of whole rows, so that several workers can read and judge them at once.
///
/// The header is read and mapped first, exactly as `RegisterReader` does. Blocks are cut after the last row
/// that ends in the bytes read so far; where a row ends is found by the same quoting rules `CSVScanner` applies
/// (a quote opens a quoted cell only at the start of a cell). Blocks do not depend on how many workers there
/// are, so results are the same for any number of them.
public final class CSVBlockReader {
  public static let defaultBlockSize = 1 << 18

  public let mapping: HeaderMapping
  public let layout: CSVLayout
  private let source: ByteSource
  private let blockSize: Int
  private var index = 0
  private var row: Int
  private var line: Int
  /// Sees every byte of the file once, in order (to hash the input while it is read): the first window as it is
  /// read, then each block's bytes beyond it (the block's own array, shared rather than copied), and what is left
  /// at the end.
  private let observe: (ArraySlice<UInt8>) -> Void
  /// Where in the window the bytes seen so far end.
  private var observed = 0

  public init(
    path: String, displayPath: String? = nil, schema: Schema, options: ReadOptions, neededTextFields: FieldSet,
    blockSize: Int = CSVBlockReader.defaultBlockSize, observe: @escaping (ArraySlice<UInt8>) -> Void = { _ in }
  ) throws(InputError) {
    let shown = displayPath ?? (path == "-" ? "<stdin>" : path)
    source = try ByteSource(path: path, displayPath: shown, chunkSize: max(blockSize, 1 << 16))
    self.observe = observe
    self.blockSize = max(1, blockSize)
    let producer = try CSVRowProducer(source: source, schema: schema, options: options)
    mapping = producer.mapping
    layout = CSVLayout(
      schema: schema, mapping: producer.mapping, width: producer.width, encoding: producer.decoder.encoding,
      path: shown, neededTextFields: neededTextFields, maxRowBytes: options.maxRowBytes)
    row = producer.row + 1
    line = producer.scanner.nextLine
    observeNew()
  }

  /// Passes on the window's bytes from `observed` to its end, copied (the window is reused).
  private func observeNew() {
    let end = source.start + source.available
    guard end > observed else { return }
    observe(Array(source.buffer[observed..<end])[...])
    observed = end
  }

  private func fill() throws(InputError) -> Bool {
    let before = source.start
    let more = try source.fill()
    // `fill` moves unconsumed bytes to the front of the window. Every consumed byte was in a block, and seen.
    observed -= before - source.start
    return more
  }

  /// The next block, or nil at the end of the file.
  public func nextBlock() throws(InputError) -> CSVBlock? {
    while true {
      let available = source.available
      if available >= blockSize || source.atEOF {
        if available == 0 { return nil }
        // Cut within the first `blockSize` bytes; a window that holds no row end grows until one does.
        var window = min(available, blockSize)
        var cut: (end: Int, rows: Int, lines: Int)?
        while true {
          let atEnd = source.atEOF && window == available
          cut = source.buffer.withUnsafeBufferPointer { p in
            RowBoundaries.lastRowEnd(UnsafeBufferPointer(rebasing: p[source.start..<source.start + window]), atEOF: atEnd)
          }
          if cut != nil || window == available { break }
          window = min(available, window * 2)
        }
        if let cut, cut.end > 0 {
          let before = source.start
          let block = CSVBlock(
            index: index, bytes: source.take(cut.end), firstRow: row, firstLine: line, rows: cut.rows)
          // The part of the block not seen with the first window, from the block's own bytes.
          let seen = observed - before
          if seen < cut.end { observe(block.bytes[seen...]) }
          // Where the window's bytes after the block are now: `take` may have moved them to a new window's front.
          observed = max(observed, before + cut.end) - (before + cut.end - source.start)
          index += 1
          row += cut.rows
          line += cut.lines
          return block
        }
        if source.atEOF {
          observeNew()
          return nil
        }
        if available >= layout.maxRowBytes {
          throw .rowTooLong(path: layout.path, line: line, limit: layout.maxRowBytes)
        }
      }
      _ = try fill()
    }
  }
}

/// How a CSV block's rows are read: the schema, which column is which field, and the encoding.
public struct CSVLayout: Sendable {
  public var schema: Schema
  public var mapping: HeaderMapping
  public var width: Int
  var encoding: TextDecoder.Encoding
  public var path: String
  /// Text fields the rules read, made into strings for every row; other text is made only for findings.
  public var neededTextFields: FieldSet
  public var maxRowBytes: Int

  /// A cell's text from its raw bytes in a block (quotes and white space included), as `RecordAssembler` shows
  /// it: unquoted, decoded from the register's encoding, trimmed.
  public func cellText(_ raw: ArraySlice<UInt8>) -> String {
    let source = ByteSource(bytes: Array(raw), displayPath: path)
    let scanner = CSVScanner(source: source, maxRowBytes: raw.count + 1)
    guard (try? scanner.nextRow()) == true, !scanner.cells.isEmpty else { return "" }
    let decoder = TextDecoder(encoding: encoding)
    return scanner.withCell(0, decoder.decode).map(RecordAssembler.trimmed) ?? ""
  }
}
