import XCTest
import Subpix
import SubpixFiles
import SubpixLanguage
import SubpixPictures
import SubpixSession
@testable import SubpixTUI

/// The cursor readout is the core's conv_soft_argmax2d at the window centred on the
/// cursor, wherever an output window is centred there.
final class WindowWeightsTests: XCTestCase {
    /// Even kernels (their centre is half a pixel past the cursor) and a temperature
    /// at which windows far from the peaks collapse to their centre (kornia #5020)
    /// give the op's numbers; a pixel the stride skips has no readout.
    func testTheReadoutIsTheOpsOutput() throws {
        let model = try demoModel()
        let demo: Tensor<Double> = try XCTUnwrap(model.viewed?.tensor).tensor()
        for (kernel, stride, padding, temperature) in [([4, 4], [1, 1], [2, 2], 1.0), ([3, 2], [2, 1], [1, 1], 0.01), ([5, 5], [1, 1], [2, 2], 0.01)] {
            model.run("view.kernel_size, view.padding = (\(kernel[0]), \(kernel[1])), (\(padding[0]), \(padding[1]))")
            model.run("view.stride = (\(stride[0]), \(stride[1]))")
            model.run("view.temperature = \(temperature)")
            let (coords, _) = try convSoftArgmax2d(demo, kernelSize: kernel, stride: stride, padding: padding,
                                                   temperature: temperature, normalizedCoordinates: false)
            let (rows, columns) = (coords.shape[3], coords.shape[4])
            let slice = try XCTUnwrap(model.slice)
            for (x, y) in [(0, 0), (14, 13), (40, 30), (63, 47), (1, 5)] {
                let readout = WindowWeights.coordinate(slice, x: x, y: y, view: model.session.view)
                let (oy, ox) = (y + padding[0] - (kernel[0] - 1) / 2, x + padding[1] - (kernel[1] - 1) / 2)
                guard oy >= 0, ox >= 0, oy % stride[0] == 0, ox % stride[1] == 0, oy / stride[0] < rows, ox / stride[1] < columns else {
                    XCTAssertNil(readout, "\(kernel) \(stride) at (\(x), \(y))")
                    continue
                }
                let point = try XCTUnwrap(readout, "\(kernel) \(stride) at (\(x), \(y))")
                XCTAssertEqual(point.x, coords[0, 0, 0, oy / stride[0], ox / stride[1]], accuracy: 1e-9, "\(kernel) T \(temperature) at (\(x), \(y))")
                XCTAssertEqual(point.y, coords[0, 0, 1, oy / stride[0], ox / stride[1]], accuracy: 1e-9, "\(kernel) T \(temperature) at (\(x), \(y))")
            }
        }
    }
}
