import ComplyEngine
import ComplyInput
import ComplyModel
import ComplyReport
import Crypto
import Dispatch
import Foundation

/// What one block of a CSV register came to: its events in row order, the count of clean records (which need no
/// event), and each record's key hash for the duplicate check.
struct BlockResult: Sendable {
  enum Event: Sendable {
    case diagnostic(Diagnostic)
    case rejected(RowRejection)
    /// The judgement, with each reporter's rendering of it.
    case judged(Judgement, [[UInt8]?])
  }

  var events: [Event] = []
  var clean = 0
  var keys: [(hash: UInt64, row: Int, line: Int, range: Range<Int>)] = []
  var bytes: [UInt8] = []
}

/// Checks a CSV register in blocks on several threads. Blocks are cut the same way whatever the number of
/// threads, and their results are passed on in block order, so the report is identical for 1 thread and for many.
/// Memory holds about four blocks per worker, plus the key table.
struct CSVPipeline {
  let engine: Engine
  let options: CheckOptions
  /// The reporters' renderers, called on the worker threads.
  let renderers: [(any JudgementRenderer)?]

  /// Reads, judges and reports one file. Returns the input's summary entry.
  /// `batch` holds the keys across the files of a batch, with this input's index; nil for a single input.
  func run(
    path: String, reporters: [any Reporter], summary: inout Summary, progress: ((CheckProgress) -> Void)?,
    batch: (keys: BatchKeys, input: Int)? = nil
  ) {
    let hasher = HashBox()
    let reader: CSVBlockReader
    do throws(InputError) {
      reader = try CSVBlockReader(
        path: path, schema: engine.pack.schema, options: options.read, neededTextFields: neededTextFields,
        blockSize: options.blockSize, observe: { hasher.update($0) })
    } catch {
      summary.inputs[summary.inputs.count - 1].failure = error.diagnostic.message
      for reporter in reporters { reporter.diagnostic(error.diagnostic) }
      return
    }
    for diagnostic in reader.mapping.diagnostics {
      if diagnostic.severity == .warning { summary.warnings += 1 }
      for reporter in reporters { reporter.diagnostic(diagnostic) }
    }
    let keys = KeyTable()
    // Sized once from the first block's bytes per row, so the table ends about 87% full (14 bytes a row).
    let fileSize = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int
    var sized = fileSize == nil
    var bytesDone = 0
    let emit = { (result: BlockResult, summary: inout Summary) in
      bytesDone += result.bytes.count
      if let progress {
        let input = summary.inputs[summary.inputs.count - 1]
        progress(CheckProgress(path: input.path, bytesRead: bytesDone, totalBytes: fileSize, rows: input.records + input.rejected))
      }
      if !sized, let fileSize, !result.keys.isEmpty, !result.bytes.isEmpty {
        keys.reserve(expectedRows: fileSize / max(1, result.bytes.count / result.keys.count))
        sized = true
      }
      self.emit(result, reporters: reporters, summary: &summary, keys: keys, layout: reader.layout, batch: batch)
    }
    let failure = options.jobs <= 1
      ? runSerially(reader, &summary, emit) : runInParallel(reader, &summary, emit)
    if let failure {
      summary.inputs[summary.inputs.count - 1].failure = failure.diagnostic.message
      for reporter in reporters { reporter.diagnostic(failure.diagnostic) }
    }
    summary.inputs[summary.inputs.count - 1].sha256 = failure == nil ? hasher.hex : nil
  }

  var neededTextFields: FieldSet {
    engine.rules.reduce(FieldSet()) { $0.union($1.fields) }
  }

  private func runSerially(
    _ reader: CSVBlockReader, _ summary: inout Summary, _ emit: (BlockResult, inout Summary) -> Void
  ) -> InputError? {
    let parser = CSVBlockParser(layout: reader.layout)
    do throws(InputError) {
      while let block = try reader.nextBlock() { emit(process(block, parser), &summary) }
    } catch {
      return error
    }
    return nil
  }

  private func runInParallel(
    _ reader: CSVBlockReader, _ summary: inout Summary, _ emit: (BlockResult, inout Summary) -> Void
  ) -> InputError? {
    let state = PipelineState(parsers: (0..<options.jobs).map { _ in CSVBlockParser(layout: reader.layout) })
    // Blocks in flight: results are passed on in order, so a block with many findings holds back the ones after
    // it, and with too few in flight the other workers run out of blocks meanwhile. Each holds a 256 KiB block and
    // its results (several MB for a pack with many findings), so not many more (BENCHMARKS.md, ninth round).
    let limit = options.jobs * 4
    var submitted = 0
    var emitted = 0
    var failure: InputError?
    let pipeline = self
    func drain(waitingFor target: Int) {
      while emitted < target {
        emit(state.take(emitted), &summary)
        emitted += 1
      }
    }
    while true {
      let block: CSVBlock?
      do throws(InputError) { block = try reader.nextBlock() } catch {
        failure = error
        break
      }
      guard let block else { break }
      if submitted - emitted >= limit { drain(waitingFor: emitted + 1) }
      submitted += 1
      DispatchQueue.global(qos: .userInitiated).async {
        let parser = state.borrowParser()
        let result = pipeline.process(block, parser)
        state.returnParser(parser)
        state.put(block.index, result)
      }
      while let ready = state.poll(emitted) {
        emit(ready, &summary)
        emitted += 1
      }
    }
    drain(waitingFor: submitted)
    return failure
  }

