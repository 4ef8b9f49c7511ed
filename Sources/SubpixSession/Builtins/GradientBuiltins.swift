import Subpix
import SubpixLanguage

/// Gradients in scripts: the vector-Jacobian product of an op (`vjp`) and the
/// influence map of one keypoint (`influence`), through the core's pullbacks.
enum GradientBuiltins {
    static let all: [Builtin] = [vjp, influence, massNear]

    static let vjp = Builtin(
        "vjp", [.init("op"), .init("cotangents", Value.none)], category: .gradient,
        summary: "gradient of Σ cotangents · op(*inputs, **op_kwargs) for each differentiable input of op",
        details: "op is the builtin itself (vjp(\(Method.spatialSoftArgmax2d.name), x, cotangents=g, temperature=10)): \(differentiableInputs). cotangents has each output's shape: a tensor for one output, a tuple for (coords, values) (None for a zero one). Returns a tensor for one differentiable input, \(tupleGradients). kornia's conv ops hold each map's max constant (detached), as torch autograd does.",
        variadic: true, variadicName: "inputs", forwardedKeywords: "op_kwargs"
    ) { a, session in
        guard case .function(let name) = a["op"], let op = session.registry[name] else {
            throw a.error("op", "a builtin such as \(Method.spatialSoftArgmax2d.name)")
        }
        let differentiable = Method.differentiable
        guard let method = differentiable.first(where: { $0.name == name }), let pullback = method.pullback else {
            let names = differentiable.map(\.name).sorted().joined(separator: ", ")
            throw a.error("op", "a differentiable op (\(names))", got: "<builtin \(name)>")
        }
        if case .none = a["cotangents"] { throw a.error("cotangents", "a tensor (or a tuple for several outputs)") }
        let bound = try Arguments(forwarding: a.rest, keywords: a.keywords, to: op)
        let arguments = try bound.methodArguments(of: method, in: session.kornia)
        let cotangents = try Cotangents(a["cotangents"], outputs: try pullback.outputCount(arguments), op: name).tensors()
        let gradients = try method.vectorJacobianProduct(arguments, cotangents: cotangents).map(Value.tensor)
        return gradients.count == 1 ? gradients[0] : .tuple(gradients)
    }

    static let influence = Builtin(
        "influence",
        [.init("x"), .init("method", .string(KeypointMethod.spatialSoftArgmax2d.name)), .init("keypoint", .tuple([.int(0), .int(0)])),
         .init("axis", .string(CoordinateAxis.x.rawValue))],
        category: .gradient,
        summary: "∂(x or y of one keypoint)/∂x: how hard each pixel pulls it, a map the size of x",
        details: "keypoint = (b, k) names map k of batch b (\(KeypointMethod.spatialSoftArgmax2d.name)), (b, k, n) its n-th keypoint best first (\(KeypointMethod.convSoftArgmax2d.name): the NMS maxima of the pooled values, as keypoints(...) ranks them; \(KeypointMethod.hardArgmax.name)). op_kwargs as for the method (temperature, kernel_size, ...; the coordinate is in the units normalized_coordinates gives). Sums to zero over the map for the soft-argmax methods (to kornia's eps for the windowed one); zero everywhere for \(KeypointMethod.hardArgmax.name), a hard argmax.",
        forwardedKeywords: "op_kwargs"
    ) { a, session in
        let x = try a.tensor("x")
        let methodName = try a.string("method")
        guard let method = KeypointMethod.named(methodName), Influence.methods.contains(method), let op = session.registry[methodName] else {
            throw a.error("method", "one of \(Influence.methods.map(\.name).joined(separator: ", "))")
        }
        let indices = try a.intList("keypoint")
        guard indices.count == 2 || indices.count == 3, indices.allSatisfy({ $0 >= 0 }) else {
            throw a.error("keypoint", "(b, k) or (b, k, n) of non-negative integers")
        }
        guard let axis = CoordinateAxis(rawValue: try a.string("axis")) else { throw a.error("axis", "'x' or 'y'") }
        let bound = try Arguments(forwarding: [.tensor(x)], keywords: a.keywords, to: op)
        let settings = KeypointSettings(try bound.methodArguments(of: Method.named(methodName), in: session.kornia))
        let (batch, channel, rank) = (indices[0], indices[1], indices.count == 3 ? indices[2] : 0)
        guard x.shape.count == 4, batch < x.shape[0], channel < x.shape[1] else {
            throw a.error("keypoint", "a map (b, k) of x's \(formatShape(Array(x.shape.prefix(2))))", got: "\(indices)")
        }
        func run<S: SubpixScalar>(_ x: Tensor<S>) throws -> Value {
            let map = try MapSelection.map(x, batch: batch, channel: channel)
            let listed = try method.extract(map, view: ViewSettings(listing: rank + 1, with: settings))
            let points = listed.keypoints.points
            guard rank < points.count else {
                throw a.error("keypoint", "one of the \(points.count) keypoints of map (\(batch), \(channel))", got: "n = \(rank)")
            }
            var point = points[rank]
            (point.batch, point.channel) = (batch, channel)
            return .tensor(try method.influence(of: point, axis: axis.index, in: AnyTensor(x), with: settings))
        }
        return try x.visit(run, run)
    }

