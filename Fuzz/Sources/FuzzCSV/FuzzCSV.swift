import FuzzSupport

/// The CSV reader on bytes, both ways comply reads CSV: the record reader (strings, one row at a time, in
/// chunks of a few bytes) and the block pipeline `comply check` runs (bytes, blocks of a few dozen bytes, two
/// threads). Both must read to the end or not alike; when they do, they must come to the same findings,
/// undetermined outcomes, rejected rows and warnings, and records read = judged + rejected.
let engine = Engine(pack: Fuzz.eia, asOf: Fuzz.asOf)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let path = Fuzz.write(UnsafeBufferPointer(start: data, count: size), to: "register.csv")
  let reference = Collector()
  let counts = reference.read(path, engine: engine, options: ReadOptions(chunkSize: 3 + size % 29))
  var options = CheckOptions(asOf: Fuzz.asOf)
  options.jobs = 2
  options.blockSize = 16 + size % 97
  guard let checker = try? ComplianceChecker(pack: Fuzz.eia, options: options) else { return 0 }
  let pipeline = Collector()
  let summary = checker.check([path], reporters: [pipeline], version: "fuzz")
  let complete = summary.inputs.first?.failure == nil
  Fuzz.require(complete == counts.complete, "record reader complete: \(counts.complete), pipeline: \(complete)")
  guard complete else { return 0 }
  Fuzz.require(summary.read == counts.read, "read \(counts.read) by the record reader, \(summary.read) by the pipeline")
  Fuzz.require(summary.rejected == counts.rejected, "rejected \(counts.rejected) and \(summary.rejected)")
  Fuzz.require(pipeline.lines == reference.lines, "outcomes differ:\n\(reference.lines)\n\(pipeline.lines)")
  // The pipeline reports duplicate keys after each block: warnings are compared as sorted lists.
  Fuzz.require(pipeline.warnings.sorted() == reference.warnings.sorted(), "warnings differ:\n\(reference.warnings)\n\(pipeline.warnings)")
  return 0
}

@_cdecl("FuzzCSV_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { Fuzz.main(argc, argv) }
