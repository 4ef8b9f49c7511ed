import CPNG
import Foundation
import Subpix

/// PNG images through libpng's simplified API (which reports errors by return
/// value, never by longjmp): any colour type and bit depth, read as 8-bit
/// grayscale — libpng converts colour with the sRGB luminance weights
/// (0.2126 R + 0.7152 G + 0.0722 B) — and scaled to [0, 1].
public enum PNGImage {
    public static func read(_ data: Data, path: String, maxBytes: Int = ReadLimits.maxBytes) throws -> Tensor<Float> {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = data.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        guard began != 0 else { throw FormatError(path, "not a readable PNG (\(message(image)))") }
        defer { png_image_free(&image) }
        let (width, height) = (Int(image.width), Int(image.height))
        let count = try ReadLimits.check([height, width], elementSize: 4, path: path, maxBytes: maxBytes)
        image.format = UInt32(PNG_FORMAT_GRAY)
        var pixels = [UInt8](repeating: 0, count: count)
        let finished = data.withUnsafeBytes { _ in
            pixels.withUnsafeMutableBytes { buffer in
                png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil)
            }
        }
        guard finished != 0 else { throw FormatError(path, "PNG data is damaged (\(message(image)))") }
        return try Tensor(shape: [1, 1, height, width], elements: pixels.map { Float($0) / 255 })
    }

    private static func message(_ image: png_image) -> String {
        var text = image.message
        return withUnsafeBytes(of: &text) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
