import Comply

/// `--show-mapping`: which register column became which field, for each input.
enum ShowMapping {
  static func print(files: [String], setup: CheckArguments.Setup) throws {
    var failed = false
    for file in files {
      do throws(InputError) {
        let reader = try RegisterReader(path: file, schema: setup.pack.schema, options: setup.checker.options.read)
        Terminal.write("\(reader.displayPath):\n")
        for line in reader.mapping.describe(in: setup.pack.schema) { Terminal.write("  \(line)\n") }
      } catch {
        Terminal.error("\(error.description)\n")
        failed = true
      }
    }
    if failed { throw ExitStatus.unreadableInput.exitCode }
  }
}
