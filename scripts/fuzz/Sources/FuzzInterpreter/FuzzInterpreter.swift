import Foundation
import SubpixLanguage
import SubpixSession

/// Parsed programs run in a session without the builtins that touch files or the
/// terminal (load, save, source, view, glob), with tensors capped by SUBPIX_MAX_BYTES
/// (scripts/fuzz.sh sets 16 MiB) and inputs capped at 512 bytes by -max_len.
/// Loops and recursion (`while True: pass`, `def f(): f()`) end at a step limit:
/// the interpreter's checkpoint, before each statement, loop turn and comprehension
/// item, stops the run after ``stepLimit`` of them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let session = Session(registry: sandbox, output: { _ in })
    var steps = 0
    session.isInterrupted = {
        steps += 1
        return steps > stepLimit
    }
    _ = try? session.execute(source, onError: { _ in })
    return 0
}

/// Checkpoints one input may pass before it is stopped.
private let stepLimit = 20_000

private let sandbox: BuiltinRegistry = {
    let excluded: Set<String> = ["load", "save", "source", "view", "glob"]
    return BuiltinRegistry(BuiltinRegistry.standard.all.filter { !excluded.contains($0.name) })
}()
