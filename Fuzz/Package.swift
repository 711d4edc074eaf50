// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for comply, kept out of the root package: they are built only by build.sh, with
// `-sanitize=fuzzer,address`, into ../.build-fuzz. Each target defines LLVMFuzzerTestOneInput; libFuzzer
// supplies main.
let fuzzer = { (name: String) in
  Target.executableTarget(name: name, dependencies: ["FuzzSupport"])
}

let package = Package(
  name: "comply-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "comply", path: ".."),
    .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
  ],
  targets: [
    .target(name: "CLibFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "Comply", package: "comply")]),
    fuzzer("FuzzRules"),
    fuzzer("FuzzExpression"),
    fuzzer("FuzzCSV"),
    .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzSupport", "ZIPFoundation"]),
    fuzzer("FuzzCells"),
  ]
)
