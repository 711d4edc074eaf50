import ComplyModel

/// What a register reader yields, in file order. Every data row becomes exactly one `.record` or `.rejected`
/// (fully blank CSV rows excepted: they are skipped silently); diagnostics about a row come just before it.
public enum ReadEvent: Sendable {
  case record(Record)
  case rejected(RowRejection)
  case diagnostic(Diagnostic)
}

/// The register file formats comply reads.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
  case csv
  /// An array of flat objects whose keys are headers.
  case json
  /// JSON Lines: one flat object per line.
  case jsonl
  /// A YAML list of flat mappings, read as text (never YAML's implicit typing).
  case yaml
  /// An Excel workbook (Office Open XML): cells read as they are displayed.
  case xlsx

  /// The format a file name implies: `.csv`/`.txt` CSV, `.json`, `.jsonl`/`.ndjson`, `.yaml`/`.yml`, `.xlsx`;
  /// nil for anything else.
  public init?(pathExtensionOf path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "csv", "txt": self = .csv
    case "json": self = .json
    case "jsonl", "ndjson": self = .jsonl
    case "yaml", "yml": self = .yaml
    case "xlsx": self = .xlsx
    default: return nil
    }
  }
}

/// The text encoding of a register file.
public enum InputEncoding: String, Sendable, Hashable, CaseIterable {
  /// UTF-8 (with or without a BOM) when the start of the file is valid UTF-8, else GB18030 (which covers GBK and
  /// GB2312) when it decodes as such.
  case auto
  case utf8
  case gb18030
}

/// Which worksheets of a workbook to read.
public enum SheetSelection: Sendable, Hashable {
  /// The first visible sheet.
  case first
  /// Every visible sheet, in workbook order; a sheet's name fills a blank grouping field (the schema's first).
  case all
  /// The sheet of this name (exactly, else ignoring case and white space).
  case named(String)
}

/// How to read a register.
public struct ReadOptions: Sendable {
  /// nil: by the file's extension, CSV when it has none that is known (standard input included).
  public var format: InputFormat?
  public var encoding: InputEncoding
  /// `--map 'HEADER=field'`: header text → canonical field name. Wins over the schema's aliases.
  public var headerOverrides: [String: String]
  /// Bytes per read. Memory stays near this size plus the longest row; tests make it tiny to put rows across
  /// chunk boundaries.
  public var chunkSize: Int
  /// A row longer than this (in bytes) stops reading with `InputError.rowTooLong`: almost always an unclosed
  /// quote that would otherwise swallow the rest of the file.
  public var maxRowBytes: Int
  /// Workbooks: the sheets to read.
  public var sheet: SheetSelection
  /// Workbooks: the header's row as Excel numbers it, instead of detecting it.
  public var headerRow: Int?
  /// YAML registers, and JSON that must be transcoded from GB18030, are read whole: not past this many bytes.
  public var maxWholeBytes: Int
  /// Workbooks: no part may inflate to more than this many bytes.
  public var maxEntryBytes: Int
  /// Workbooks: no part over 1 MiB may inflate to more than this many times its compressed size.
  public var maxCompressionRatio: Int

  public init(
    format: InputFormat? = nil, encoding: InputEncoding = .auto, headerOverrides: [String: String] = [:],
    chunkSize: Int = 1 << 20, maxRowBytes: Int = 64 << 20, sheet: SheetSelection = .first, headerRow: Int? = nil,
    maxEntryBytes: Int = 256 << 20, maxCompressionRatio: Int = 100, maxWholeBytes: Int = 256 << 20
  ) {
    self.maxWholeBytes = max(1, maxWholeBytes)
    self.format = format
    self.encoding = encoding
    self.headerOverrides = headerOverrides
    self.chunkSize = max(1, chunkSize)
    self.maxRowBytes = max(1, maxRowBytes)
    self.sheet = sheet
    self.headerRow = headerRow
    self.maxEntryBytes = max(1, maxEntryBytes)
    self.maxCompressionRatio = max(1, maxCompressionRatio)
  }
}
