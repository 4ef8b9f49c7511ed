import Foundation
import SubpixLanguage

/// The lexer and parser on arbitrary text: a ScriptError or statements, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? ScriptSyntax.validate(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
    return 0
}
