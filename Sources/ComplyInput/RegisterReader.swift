import ComplyModel

/// Streams a register file as records, rejected rows and diagnostics, in file order.
///
/// Opening the file reads its header (or first JSON object) and maps it: problems that make the whole input
/// unusable throw `InputError` then. Header warnings (missing or duplicate columns) are the first events. After
/// that each data row yields its diagnostics followed by one `.record` or `.rejected`.
///
/// A failure past the header (a read error, malformed JSON in an array, a row too long) cannot be thrown from
/// `next()`: iteration stops, the error is yielded once as an error diagnostic, and `failure` holds it, so a
/// caller can print diagnostics as they come and still exit with status 3.
public final class RegisterReader: IteratorProtocol, Sequence {
  public let mapping: HeaderMapping
  /// The path diagnostics and records name.
  public let displayPath: String
  /// `.record` events yielded so far.
  public private(set) var recordsRead = 0
  /// `.rejected` events yielded so far.
  public private(set) var rejectedCount = 0
  /// Why reading stopped before the end of the input, if it did.
  public private(set) var failure: InputError?

  private let producer: any RowProducer
  private var assembler: RecordAssembler
  private var pending: [ReadEvent]
  private var pendingIndex = 0
  private var finished = false

  /// Opens and maps a register. `path` "-" reads standard input; `displayPath` (default: `path`, or "<stdin>")
  /// is the name used in records and diagnostics.
  public init(path: String, displayPath: String? = nil, schema: Schema, options: ReadOptions = ReadOptions())
    throws(InputError)
  {
    let shownPath = displayPath ?? (path == "-" ? "<stdin>" : path)
    self.displayPath = shownPath
    let format = options.format ?? (path == "-" ? .csv : InputFormat(pathExtensionOf: path) ?? .csv)
    if format == .xlsx {
      // A ZIP package is read by its central directory at the end, so it needs a file, not a stream.
      guard path != "-" else {
        throw .notWorkbook(path: shownPath, reason: "a workbook cannot be read from standard input; name the file")
      }
      producer = try XLSXRowProducer(path: path, displayPath: shownPath, schema: schema, options: options)
    } else {
      let source = try ByteSource(path: path, displayPath: shownPath, chunkSize: options.chunkSize)
      producer = try RegisterReader.producer(format: format, source: source, schema: schema, options: options)
    }
    mapping = producer.mapping
    assembler = RecordAssembler(schema: schema, mapping: mapping, path: producer.sectionPath ?? shownPath)
    pending = mapping.diagnostics.map(ReadEvent.diagnostic)
  }

  static func producer(format: InputFormat, source: ByteSource, schema: Schema, options: ReadOptions)
    throws(InputError) -> any RowProducer
  {
    switch format {
    case .csv: return try CSVRowProducer(source: source, schema: schema, options: options)
    case .json, .jsonl:
      return try JSONRowProducer(source: source, lines: format == .jsonl, schema: schema, options: options)
    case .yaml: return try YAMLRowProducer(source: source, schema: schema, options: options)
    case .xlsx: throw .notWorkbook(path: source.path, reason: "a workbook is read from its file")
    }
  }

  public func next() -> ReadEvent? {
    while pendingIndex == pending.count {
      pending.removeAll(keepingCapacity: true)
      pendingIndex = 0
      if finished { return nil }
      do throws(InputError) {
        guard let row = try producer.nextRow() else {
          finished = true
          return nil
        }
        switch row {
        case .cells(let row, let line, let texts):
          assembler.assemble(row: row, line: line, texts: texts, into: &pending)
        case .rejected(let rejection):
          pending.append(.rejected(rejection))
        case .diagnostic(let diagnostic):
          pending.append(.diagnostic(diagnostic))
        case .section(let path, let mapping):
          assembler.begin(mapping: mapping, path: path)
          pending.append(contentsOf: mapping.diagnostics.map(ReadEvent.diagnostic))
        }
      } catch {
        finished = true
        failure = error
        pending.append(.diagnostic(error.diagnostic))
      }
    }
    let event = pending[pendingIndex]
    pendingIndex += 1
    switch event {
    case .record: recordsRead += 1
    case .rejected: rejectedCount += 1
    case .diagnostic: break
    }
    return event
  }
}
