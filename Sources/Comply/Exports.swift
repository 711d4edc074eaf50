// The façade re-exports the layers an embedder needs: rules, registers, the engine and reports.
@_exported import ComplyEngine
@_exported import ComplyInput
@_exported import ComplyModel
@_exported import ComplyReport
@_exported import ComplyRules
