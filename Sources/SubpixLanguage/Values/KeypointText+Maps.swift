import Subpix

extension KeypointText {
    /// One row per keypoint of every map, each list under its method:
    /// `file,member,frame,batch,channel,x,y,value,method` (a `depth` column after
    /// `y` when a point has one), coordinates in pixels — `subpix extract`'s columns.
    /// `file`, `member` and `frame` say where the maps came from.
    public static func mapsCSV(_ lists: [(method: String, points: KeypointList)], file: String, member: String, frame: Int) -> String {
        let hasDepth = lists.contains { $0.points.contains { $0.depth != nil } }
        var lines = ["file,member,frame,batch,channel,x,y" + (hasDepth ? ",depth" : "") + ",value,method"]
        let source = [field(file), field(member), String(frame)]
        for (method, points) in lists {
            for point in points {
                var fields = source + [String(point.batch), String(point.channel), number(point.x), number(point.y)]
                if hasDepth { fields.append(point.depth.map(number) ?? "") }
                lines.append((fields + [number(point.value), method]).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
