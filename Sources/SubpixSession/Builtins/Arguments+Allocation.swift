import Subpix
import SubpixFiles
import SubpixLanguage

extension Arguments {
    /// Refuses parameter `name` when the tensor it asks for — `elements` (with
    /// an overflow flag, as `multipliedReportingOverflow` gives) of `dtype` —
    /// would exceed `SUBPIX_MAX_BYTES` (2 GiB by default), so that no size a
    /// user types can exhaust memory.
    public func requireAllocation(_ name: String, elements: (partialValue: Int, overflow: Bool), dtype: DType) throws {
        let (bytes, overflow) = elements.partialValue.multipliedReportingOverflow(by: dtype.byteWidth)
        guard !elements.overflow, !overflow, bytes <= ReadLimits.maxBytes else {
            throw error(name, "small enough for at most \(ReadLimits.maxBytes) bytes; \(ReadLimits.raiseHint)")
        }
    }
}