  /// Parses and judges one block; runs on a worker thread.
  func process(_ block: CSVBlock, _ parser: CSVBlockParser) -> BlockResult {
    var result = BlockResult()
    result.bytes = block.bytes
    // A key per row: room made once (growing the array copied it several times per block).
    result.keys.reserveCapacity(block.rows)
    let engine = self.engine
    let screen: CSVBlockParser.Screen? = engine.screensBatches ? { engine.screen($0, into: $1) } : nil
    parser.parse(block, screen: screen) { row in
      switch row {
      case .record(let view):
        result.keys.append((view.keyHash, view.source.row, view.source.line, view.keyRange))
        if view.isClean ?? engine.isClean(cells: view.cells, values: { view.values }) {
          result.clean += 1
        } else {
          let judgement = options.mark(engine.judge(view.record(), cells: view.cells))
          result.events.append(.judged(judgement, renderers.map { $0?.render(judgement) }))
        }
      case .rejected(let rejection): result.events.append(.rejected(rejection))
      case .diagnostic(let diagnostic): result.events.append(.diagnostic(diagnostic))
      }
    }
    return result
  }

  /// Passes a block's events to the reporters, in order, and checks its keys; on the calling thread.
  private func emit(
    _ result: BlockResult, reporters: [any Reporter], summary: inout Summary, keys: KeyTable, layout: CSVLayout,
    batch: (keys: BatchKeys, input: Int)?
  ) {
    let last = summary.inputs.count - 1
    summary.inputs[last].records += result.clean
    for event in result.events {
      switch event {
      case .judged(let judgement, let rendered):
        summary.add(judgement)
        if let baseline = options.baseline { summary.baseline?.seen.formUnion(baseline.persisting(judgement)) }
        for (reporter, text) in zip(reporters, rendered) { reporter.judged(judgement, rendered: text) }
      case .rejected(let rejection):
        summary.inputs[last].rejected += 1
        for reporter in reporters { reporter.rejected(rejection) }
      case .diagnostic(let diagnostic):
        if diagnostic.severity == .warning { summary.warnings += 1 }
        for reporter in reporters { reporter.diagnostic(diagnostic) }
      }
    }
    let keyName = layout.schema.fields[layout.schema.keyField].name
    let repeats = keys.insert(contentsOf: result.keys.map { ($0.hash, $0.row) })
    var nextRepeat = 0
    for (index, key) in result.keys.enumerated() {
      if let batch, let warning = batch.keys.note(
        hash: key.hash, input: batch.input, row: key.row, line: key.line, path: layout.path,
        key: { layout.cellText(result.bytes[key.range]) })
      {
        summary.warnings += 1
        for reporter in reporters { reporter.diagnostic(warning) }
      }
      guard nextRepeat < repeats.count, repeats[nextRepeat].index == index else { continue }
      let first = repeats[nextRepeat].firstRow
      nextRepeat += 1
      let text = layout.cellText(result.bytes[key.range])
      let diagnostic = Diagnostic.warning(
        .inputDuplicateKey, "row \(key.row) repeats \(keyName) '\(text)' of row \(first)",
        at: Location(file: layout.path, line: key.line, column: 0))
      summary.warnings += 1
      for reporter in reporters { reporter.diagnostic(diagnostic) }
    }
  }
}

/// Block results waiting to be passed on in order, and the parsers the workers share.
private final class PipelineState: @unchecked Sendable {
  private let condition = NSCondition()
  private var results: [Int: BlockResult] = [:]
  private var parsers: [CSVBlockParser]

  init(parsers: [CSVBlockParser]) { self.parsers = parsers }

  func put(_ index: Int, _ result: BlockResult) {
    condition.lock()
    results[index] = result
    condition.broadcast()
    condition.unlock()
  }

  /// The result for `index`, waiting for it.
  func take(_ index: Int) -> BlockResult {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let result = results.removeValue(forKey: index) { return result }
      condition.wait()
    }
  }

  /// The result for `index` if it is ready.
  func poll(_ index: Int) -> BlockResult? {
    condition.lock()
    defer { condition.unlock() }
    return results.removeValue(forKey: index)
  }

  func borrowParser() -> CSVBlockParser {
    condition.lock()
    defer { condition.unlock() }
    while parsers.isEmpty { condition.wait() }
    return parsers.removeLast()
  }

  func returnParser(_ parser: CSVBlockParser) {
    condition.lock()
    parsers.append(parser)
    condition.broadcast()
    condition.unlock()
  }
}

/// SHA-256 of the bytes read, fed as they are read and hashed on a thread of its own, so that hashing (for the
/// report's provenance) overlaps reading and judging instead of delaying the reader. Chunks are the blocks' own
/// arrays (shared, not copied); at most `maxPending` wait at a time, so memory stays bounded if hashing falls
/// behind.
private final class HashBox: @unchecked Sendable {
  private static let maxPending = 4
  private var hasher = SHA256()
  private let queue = DispatchQueue(label: "comply.input-sha256")
  private let slots = DispatchSemaphore(value: HashBox.maxPending)

  func update(_ chunk: ArraySlice<UInt8>) {
    guard !chunk.isEmpty else { return }
    slots.wait()
    queue.async {
      chunk.withUnsafeBytes { self.hasher.update(bufferPointer: $0) }
      self.slots.signal()
    }
  }

  /// The digest of everything passed to `update`, once the hashing thread has caught up.
  var hex: String {
    queue.sync { Hex.lowercase(hasher.finalize()) }
  }
}
