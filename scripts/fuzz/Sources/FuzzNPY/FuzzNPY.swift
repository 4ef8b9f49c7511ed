import Foundation
import SubpixFiles

/// `.npy` and `.npz` bytes: every input must read or throw a FormatError, never crash,
/// with a 64 MiB cap so hostile shapes cannot exhaust memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? NPY.read(data, path: "fuzz.npy", maxBytes: 64 << 20)
    _ = try? NPZ.read(data, path: "fuzz.npz", maxBytes: 64 << 20)
    return 0
}
