import CPNG
import XCTest
import SubpixPictures

/// A PNG file read back through libpng as 8-bit RGB, for tests that check what a
/// written picture holds rather than what the code meant to write.
public struct RGBFile {
    public let width: Int
    public let height: Int
    private let bytes: [UInt8]

    /// Reads the PNG at `path`; a file libpng cannot open skips the test.
    public init(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        guard png_image_begin_read_from_file(&image, path) != 0 else { throw XCTSkip("libpng could not open \(path)") }
        image.format = UInt32(PNG_FORMAT_RGB)
        (width, height) = (Int(image.width), Int(image.height))
        var bytes = [UInt8](repeating: 0, count: width * height * 3)
        let finished = bytes.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        XCTAssertNotEqual(finished, 0, "libpng reads the file back", file: file, line: line)
        self.bytes = bytes
    }

    /// The colour of the pixel at column `x`, row `y`.
    public func pixel(_ x: Int, _ y: Int) -> RGB {
        let i = (y * width + x) * 3
        return RGB(bytes[i], bytes[i + 1], bytes[i + 2])
    }
}
