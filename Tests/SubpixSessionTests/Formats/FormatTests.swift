import XCTest
import Subpix
@testable import SubpixFiles
@testable import SubpixLanguage
@testable import SubpixPictures
@testable import SubpixSession
import TestSupport

/// Files written by NumPy and Python (scripts/make-test-resources.py), read back
/// and compared with the values the generator recorded in expected.json.
final class FormatTests: XCTestCase {
    private struct Expected: Decodable { var shape: [Int]; var values: [Double] }

    private func expected() throws -> [String: Expected] {
        try JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: URL(fileURLWithPath: TestResources.path("formats/expected.json"))))
    }

    func testNumPyFilesOfEveryDtypeOrderAndEndianness() throws {
        for (name, want) in try expected() where name != "pgm" {
            let data = try Data(contentsOf: URL(fileURLWithPath: TestResources.path("formats/\(name).npy")))
            let tensor = try NPY.read(data, path: name)
            XCTAssertEqual(tensor.shape, want.shape, name)
            XCTAssertEqual(tensor.doubles, want.values, name)
            XCTAssertEqual(tensor.dtype, name.hasPrefix("f8") ? .float64 : .float32, name)
        }
    }

    func testLoadAddsBatchAndChannelAxesByTheShapeRule() throws {
        func shape(_ file: String) throws -> [Int] {
            guard case .tensor(let t) = try TensorFile.load(TestResources.path("formats/\(file)")) else { throw FormatError(file, "not a tensor") }
            return t.shape
        }
        XCTAssertEqual(try shape("f4_le.npy"), [1, 1, 3, 4])
        XCTAssertEqual(try shape("f4_1d.npy"), [1, 1, 1, 5])
        // Three or more axes stay as np.load gives them.
        XCTAssertEqual(try shape("f4_3d.npy"), [2, 3, 4])
        XCTAssertEqual(try shape("points_b_k_2.npy"), [1, 1, 2])
        XCTAssertEqual(try shape("f8_5d.npy"), [1, 1, 1, 2, 3])
        // The viewer shows a 3D array as a volume, and leaves the others as loaded.
        XCTAssertEqual(try TensorFile.viewed(.float32(Tensor(shape: [2, 3, 4], repeating: 0))).shape, [1, 1, 2, 3, 4])
        XCTAssertEqual(try TensorFile.viewed(.float32(Tensor(shape: [1, 1, 3, 4], repeating: 0))).shape, [1, 1, 3, 4])
    }

    /// float16 (`<f2`, `>f2`), in an `.npy`, an `.npz` and a stream: float32 bit for bit
    /// as NumPy converts it, subnormals, signed zero, infinities and NaN included.
    func testHalfPrecisionLoadsAsFloat32AsNumPyConvertsIt() throws {
        struct Half: Decodable { var shape: [Int]; var float32_bits: [UInt32] }
        let want = try JSONDecoder().decode(Half.self, from: Data(contentsOf: URL(fileURLWithPath: TestResources.path("formats/half.json"))))
        func assertHalf(_ tensor: AnyTensor, _ label: String) {
            guard case .float32(let t) = tensor else { return XCTFail("\(label): \(tensor.dtype), expected float32") }
            XCTAssertEqual(t.shape, [1, 1] + want.shape, label)
            XCTAssertEqual(t.elements.map(\.bitPattern), want.float32_bits, label)
        }
        for file in ["f2_le.npy", "f2_be.npy"] {
            guard case .tensor(let t) = try TensorFile.load(TestResources.path("formats/\(file)")) else { return XCTFail(file) }
            assertHalf(t, file)
        }
        guard case .arrays(let members) = try TensorFile.load(TestResources.path("formats/half.npz")) else { return XCTFail("half.npz") }
        XCTAssertEqual(members.map(\.name), ["le", "be"])
        members.forEach { assertHalf($0.tensor, "half.npz[\($0.name)]") }
        let stream = try NPYStreamSource(path: TestResources.path("formats/half.npys"), maxBytes: 1 << 20)
        var frames = 0
        while let event = stream.next() {
            switch event {
            case .frame(let t): assertHalf(t, "half.npys frame \(frames)"); frames += 1
            case .problem(let error): XCTFail("\(error)")
            case .ended: break
            }
        }
        XCTAssertEqual(frames, 2)
    }

    func testNpzArchivesAndTheirLimits() throws {
        guard case .arrays(let arrays) = try TensorFile.load(TestResources.path("formats/pair.npz")) else { return XCTFail() }
        XCTAssertEqual(arrays.map(\.name), ["first", "second"])
        XCTAssertEqual(arrays[0].tensor.doubles, try expected()["f4_le"]?.values)
        XCTAssertEqual(arrays[1].tensor.shape, [1, 1, 2, 2])
        // np.savez_compressed: deflated members, inflated through zlib.
        guard case .arrays(let inflated) = try TensorFile.load(TestResources.path("formats/compressed.npz")) else { return XCTFail() }
        XCTAssertEqual(inflated.map(\.name), ["only"])
        XCTAssertEqual(inflated[0].tensor.doubles, try expected()["f8_le"]?.values)
        XCTAssertEqual(inflated[0].tensor.dtype, .float64)
    }

    func testImagesScaleToTheUnitInterval() throws {
        let want = try XCTUnwrap(try expected()["pgm"])
        for file in ["tiny_p5.pgm", "tiny_p2.pgm", "tiny_gray.png"] {
            guard case .tensor(let t) = try TensorFile.load(TestResources.path("formats/\(file)")) else { return XCTFail(file) }
            XCTAssertEqual(t.shape, want.shape, file)
            for (got, value) in zip(t.doubles, want.values) { XCTAssertEqual(got, value, accuracy: 1e-6, file) }
        }
        // White, black, mid-gray RGB pixels become luminance 1, 0 and 128/255.
        guard case .tensor(let rgb) = try TensorFile.load(TestResources.path("formats/tiny_rgb.png")) else { return XCTFail() }
        XCTAssertEqual(rgb.shape, [1, 1, 1, 3])
        XCTAssertEqual(rgb.doubles[0], 1, accuracy: 1e-6)
        XCTAssertEqual(rgb.doubles[1], 0, accuracy: 1e-6)
        XCTAssertEqual(rgb.doubles[2], 128.0 / 255, accuracy: 2.0 / 255)
    }

    func testRoundTripsThroughEveryWritableFormat() throws {
        let directory = try scratchDirectory()
        let tensor = AnyTensor.float64(try Tensor(shape: [1, 1, 2, 3], elements: [0.5, -1, 2.25, .nan, 1e-9, 7]))
        let npy = directory.appendingPathComponent("t.npy").path
        try AtomicFile.write(try TensorFile.encode(.tensor(tensor), for: npy), to: npy, overwrite: false)
        guard case .tensor(let back) = try TensorFile.load(npy) else { return XCTFail() }
        XCTAssertEqual(back.shape, tensor.shape)
        XCTAssertEqual(back.doubles.map { $0.isNaN ? 99 : $0 }, tensor.doubles.map { $0.isNaN ? 99 : $0 })
        let csv = directory.appendingPathComponent("t.csv").path
        try AtomicFile.write(try TensorFile.encode(.tensor(tensor), for: csv), to: csv, overwrite: false)
        guard case .tensor(let grid) = try TensorFile.load(csv) else { return XCTFail() }
        XCTAssertEqual(grid.shape, [1, 1, 2, 3])
        XCTAssertEqual(grid.doubles[0], 0.5)
        XCTAssertTrue(grid.doubles[3].isNaN)
        let points = [Keypoint(batch: 0, channel: 1, x: 2.5, y: 3.25, value: 0.75),
                      Keypoint(batch: 1, channel: 0, x: -1, y: 0, depth: 1.5, value: .nan)]
        for ext in ["csv", "json"] {
            let path = directory.appendingPathComponent("k.\(ext)").path
            try AtomicFile.write(try TensorFile.encode(.keypoints(KeypointList(points)), for: path), to: path, overwrite: false)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.contains(ext == "csv" ? "-1.0,0.0,1.5,nan" : "\"depth\": 1.5, \"value\": null"), text)
            guard case .keypoints(let read) = try TensorFile.load(path) else { return XCTFail(ext) }
            XCTAssertEqual(read.count, 1, "the row with a NaN value is dropped on reading (the keypoint rule) ...")
            XCTAssertEqual(read.droppedNonFinite, 1, "... and counted")
            XCTAssertEqual(read[0].x, 2.5, ext)
        }
    }

    func testSaveNeverOverwritesUnlessAsked() throws {
        let directory = try scratchDirectory()
        let path = directory.appendingPathComponent("keep.npy").path
        try Data("original".utf8).write(to: URL(fileURLWithPath: path))
        let session = Session(output: { _ in })
        XCTAssertThrowsError(try session.execute("save(zeros((2, 2)), '\(path)')")) {
            XCTAssertEqual("\($0)", "1:1: \(path): file exists; pass overwrite=True to replace it")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "original")
        try session.execute("save(zeros((2, 2)), '\(path)', overwrite=True)")
        guard case .tensor(let t) = try TensorFile.load(path) else { return XCTFail() }
        XCTAssertEqual(t.shape, [1, 1, 2, 2])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "no temporary file is left behind")
    }

    /// Hostile files: each gets one line naming the file, the expectation and what was found.
    func testMalformedFilesGetOneLineErrors() throws {
        func npy(_ header: String, payload: Int = 0, magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0]) -> Data {
            let length = UInt16(header.utf8.count)
            return Data(magic + [UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8) + Array(repeating: 0, count: payload))
        }
        let cases: [(Data, String)] = [
            (Data([1, 2, 3]), "x: expected the .npy magic \\x93NUMPY, got a file of 3 bytes without it"),
            (npy("{'descr': '<f4'", magic: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 9, 0]), "x: expected .npy format version 1, 2 or 3, got 9"),
            (npy("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }"), "x: unsupported dtype '<c8'; expected float16/32/64, int8–64, uint8–64 or bool"),
            (npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }"), "x: expected a dtype like '<f4', got '|O'"),
            (npy("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,), }"), "x: expected True or False for 'fortran_order', got Maybe, 'sh"),
            (npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }"), "x: expected integer axis sizes in 'shape', got 'x'"),
            (npy("{'descr': '<f4', 'fortran_order': False, }"), "x: expected 'shape' in the .npy header, got {'descr': '<f4', 'fortran_order': False, }"),
            (npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000, 1000000), }"),
             "x: shape [1000000, 1000000] needs more than the \(ReadLimits.defaultMaxBytes)-byte limit (raise it with --max-bytes or SUBPIX_MAX_BYTES)"),
            (npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4), }"), "x: shape [4611686018427387904, 4] has more elements than can be counted"),
            (npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-3,), }"), "x: expected non-negative axis sizes, got [-3]"),
            (npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", payload: 8), "x: expected 32 data bytes for shape [4], got 8"),
            (npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", payload: 8), "x: expected 16 data bytes for shape [4], got 8"),
            (Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 0xFF, 0x7F, 0x20]), "x: header claims 32767 bytes but the file has 1 after the preamble"),
        ]
        let directory = try scratchDirectory("subpix-npy")
        for (data, message) in cases {
            XCTAssertThrowsError(try NPY.read(data, path: "x", maxBytes: ReadLimits.defaultMaxBytes), message) { XCTAssertEqual("\($0)", message) }
            // From a file: float32 arrays are read from the file straight into the tensor; the same messages.
            let file = directory.appendingPathComponent("x.npy")
            try data.write(to: file)
            XCTAssertThrowsError(try NPY.load(file.path), message) { XCTAssertEqual("\($0)", file.path + message.dropFirst()) }
        }
        let images: [(Data, String)] = [
            (Data("P5\n3 2\n255\n".utf8) + Data([1, 2]), "x: expected 6 sample bytes, got 2"),
            (Data("P6\n3 2\n255\n".utf8), "x: expected a PGM (P2 or P5), got magic 'P6'"),
            (Data("P2\n3 2\n255\n1 2 3 4 5 999\n".utf8), "x: expected 6 samples in 0...255"),
            (Data("P5\n0 2\n255\n".utf8), "x: expected positive width, height and a maxval in 1...65535"),
        ]
        for (data, message) in images {
            XCTAssertThrowsError(try PGM.read(data, path: "x"), message) { XCTAssertEqual("\($0)", message) }
        }
        XCTAssertThrowsError(try PNGImage.read(Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]), path: "x")) {
            XCTAssertTrue("\($0)".hasPrefix("x: not a readable PNG"), "\($0)")
        }
        XCTAssertThrowsError(try TextGrid.read("1,2\n3\n", path: "x")) { XCTAssertEqual("\($0)", "x: line 2: expected 2 values like the first row, got 1") }
        XCTAssertThrowsError(try TextGrid.read("1,zz\n", path: "x")) { XCTAssertEqual("\($0)", "x: line 1: expected a number, got 'zz'") }
        XCTAssertThrowsError(try TensorFile.load("/nonexistent/file.npy")) { XCTAssertEqual("\($0)", "/nonexistent/file.npy: no such file") }
        XCTAssertThrowsError(try TensorFile.load("notes.docx")) {
            XCTAssertEqual("\($0)", "notes.docx: unknown file type '.docx'; expected one of .npy, .npz, .pt, .pth, .csv, .txt, .pgm, .png, .json")
        }
    }
}
