import ComplyModel

/// Reads a JSON array of flat objects, or JSON Lines (one object per line), streaming.
///
/// Row numbers count records from 1 (see `KeyedRows`). Malformed JSON inside an array stops the reading
/// (`InputError.malformed`), since nothing after it can be trusted; in JSON Lines a malformed line is a rejected
/// row and reading resumes on the next line. Blank lines in JSON Lines are skipped and not counted. UTF-8 files
/// stream; a GB18030 file is transcoded whole first.
final class JSONRowProducer: RowProducer {
  private let scanner: JSONScanner
  private let lines: Bool
  private let path: String
  private var keyed: KeyedRows
  private var queue: [RawRow] = []
  private var row = 0
  /// The line the record being read starts on.
  private var recordLine = 1
  private var done = false
  var mapping: HeaderMapping { keyed.mapping }

  init(source original: ByteSource, lines: Bool, schema: Schema, options: ReadOptions) throws(InputError) {
    path = original.path
    self.lines = lines
    let source = try JSONRowProducer.utf8Source(original, options: options)
    scanner = JSONScanner(source: source)
    scanner.lineFeedEndsElement = lines
    do {
      try scanner.skipWhitespace(newlines: true)
      guard let first = try scanner.peek() else { throw InputError.noHeader(path: path) }
      if !lines {
        guard first == UInt8(ascii: "[") else {
          throw InputError.malformed(
            path: path, line: scanner.line, message: "expected a JSON array of objects (use .jsonl for JSON Lines)")
        }
        scanner.advance()
        try scanner.skipWhitespace()
        if try scanner.peek() == UInt8(ascii: "]") {
          scanner.advance()
          try JSONRowProducer.expectEnd(scanner)
          keyed = KeyedRows(emptyFor: schema, path: path)
          done = true
          return
        }
      }
      guard case .object(let line, let members) = try scanner.readElement() else {
        throw InputError.malformed(path: path, line: scanner.line, message: "the first record is not an object")
      }
      keyed = try KeyedRows(
        firstKeys: members.map(\.key), firstLine: line, schema: schema, options: options, path: path)
      row = 1
      queue = keyed.rows(row: 1, line: line, members: members)
      try finishElement()
    } catch let failure as JSONScanner.Failure {
      throw JSONRowProducer.inputError(failure, path: path)
    } catch let error as InputError {
      throw error
    } catch {
      throw .malformed(path: path, line: scanner.line, message: "\(error)")
    }
  }

  func nextRow() throws(InputError) -> RawRow? {
    while queue.isEmpty {
      if done { return nil }
      do throws(JSONScanner.Failure) {
        try readRecord()
      } catch {
        if case .syntax(_, let message) = error, lines {
          do throws(JSONScanner.Failure) {
            try scanner.skipLine()
          } catch {
            throw JSONRowProducer.inputError(error, path: path)
          }
          // Whatever the line's object yielded before the error is replaced: the row is rejected once.
          let source = RecordSource(path: path, row: row, line: recordLine)
          queue = [.rejected(RowRejection(source: source, reason: "malformed JSON: \(message)"))]
        } else {
          done = true
          throw JSONRowProducer.inputError(error, path: path)
        }
      }
    }
    return queue.removeFirst()
  }

  /// Reads the next record into the queue, or sets `done`.
  private func readRecord() throws(JSONScanner.Failure) {
    try scanner.skipWhitespace(newlines: true)
    if lines, try scanner.peek() == nil {
      done = true
      return
    }
    row += 1
    recordLine = scanner.line
    switch try scanner.readElement() {
    case .object(let line, let members):
      queue = keyed.rows(row: row, line: line, members: members)
    case .other(let line, let kind):
      let source = RecordSource(path: path, row: row, line: line)
      queue = [.rejected(RowRejection(source: source, reason: "expected an object, found \(kind)"))]
    }
    try finishElement()
  }

  /// After an element: the end of its line (JSON Lines), or `,` or `]` and then the end (an array).
  private func finishElement() throws(JSONScanner.Failure) {
    if lines {
      try scanner.skipWhitespace(newlines: false)
      guard let b = try scanner.peek() else { return }
      guard b == 0x0A else { throw scanner.syntax("expected one object per line") }
      scanner.advance()
      return
    }
    try scanner.skipWhitespace()
    switch try scanner.peek() {
    case UInt8(ascii: ","):
      scanner.advance()
    case UInt8(ascii: "]"):
      scanner.advance()
      try JSONRowProducer.expectEnd(scanner)
      done = true
    default:
      throw scanner.syntax("expected ',' or ']' after a record")
    }
  }

  private static func expectEnd(_ scanner: JSONScanner) throws(JSONScanner.Failure) {
    try scanner.skipWhitespace()
    guard try scanner.peek() == nil else { throw scanner.syntax("text after the end of the array") }
  }

  private static func inputError(_ failure: JSONScanner.Failure, path: String) -> InputError {
    switch failure {
    case .io(let error): error
    case .syntax(let line, let message): .malformed(path: path, line: line, message: "malformed JSON: \(message)")
    }
  }

  /// The input as a UTF-8 byte source without a BOM: the original stream when it is UTF-8, else transcoded.
  static func utf8Source(_ source: ByteSource, options: ReadOptions) throws(InputError) -> ByteSource {
    while source.available < TextDecoder.prefixLength, try source.fill() {}
    if source.buffer[source.start..<source.start + source.available].starts(with: [0xEF, 0xBB, 0xBF]) {
      source.start += 3
    }
    let prefix = source.buffer[source.start..<source.start + min(source.available, TextDecoder.prefixLength)]
    let decoder = try TextDecoder(
      detectingFrom: prefix, complete: source.atEOF && prefix.count == source.available,
      requested: options.encoding, path: source.path)
    if decoder.encoding == .utf8 { return source }
    let bytes = try decoder.utf8Bytes(try source.readAll(limit: options.maxWholeBytes), path: source.path)
    return ByteSource(bytes: bytes, displayPath: source.path)
  }
}
