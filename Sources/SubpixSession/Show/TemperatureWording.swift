import Subpix

/// What the temperature does in each of some methods, in words, as help, docs and
/// the viewer's panel say it: `divides in spatial_soft_argmax2d and conv_soft_argmax2d;
/// with --kornia 0.7 it multiplies in spatial_soft_argmax2d`.
public enum TemperatureWording {
    /// The default release's conventions, then each other release's where it differs.
    public static func text(_ methods: [KeypointMethod]) -> String {
        var text = conventions(methods, in: .default)
        for version in KorniaVersion.allCases where version != .default {
            let differing = methods.filter { $0.temperatureMultiplies(in: version) != $0.temperatureMultiplies(in: .default) }
            if !differing.isEmpty { text += "; with --kornia \(version.rawValue) it " + conventions(differing, in: version) }
        }
        return text
    }

    /// `multiplies in spatial_soft_argmax2d and divides in conv_soft_argmax2d`: the
    /// methods grouped by what the temperature does in kornia `version`.
    public static func conventions(_ methods: [KeypointMethod], in version: KorniaVersion) -> String {
        let groups = [true, false].compactMap { multiplies -> String? in
            let names = methods.filter { $0.temperatureMultiplies(in: version) == multiplies }.map(\.name)
            guard !names.isEmpty else { return nil }
            return (multiplies ? "multiplies" : "divides") + " in " + names.joined(separator: " and ")
        }
        return groups.joined(separator: " and ")
    }
}
