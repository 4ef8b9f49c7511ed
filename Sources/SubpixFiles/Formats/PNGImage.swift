import CPNG
import Foundation
import Subpix
import SubpixPictures

/// PNG images through libpng's simplified API (which reports errors by return
/// value, never by longjmp): any colour type and bit depth, read as 8-bit
/// grayscale — libpng converts colour with the sRGB luminance weights
/// (0.2126 R + 0.7152 G + 0.0722 B) — and scaled to [0, 1]; pictures written
/// as 8-bit RGB.
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

    /// An 8-bit RGB PNG of `image`.
    public static func encode(_ image: RGBImage, path: String) throws -> Data {
        guard image.width > 0, image.height > 0 else { throw FormatError(path, "cannot write an empty picture") }
        var png = png_image()
        png.version = UInt32(PNG_IMAGE_VERSION)
        png.width = UInt32(image.width)
        png.height = UInt32(image.height)
        png.format = UInt32(PNG_FORMAT_RGB)
        let stride = Int32(image.width * 3)
        var size: png_alloc_size_t = 0
        // The first call measures, the second writes.
        let measured = image.bytes.withUnsafeBytes { png_image_write_to_memory(&png, nil, &size, 0, $0.baseAddress, stride, nil) }
        guard measured != 0 else { throw FormatError(path, "cannot encode the PNG (\(message(png)))") }
        var data = Data(count: Int(size))
        let written = data.withUnsafeMutableBytes { out in
            image.bytes.withUnsafeBytes { png_image_write_to_memory(&png, out.baseAddress, &size, 0, $0.baseAddress, stride, nil) }
        }
        guard written != 0 else { throw FormatError(path, "cannot encode the PNG (\(message(png)))") }
        return data.prefix(Int(size))
    }

    private static func message(_ image: png_image) -> String {
        var text = image.message
        return withUnsafeBytes(of: &text) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
