import Subpix
import SubpixSession

/// The conv_soft_argmax2d window centred on a pixel, as the viewer shows it: the
/// core's ``ConvSoftArgmaxWindow`` for the view's kernel, stride, padding,
/// temperature and kornia release (its cells' values, `e` and weights; padding
/// cells are nil, shown as `·`), and whether the op has an output window centred there.
struct WindowWeights {
    let window: ConvSoftArgmaxWindow
    /// The window's row (height) and column (width) axes.
    let axes: [WindowAxis]
    /// The op's output (row, column) whose window this is; nil when the stride skips the pixel.
    let output: [Int]?

    /// The window centred on pixel (x, y) (``WindowAxis/start(centredOn:)``); nil when
    /// it is larger than `largest` on a side or the view's window cannot be applied.
    init?(_ slice: MapSlice, x: Int, y: Int, view: ViewSettings, largest: Int = 7) {
        guard view.kernelSize.allSatisfy({ $0 <= largest }),
              let geometry = try? WindowGeometry(op: view.method.name, axes: 2, kernel: view.kernelSize, stride: view.stride, padding: view.padding,
                                                 offsets: WindowOffsets(view.kornia))
        else { return nil }
        let axes = [geometry.axis(0, length: slice.height), geometry.axis(1, length: slice.width)]
        let origin = [axes[0].start(centredOn: y), axes[1].start(centredOn: x)]
        func window<S: SubpixScalar>(_ maps: Tensor<S>, plane: Int) throws -> ConvSoftArgmaxWindow {
            try ConvSoftArgmaxWindow(maps, plane: plane, origin: origin, geometry: geometry, temperature: view.temperature, version: view.kornia)
        }
        guard let window = try? slice.visitPlane(window, window) else { return nil }
        self.window = window
        self.axes = axes
        if let row = axes[0].output(centredOn: y), let column = axes[1].output(centredOn: x) {
            output = [row, column]
        } else {
            output = nil
        }
    }

    var values: [[Double?]] { window.values }
    var exponentials: [[Double?]] { window.exponentials }
    /// The softmax weights `p`, one row of the window per element.
    var rows: [[Double?]] { window.weights }

    /// kornia's `conv_soft_argmax2d` output (x, y) in pixels at this window, nil
    /// when no output window is centred on the pixel (stride, padding).
    var outputCoordinate: (x: Double, y: Double)? {
        output == nil ? nil : (window.coordinate[0], window.coordinate[1])
    }

    /// ``outputCoordinate`` of the window centred on pixel (x, y), whatever its size.
    static func coordinate(_ slice: MapSlice, x: Int, y: Int, view: ViewSettings) -> (x: Double, y: Double)? {
        WindowWeights(slice, x: x, y: y, view: view, largest: .max)?.outputCoordinate
    }
}
