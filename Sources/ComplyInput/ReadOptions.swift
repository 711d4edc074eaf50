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

  /// The format a file name implies: `.csv`/`.txt` CSV, `.json`, `.jsonl`/`.ndjson`, `.yaml`/`.yml`; nil for
  /// anything else.
  public init?(pathExtensionOf path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "csv", "txt": self = .csv
    case "json": self = .json
    case "jsonl", "ndjson": self = .jsonl
    case "yaml", "yml": self = .yaml
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

  public init(
    format: InputFormat? = nil, encoding: InputEncoding = .auto, headerOverrides: [String: String] = [:],
    chunkSize: Int = 1 << 20, maxRowBytes: Int = 64 << 20
  ) {
    self.format = format
    self.encoding = encoding
    self.headerOverrides = headerOverrides
    self.chunkSize = max(1, chunkSize)
    self.maxRowBytes = max(1, maxRowBytes)
  }
}
