import Foundation
import FuzzSupport

/// The condition language on text: lexer, parser and type checker against the bundled EIA pack's schema and
/// definitions. An expression that checks is evaluated, compiled and interpreted, on every example record of
/// the pack and on an all-blank and an all-unreadable record, and the two must agree; the explainer runs too.
let environment = Environment(schema: Fuzz.eia.schema, definitions: Fuzz.eia.definitions)
let explainer = Fuzz.eia.explainer()
let bindings: [Bindings] = {
  let runner = ExampleRunner(pack: Fuzz.eia)
  var all = Fuzz.eia.rules.flatMap(\.examples).map { Bindings(values: runner.record(for: $0).values, asOf: $0.asOf) }
  let count = Fuzz.eia.schema.fields.count
  all.append(Bindings(values: Array(repeating: .null, count: count), asOf: Fuzz.asOf))
  all.append(Bindings(values: (0..<count).map { .unknown(FieldSet($0)) }, asOf: Fuzz.asOf))
  return all
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard case .success(let checked) = TypeChecker.check(text, in: environment) else { return 0 }
  for b in bindings {
    Fuzz.requireAgreement(checked, b)
    _ = explainer.explain(checked, b)
    _ = explainer.describe(checked, b)
  }
  return 0
}

@_cdecl("FuzzExpression_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { Fuzz.main(argc, argv) }
