import Foundation
import SubpixFiles

/// `.pt` bytes (a zip with a pickle and storages, as torch.save writes): every input
/// must read or throw a FormatError, never crash, execute or hang, with a 64 MiB cap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = try? TorchFile.read(Data(bytes: bytes, count: count), path: "fuzz.pt", maxBytes: 64 << 20)
    return 0
}