    static let massNear = Builtin(
        "mass_near", [.init("g"), .init("point"), .init("radius", .float(2))], category: .gradient,
        summary: "(Σ |g| within radius px of point (x, y), Σ |g| elsewhere): where a gradient's mass lies",
        details: "Pixel (row i, column j) of each map of g is near when (j − x)² + (i − y)² ≤ radius²; the viewer's gradient overlay (f) shows the same split for radius 2."
    ) { a, _ in
        let g = try a.tensor("g")
        guard let point = a["point"].items, point.count == 2, let x = point[0].number, let y = point[1].number else {
            throw a.error("point", "an (x, y) pair of numbers")
        }
        let radius = try a.double("radius")
        guard radius >= 0 else { throw a.error("radius", "a number >= 0") }
        guard g.shape.count >= 2 else { throw a.error("g", "a tensor of shape (..., H, W)") }
        let mass = Influence.mass(g.doubles, height: g.shape[g.shape.count - 2], width: g.shape[g.shape.count - 1], near: (x, y), radius: radius)
        return .tuple([.float(mass.near), .float(mass.elsewhere)])
    }
}

extension GradientBuiltins {
    /// The differentiable methods, each group followed by the inputs they
    /// differentiate: `spatial_softmax2d, ..., conv_soft_argmax3d (input), render_gaussian2d (mean and std)`.
    static var differentiableInputs: String {
        var groups: [(inputs: [String], names: [String])] = []
        for method in Method.differentiable {
            let inputs = method.pullback?.inputs ?? []
            if let index = groups.firstIndex(where: { $0.inputs == inputs }) {
                groups[index].names.append(method.name)
            } else {
                groups.append((inputs, [method.name]))
            }
        }
        return groups.map { $0.names.joined(separator: ", ") + " (" + $0.inputs.joined(separator: " and ") + ")" }.joined(separator: ", ")
    }

    /// `a tuple (mean, std) for render_gaussian2d`: what `vjp` returns for the methods of several differentiable inputs.
    static var tupleGradients: String {
        Method.differentiable.compactMap { method in
            method.pullback.flatMap { $0.inputs.count > 1 ? "a tuple (\($0.inputs.joined(separator: ", "))) for \(method.name)" : nil }
        }.joined(separator: "; ")
    }
}

extension Arguments {
    /// The arguments one builtin passes on to another (`vjp` to its op); an error
    /// in them is positioned at the outer call.
    init(forwarding values: [Value], keywords: [(label: String, value: Value)], to builtin: Builtin) throws {
        do {
            try self.init(values: values, keywords: keywords, to: builtin, at: nil)
        } catch let error as ScriptError {
            throw ScriptError(error.message)
        }
    }
}

extension ViewSettings {
    /// View settings that list a map's best `count` keypoints with a method op's own settings, unfiltered.
    init(listing count: Int, with settings: KeypointSettings) {
        self.init()
        (kernelSize, stride, padding, temperature) = (settings.kernelSize, settings.stride, settings.padding, settings.temperature)
        (topK, threshold, minValue, kornia) = (count, nil, nil, settings.version)
    }
}
